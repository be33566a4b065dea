import type { Locale, Translator } from '../../src/i18n/index.ts';
import type { Dependencies } from '../dependencies.ts';

/** The Hono environment of the API: per-request variables set by the request-context middleware. */
export type ApiEnv = {
  Variables: {
    deps: Dependencies;
    requestId: string;
    locale: Locale;
    t: Translator;
  };
};
