import { defineMiddleware } from 'astro:middleware';
import type { WorkerEnv } from '../functions/worker-dependencies.ts';
import { workerDependencies } from '../functions/worker-dependencies.ts';
import { policy } from './policy/index.ts';
import { accessFor, decideAccess } from './server/auth/access-rules.ts';
import { SESSION_COOKIE, sessionCookieOptions } from './server/auth/session-cookie.ts';
import { validateSessionToken } from './server/auth/sessions.ts';
import { requestLocale } from './server/i18n/request-locale.ts';

/**
 * For on-demand pages: the request's dependencies, the session, and the access table
 * (src/server/auth/access-rules.ts), the same one the API applies. Prerendered handbook
 * pages pass straight through.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  if (context.isPrerendered) return next();
  // Imported here, not at the top: the prerender build runs in Node, where this module is absent.
  const { env } = await import('cloudflare:workers');
  const deps = workerDependencies(env as unknown as WorkerEnv);
  const access = accessFor(context.url.pathname);
  const token = access === 'public' ? undefined : context.cookies.get(SESSION_COOKIE)?.value;
  const session = token
    ? await validateSessionToken(deps.db, token, policy.sessions, deps.clock())
    : null;
  context.locals.deps = deps;
  context.locals.session = session;
  // A signed-in person sees Ponte in the language of their profile.
  context.locals.locale = session?.user.locale ?? requestLocale(context.request);
  const decision = decideAccess(access, session?.user.roles ?? null);
  if (decision === 'sign_in') return context.redirect('/sign-in', 303);
  if (token && session?.renewed) {
    context.cookies.set(SESSION_COOKIE, token, sessionCookieOptions(session.expiresAt));
  }
  const response = decision === 'forbidden' ? await next('/forbidden') : await next();
  // These pages are personal or reached by a token: never cached, never leaked by Referer.
  response.headers.set('Cache-Control', 'no-store');
  response.headers.set('Referrer-Policy', 'no-referrer');
  return response;
});
