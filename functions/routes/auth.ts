import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { policy } from '../../src/policy/index.ts';
import { SESSION_COOKIE, sessionCookieOptions } from '../../src/server/auth/session-cookie.ts';
import { sessionExpiresAt } from '../../src/server/auth/session-rules.ts';
import { endAllSessions, endSession } from '../../src/server/auth/sessions.ts';
import { signInRequestInput } from '../../src/server/auth/sign-in-input.ts';
import { consumeSignInLink, requestSignInLink } from '../../src/server/auth/sign-in-links.ts';
import { SIGN_IN_REFUSALS } from '../../src/server/auth/sign-in-refusals.ts';
import { signInPathFor } from '../../src/server/forms/return-path.ts';
import { confirmInput } from '../../src/server/partners/person-input.ts';
import type { ApiEnv } from '../http/api-env.ts';
import { clientIp, requestOrigin, signedIn } from '../http/client-info.ts';
import { readInput } from '../http/read-input.ts';
import { done, refuseWith } from '../http/respond.ts';

/** Sign-in by e-mailed link, and sign-out (one session or all of them). */
export const authRoutes = new Hono<ApiEnv>()
  .get('/session', (c) => {
    const { user, expiresAt } = signedIn(c);
    return c.json({ user, expiresAt: expiresAt.toISOString() });
  })
  .post('/sign-in', async (c) => {
    const { email, next } = await readInput(c, signInRequestInput);
    const { db, clock } = c.get('deps');
    const result = await requestSignInLink(
      db,
      policy,
      { email, next, ip: clientIp(c), origin: requestOrigin(c) },
      clock(),
    );
    if (!result.ok) {
      c.header('Retry-After', String(result.retryAfterMinutes * 60));
      return refuseWith(c, SIGN_IN_REFUSALS, result.error, {
        params: { minutes: result.retryAfterMinutes },
      });
    }
    // The same answer whether or not the address has an account.
    return done(c, { location: signInPathFor(next, '/sign-in/sent'), body: { sent: true } });
  })
  .post('/confirm', async (c) => {
    const { token } = await readInput(c, confirmInput);
    const { db, clock } = c.get('deps');
    const now = clock();
    const result = await consumeSignInLink(db, { token, ip: clientIp(c) }, now);
    if (!result.ok) return refuseWith(c, SIGN_IN_REFUSALS, result.error);
    const expires = sessionExpiresAt({ createdAt: now, lastVerifiedAt: now }, policy.sessions);
    setCookie(c, SESSION_COOKIE, result.sessionToken, sessionCookieOptions(expires));
    // The page they were opening when sent to sign in, kept with the link; else the home.
    return done(c, { location: result.landing, body: { signedIn: true, landing: result.landing } });
  })
  .post('/sign-out', async (c) => {
    const session = signedIn(c);
    const { db, clock } = c.get('deps');
    await endSession(
      db,
      { sessionId: session.id, userId: session.user.id, ip: clientIp(c) },
      clock(),
    );
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true });
    return done(c, {
      location: '/sign-in',
      body: { signedOut: true },
      notice: 'auth.signedOut',
    });
  })
  .post('/sign-out-everywhere', async (c) => {
    const session = signedIn(c);
    const { db, clock } = c.get('deps');
    await endAllSessions(db, { userId: session.user.id, ip: clientIp(c) }, clock());
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true });
    return done(c, {
      location: '/sign-in',
      body: { signedOut: true },
      notice: 'auth.signedOutEverywhere',
    });
  });
