import type { Locale } from '../../i18n/index.ts';
import { policy } from '../../policy/index.ts';
import { sessionCookieOptions } from '../auth/session-cookie.ts';
import type { Dependencies } from '../dependencies.ts';
import { requestLocale } from '../i18n/request-locale.ts';
import { failedPage, keepPrivate, type PageContext } from '../pages/guard-page.ts';
import { type SpaceSession, spaceRulesOf, validateSpaceSession } from './contact-sessions.ts';
import type { ContactViewer } from './contact-viewer.ts';
import { decideSpaceAccess, spaceAccessFor } from './space-access.ts';
import { SPACE_CHOOSE, SPACE_COOKIE, SPACE_SIGN_IN } from './space-cookie.ts';

/** The page context of the space: the partner one, plus the contact and their session. */
export type SpacePageContext = PageContext & {
  locals: PageContext['locals'] & {
    contact: ContactViewer | null;
    spaceSession: SpaceSession | null;
  };
};

type Next = (rewrite?: string) => Promise<Response>;

/** True for the pages and API of the client space, which this guard (not guardPage) keeps. */
export function isSpacePath(pathname: string): boolean {
  return spaceAccessFor(pathname) !== null;
}

/**
 * For the client space's pages: the contact's session from its own cookie (a partner's
 * session is never read here), the contact's language, and the space's access rule —
 * signed out to the space's sign-in, an address with several clients to the choice.
 */
export async function guardSpacePage(context: SpacePageContext, next: Next, deps: Dependencies) {
  let locale: Locale = requestLocale(context.request);
  try {
    const access = spaceAccessFor(context.url.pathname) ?? 'contact';
    const token = context.cookies.get(SPACE_COOKIE)?.value;
    const session = token
      ? await validateSpaceSession(deps.db, token, spaceRulesOf(policy), deps.clock())
      : null;
    locale = session?.contact?.locale ?? locale;
    context.locals.deps = deps;
    context.locals.session = null;
    context.locals.spaceSession = session;
    context.locals.contact = session?.contact ?? null;
    context.locals.locale = locale;
    const decision = decideSpaceAccess(access, session);
    if (decision === 'sign_in') return context.redirect(SPACE_SIGN_IN, 303);
    if (decision === 'choose') return context.redirect(SPACE_CHOOSE, 303);
    if (token && session?.renewed) {
      context.cookies.set(SPACE_COOKIE, token, sessionCookieOptions(session.expiresAt));
    }
    return keepPrivate(await next());
  } catch (error) {
    return failedPage(error, locale);
  }
}
