import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { policy } from '../../src/policy/index.ts';
import { sessionCookieOptions } from '../../src/server/auth/session-cookie.ts';
import { sessionExpiresAt } from '../../src/server/auth/session-rules.ts';
import { chooseSpaceContact } from '../../src/server/client-space/contact-choice.ts';
import {
  consumeSpaceSignInLink,
  requestSpaceSignInLink,
} from '../../src/server/client-space/contact-sign-in.ts';
import {
  endAllSpaceSessions,
  endSpaceSession,
} from '../../src/server/client-space/contact-sign-out.ts';
import { SPACE_AUTH_REFUSALS } from '../../src/server/client-space/space-auth-refusals.ts';
import {
  SPACE_CHOOSE,
  SPACE_COOKIE,
  SPACE_HOME,
  SPACE_SIGN_IN,
} from '../../src/server/client-space/space-cookie.ts';
import { confirmInput, signInInput } from '../../src/server/partners/person-input.ts';
import type { ApiEnv } from '../http/api-env.ts';
import { clientIp, requestOrigin } from '../http/client-info.ts';
import { readInput } from '../http/read-input.ts';
import { done, refuseWith } from '../http/respond.ts';
import { spaceSessionOf } from '../http/space-guard.ts';

const chooseInput = z.object({ contactId: z.string().min(1).max(100) });

/** The client space's sign-in by e-mailed link, the choice of client, and sign-out. */
export const spaceAuthRoutes = new Hono<ApiEnv>()
  .post('/sign-in', async (c) => {
    const { email } = await readInput(c, signInInput);
    const { db, clock } = c.get('deps');
    const result = await requestSpaceSignInLink(
      db,
      policy,
      { email, ip: clientIp(c), origin: requestOrigin(c) },
      clock(),
    );
    if (!result.ok) {
      c.header('Retry-After', String(result.retryAfterMinutes * 60));
      return refuseWith(c, SPACE_AUTH_REFUSALS, result.error, {
        params: { minutes: result.retryAfterMinutes },
      });
    }
    // The same answer whether or not the address may use the space.
    return done(c, { location: `${SPACE_SIGN_IN}/sent`, body: { sent: true } });
  })
  .post('/confirm', async (c) => {
    const { token } = await readInput(c, confirmInput);
    const { db, clock } = c.get('deps');
    const now = clock();
    const timeZone = policy.agency.timeZone;
    const result = await consumeSpaceSignInLink(db, { token, ip: clientIp(c), timeZone }, now);
    if (!result.ok) return refuseWith(c, SPACE_AUTH_REFUSALS, result.error);
    const rules = policy.clientSpace.sessions;
    const expires = sessionExpiresAt({ createdAt: now, lastVerifiedAt: now }, rules);
    setCookie(c, SPACE_COOKIE, result.sessionToken, sessionCookieOptions(expires));
    return done(c, { location: result.landing, body: { signedIn: true, landing: result.landing } });
  })
  .post('/choose', async (c) => {
    const { contactId } = await readInput(c, chooseInput);
    const { db, clock } = c.get('deps');
    const session = spaceSessionOf(c);
    const result = await chooseSpaceContact(
      db,
      { session, contactId, ip: clientIp(c) },
      policy.agency.timeZone,
      clock(),
    );
    if (!result.ok) return refuseWith(c, SPACE_AUTH_REFUSALS, result.error, { back: SPACE_CHOOSE });
    return done(c, { location: SPACE_HOME, body: { chosen: true } });
  })
  .post('/sign-out', async (c) => {
    const { db, clock } = c.get('deps');
    await endSpaceSession(db, { session: spaceSessionOf(c), ip: clientIp(c) }, clock());
    deleteCookie(c, SPACE_COOKIE, { path: '/', secure: true });
    return done(c, {
      location: SPACE_SIGN_IN,
      body: { signedOut: true },
      notice: 'space.signIn.signedOut',
    });
  })
  .post('/sign-out-everywhere', async (c) => {
    const { db, clock } = c.get('deps');
    await endAllSpaceSessions(db, { session: spaceSessionOf(c), ip: clientIp(c) }, clock());
    deleteCookie(c, SPACE_COOKIE, { path: '/', secure: true });
    return done(c, {
      location: SPACE_SIGN_IN,
      body: { signedOut: true },
      notice: 'space.signIn.signedOutEverywhere',
    });
  });
