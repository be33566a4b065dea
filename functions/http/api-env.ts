import type { Locale, Translator } from '../../src/i18n/index.ts';
import type { ValidSession } from '../../src/server/auth/sessions.ts';
import type { SpaceSession } from '../../src/server/client-space/contact-sessions.ts';
import type { ContactViewer } from '../../src/server/client-space/contact-viewer.ts';
import type { Dependencies } from '../../src/server/dependencies.ts';

/** The Hono environment of the API: per-request variables set by the request-context middleware. */
export type ApiEnv = {
  Variables: {
    deps: Dependencies;
    requestId: string;
    locale: Locale;
    t: Translator;
    // The signed-in person's session, or null; set by the access guard on non-public paths.
    session: ValidSession | null;
    // On /api/space/* (see spaceGuard): the space session, and its contact once chosen.
    spaceSession: SpaceSession | null;
    contact: ContactViewer | null;
    // The raw fields of a form post, kept so a refused form can be returned filled in.
    form: Record<string, unknown> | null;
    // Set by routes that serve a piece's file, which our own pages show in a frame.
    embeddable: boolean;
  };
};
