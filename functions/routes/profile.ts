import { Hono } from 'hono';
import { profileInput } from '../../src/server/partners/person-input.ts';
import { PERSON_REFUSALS } from '../../src/server/partners/person-refusals.ts';
import { updateProfile } from '../../src/server/partners/profile.ts';
import type { ApiEnv } from '../http/api-env.ts';
import { clientIp, signedIn } from '../http/client-info.ts';
import { readInput } from '../http/read-input.ts';
import { done, refuseWith } from '../http/respond.ts';

/** A person's own profile: name, language, tax id and PIX key. */
export const profileRoutes = new Hono<ApiEnv>().post('/', async (c) => {
  const profile = await readInput(c, profileInput);
  const { db, clock } = c.get('deps');
  const { user } = signedIn(c);
  const result = await updateProfile(db, { userId: user.id, ip: clientIp(c), profile }, clock());
  if (!result.ok) return refuseWith(c, PERSON_REFUSALS, result.error);
  return done(c, {
    location: '/partner/profile',
    body: { changed: result.changed },
    notice: 'profile.saved',
  });
});
