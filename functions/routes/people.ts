import { Hono } from 'hono';
import { policy } from '../../src/policy/index.ts';
import {
  changeRoles,
  invitePerson,
  resendInvitation,
  setPersonActive,
} from '../../src/server/partners/people.ts';
import { invitationInput, rolesInput } from '../../src/server/partners/person-input.ts';
import { PERSON_REFUSALS } from '../../src/server/partners/person-refusals.ts';
import type { ApiEnv } from '../http/api-env.ts';
import { actingPerson, requestOrigin } from '../http/client-info.ts';
import { readInput } from '../http/read-input.ts';
import { done, refuseWith } from '../http/respond.ts';

const personPage = (id: string) => `/admin/people/${encodeURIComponent(id)}`;

/** Admin: invite people, change their roles, deactivate and reactivate them (admins only; see ACCESS_RULES). */
export const peopleRoutes = new Hono<ApiEnv>()
  .post('/', async (c) => {
    const input = await readInput(c, invitationInput);
    const { db, clock } = c.get('deps');
    const result = await invitePerson(
      db,
      policy,
      { ...input, inviter: actingPerson(c).actor, origin: requestOrigin(c) },
      clock(),
    );
    if (!result.ok) return refuseWith(c, PERSON_REFUSALS, result.error);
    return done(c, {
      location: personPage(result.userId),
      body: { id: result.userId },
      notice: 'admin.notices.invited',
      params: { email: input.email },
    });
  })
  .post('/:id/roles', async (c) => {
    const { roles } = await readInput(c, rolesInput);
    const { db, clock } = c.get('deps');
    const userId = c.req.param('id');
    const result = await changeRoles(db, { userId, roles, actor: actingPerson(c).actor }, clock());
    if (!result.ok) return refuseWith(c, PERSON_REFUSALS, result.error);
    return done(c, {
      location: personPage(userId),
      body: { roles },
      notice: 'admin.notices.rolesSaved',
    });
  })
  .post('/:id/deactivate', async (c) => {
    const { db, clock } = c.get('deps');
    const userId = c.req.param('id');
    const result = await setPersonActive(
      db,
      { userId, active: false, actor: actingPerson(c).actor },
      clock(),
    );
    if (!result.ok) return refuseWith(c, PERSON_REFUSALS, result.error);
    return done(c, {
      location: personPage(userId),
      body: { active: false },
      notice: 'admin.notices.deactivated',
    });
  })
  .post('/:id/reactivate', async (c) => {
    const { db, clock } = c.get('deps');
    const userId = c.req.param('id');
    const result = await setPersonActive(
      db,
      { userId, active: true, actor: actingPerson(c).actor },
      clock(),
    );
    if (!result.ok) return refuseWith(c, PERSON_REFUSALS, result.error);
    return done(c, {
      location: personPage(userId),
      body: { active: true },
      notice: 'admin.notices.reactivated',
    });
  })
  .post('/:id/invitation', async (c) => {
    const { db, clock } = c.get('deps');
    const userId = c.req.param('id');
    const result = await resendInvitation(
      db,
      policy,
      { userId, actor: actingPerson(c).actor, origin: requestOrigin(c) },
      clock(),
    );
    if (!result.ok) return refuseWith(c, PERSON_REFUSALS, result.error);
    return done(c, {
      location: personPage(userId),
      body: { sent: true },
      notice: 'admin.notices.reinvited',
    });
  });
