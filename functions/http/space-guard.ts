import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { createTranslator } from '../../src/i18n/index.ts';
import { policy } from '../../src/policy/index.ts';
import { sessionCookieOptions } from '../../src/server/auth/session-cookie.ts';
import {
  spaceRulesOf,
  validateSpaceSession,
} from '../../src/server/client-space/contact-sessions.ts';
import { decideSpaceAccess, spaceAccessFor } from '../../src/server/client-space/space-access.ts';
import {
  SPACE_CHOOSE,
  SPACE_COOKIE,
  SPACE_SIGN_IN,
} from '../../src/server/client-space/space-cookie.ts';
import type { ApiEnv } from './api-env.ts';
import { problem } from './problem.ts';
import { wantsHtml } from './read-input.ts';

/**
 * Reads the client space's session from its own cookie on /api/space/* and applies the
 * space's access rule (see spaceAccessFor): `c.get('contact')` is the signed-in contact on
 * every route that needs one. Answers speak the contact's language.
 */
export const spaceGuard = createMiddleware<ApiEnv>(async (c, next) => {
  c.set('spaceSession', null);
  c.set('contact', null);
  const access = spaceAccessFor(c.req.path);
  if (access === null) return next();
  const token = getCookie(c, SPACE_COOKIE);
  const { db, clock } = c.get('deps');
  const session = token
    ? await validateSpaceSession(db, token, spaceRulesOf(policy), clock())
    : null;
  if (session?.contact) {
    c.set('locale', session.contact.locale);
    c.set('t', createTranslator(session.contact.locale));
  }
  const decision = decideSpaceAccess(access, session);
  if (decision === 'sign_in') {
    if (wantsHtml(c)) return c.redirect(SPACE_SIGN_IN, 303);
    return problem(c, 401, 'unauthorized', 'errors.unauthorized');
  }
  if (decision === 'choose') {
    if (wantsHtml(c)) return c.redirect(SPACE_CHOOSE, 303);
    return problem(c, 401, 'client_not_chosen', 'errors.unauthorized');
  }
  c.set('spaceSession', session);
  c.set('contact', session?.contact ?? null);
  if (token && session?.renewed) {
    setCookie(c, SPACE_COOKIE, token, sessionCookieOptions(session.expiresAt));
  }
  return next();
});

/** The signed-in contact; only called on space routes whose rule needs one. */
export function signedInContact(c: Context<ApiEnv>) {
  const contact = c.get('contact');
  if (!contact) throw new Error(`No contact on ${c.req.path}: check spaceAccessFor`);
  return contact;
}

/** The space session (contact chosen or not); only called on space routes that need one. */
export function spaceSessionOf(c: Context<ApiEnv>) {
  const session = c.get('spaceSession');
  if (!session) throw new Error(`No space session on ${c.req.path}: check spaceAccessFor`);
  return session;
}
