import { createTranslator, type Locale } from '../../i18n/index.ts';
import { policy } from '../../policy/index.ts';
import { accessFor, decideAccess } from '../auth/access-rules.ts';
import { SESSION_COOKIE, sessionCookieOptions } from '../auth/session-cookie.ts';
import { type ValidSession, validateSessionToken } from '../auth/sessions.ts';
import type { Dependencies } from '../dependencies.ts';
import { type UnavailablePart, unavailablePart } from '../faults/unavailable.ts';
import { signInPathFor } from '../forms/return-path.ts';
import { requestLocale } from '../i18n/request-locale.ts';
import { messagePage } from './message-page.ts';

/** The part of Astro's middleware context the guard uses (kept structural: no Astro import). */
export type PageContext = {
  url: URL;
  request: Request;
  cookies: {
    get(name: string): { value: string } | undefined;
    set(name: string, value: string, options: ReturnType<typeof sessionCookieOptions>): void;
  };
  locals: { deps: Dependencies; session: ValidSession | null; locale: Locale };
  redirect(path: string, status: 301 | 302 | 303 | 307 | 308): Response;
};

type Next = (rewrite?: string) => Promise<Response>;

/** The app's own page for an address or an object that is not there (see not-found.astro). */
export const NOT_FOUND_PAGE = '/not-found';
/** The page for a place the person's roles do not reach (see forbidden.astro). */
export const FORBIDDEN_PAGE = '/forbidden';

/**
 * For on-demand pages: the request's dependencies, the session, and the access table (the
 * same one the API applies). A part that is down gives a clear 503 page in the visitor's
 * language instead of an error page: nothing was saved, and the page can be reloaded.
 */
export async function guardPage(context: PageContext, next: Next, deps: Dependencies) {
  let locale = requestLocale(context.request);
  try {
    const access = accessFor(context.url.pathname);
    const token = access === 'public' ? undefined : context.cookies.get(SESSION_COOKIE)?.value;
    const session = token
      ? await validateSessionToken(deps.db, token, policy.sessions, deps.clock())
      : null;
    // A signed-in person sees Ponte in the language of their profile.
    locale = session?.user.locale ?? locale;
    context.locals.deps = deps;
    context.locals.session = session;
    context.locals.locale = locale;
    const decision = decideAccess(access, session?.user.roles ?? null);
    // Signed out: to sign-in, keeping the page (and its query) to land on afterwards.
    if (decision === 'sign_in') {
      return context.redirect(signInPathFor(context.url.pathname + context.url.search), 303);
    }
    if (token && session?.renewed) {
      context.cookies.set(SESSION_COOKIE, token, sessionCookieOptions(session.expiresAt));
    }
    let response = decision === 'forbidden' ? await next(FORBIDDEN_PAGE) : await next();
    // A partner-area page that answers 404 (an unknown address, another client's object) is
    // drawn as the app's own not-found page, with the navigation. Client links and sign-in
    // (public) keep their own wording; the handbook's addresses never reach this guard.
    const notFound = response.status === 404 && context.url.pathname !== NOT_FOUND_PAGE;
    if (notFound && access !== 'public') {
      await response.body?.cancel();
      response = await next(NOT_FOUND_PAGE);
    }
    return keepPrivate(response);
  } catch (error) {
    return failedPage(error, locale);
  }
}

/** These pages are personal or reached by a token: never cached, never leaked by Referer. */
export function keepPrivate(response: Response): Response {
  response.headers.set('Cache-Control', 'no-store');
  response.headers.set('Referrer-Policy', 'no-referrer');
  return response;
}

/** A page that failed: 503 naming the part that is down, else a 500 with a request id. */
export function failedPage(error: unknown, locale: Locale): Response {
  const part = unavailablePart(error);
  if (!part) return internalErrorPage(error, locale);
  console.error('page unavailable', error);
  return unavailablePage(part, locale);
}

/**
 * A bug on a page: a 500 in the visitor's language with a request id, the same id logged
 * with the cause, so support can find it (never the stack on the page).
 */
export function internalErrorPage(error: unknown, locale: Locale): Response {
  const requestId = crypto.randomUUID();
  console.error(`[${requestId}]`, error);
  const t = createTranslator(locale);
  return messagePage({
    status: 500,
    locale,
    title: t('errors.internalTitle'),
    message: t('errors.internal', { requestId }),
  });
}

/** A small page that says which part did not answer, that nothing was saved, and to retry. */
export function unavailablePage(part: UnavailablePart, locale: Locale): Response {
  const t = createTranslator(locale);
  return messagePage({
    status: 503,
    locale,
    title: t('errors.unavailableTitle'),
    message: t(`errors.unavailable.${part}`),
    headers: { 'Retry-After': '5' },
  });
}
