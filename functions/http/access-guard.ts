import { getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { policy } from '../../src/policy/index.ts';
import { accessFor, decideAccess } from '../../src/server/auth/access-rules.ts';
import { SESSION_COOKIE, sessionCookieOptions } from '../../src/server/auth/session-cookie.ts';
import { validateSessionToken } from '../../src/server/auth/sessions.ts';
import type { ApiEnv } from './api-env.ts';
import { problem } from './problem.ts';
import { wantsHtml } from './read-input.ts';

/**
 * Reads the session and applies the access table (src/server/auth/access-rules.ts) to every
 * API request, so no handler checks roles itself. Public paths skip the session lookup.
 */
export const accessGuard = createMiddleware<ApiEnv>(async (c, next) => {
  c.set('session', null);
  const access = accessFor(c.req.path);
  if (access === 'public') return next();
  const token = getCookie(c, SESSION_COOKIE);
  const { db, clock } = c.get('deps');
  const session = token ? await validateSessionToken(db, token, policy.sessions, clock()) : null;
  const decision = decideAccess(access, session?.user.roles ?? null);
  if (decision === 'sign_in') {
    // A form posted after the session ended goes to the sign-in page, not to a JSON error.
    if (wantsHtml(c)) return c.redirect('/sign-in', 303);
    return problem(c, 401, 'unauthorized', 'errors.unauthorized');
  }
  if (decision === 'forbidden') return problem(c, 403, 'forbidden', 'errors.forbidden');
  c.set('session', session);
  if (token && session?.renewed) {
    setCookie(c, SESSION_COOKIE, token, sessionCookieOptions(session.expiresAt));
  }
  return next();
});
