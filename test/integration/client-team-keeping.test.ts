import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clients, events } from '../../db/schema/index.ts';
import { getClientView } from '../../src/server/clients/client-teams.ts';
import { listClientNames } from '../../src/server/clients/clients.ts';
import { signIn } from '../support/sign-in.ts';
import { addPerson, openTeamsApp, type TeamsApp } from '../support/teams.ts';
import { readJson, SAME_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

// The demo teams: the bakery has paid traffic, organic traffic and design; the clinic has
// paid traffic and design, not organic traffic.
const CLINIC = 'demo-client-clinic';
const organic = { id: 'demo-organic', roles: ['organic_traffic' as const] };

describe.each(DRIVERS)('client teams (%s)', (driver) => {
  let app: TestApp;
  let cookie: TeamsApp['cookie'];
  let get: TeamsApp['get'];
  let post: TeamsApp['post'];

  beforeAll(async () => {
    ({ app, cookie, get, post } = await openTeamsApp(driver));
  });
  afterAll(() => app.close());

  it('lets the CS in charge and an admin keep the team, with audit events; another CS or a partner gets 404', async () => {
    const member = { userId: 'demo-organic', role: 'organic_traffic' };
    for (const who of ['otherCs', 'paid', 'organic', 'design'])
      for (const path of [`/api/clients/${CLINIC}/team`, `/api/clients/${CLINIC}/team/remove`])
        expect((await post(path, member, who)).status, `${who} ${path}`).toBe(404);
    const added = await post(`/api/clients/${CLINIC}/team`, member, 'cs');
    expect(await readJson(added)).toEqual({ added: true });
    expect(await readJson(await post(`/api/clients/${CLINIC}/team`, member, 'admin'))).toEqual({
      added: false,
    });
    expect((await get(`/api/clients/${CLINIC}`, 'organic')).status).toBe(200);
    // Only in a role the person holds.
    const wrongRole = await post(
      `/api/clients/${CLINIC}/team`,
      { userId: 'demo-organic', role: 'design' },
      'cs',
    );
    expect(wrongRole.status).toBe(400);
    expect((await readJson(wrongRole)).error.code).toBe('not_in_role');
    expect((await post(`/api/clients/${CLINIC}/team/remove`, member, 'admin')).status).toBe(200);
    expect((await get(`/api/clients/${CLINIC}`, 'organic')).status).toBe(404);
    expect((await post(`/api/clients/${CLINIC}/team/remove`, member, 'admin')).status).toBe(404);
    const trail = await app.db
      .select({ action: events.action, actorId: events.actorId, data: events.data })
      .from(events)
      .where(and(eq(events.subjectType, 'client'), eq(events.subjectId, CLINIC)));
    expect(trail.filter((e) => e.action.startsWith('team_'))).toEqual([
      { action: 'team_member_added', actorId: 'demo-cs', data: member },
      { action: 'team_member_removed', actorId: 'demo-admin', data: member },
    ]);
  });

  it('adds and removes a member once, with one event each, however many clicks arrive at once', async () => {
    const member = { userId: 'other-paid', role: 'paid_traffic' };
    const five = (path: string) =>
      Promise.all(Array.from({ length: 5 }, () => post(path, member, 'cs')));
    const added = await five(`/api/clients/${CLINIC}/team`);
    expect(added.every((r) => r.status === 200)).toBe(true);
    const removed = await five(`/api/clients/${CLINIC}/team/remove`);
    expect(removed.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1);
    const trail = await app.db
      .select({ action: events.action, data: events.data })
      .from(events)
      .where(and(eq(events.subjectType, 'client'), eq(events.subjectId, CLINIC)));
    expect(trail.filter((e) => JSON.stringify(e.data) === JSON.stringify(member))).toEqual([
      { action: 'team_member_added', data: member },
      { action: 'team_member_removed', data: member },
    ]);
  });

  it('keeps the team through plain form posts, back on the client page with a notice', async () => {
    const form = (body: Record<string, string>) => ({
      method: 'POST',
      headers: {
        ...SAME_ORIGIN,
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'text/html',
        Cookie: cookie.get('cs') ?? '',
      },
      body: new URLSearchParams({ ...body, returnTo: `/clients/${CLINIC}` }).toString(),
    });
    const added = await app.request(
      `/api/clients/${CLINIC}/team`,
      form({ userId: 'demo-organic', role: 'organic_traffic', formId: 'team-organic_traffic' }),
    );
    expect(added.status).toBe(303);
    expect(added.headers.get('Location')).toBe(`/clients/${CLINIC}#team`);
    expect(added.headers.getSetCookie().join()).toContain('ponte_feedback=');
    const refused = await app.request(
      `/api/clients/${CLINIC}/team`,
      form({ userId: 'demo-paid', role: 'design', formId: 'team-design' }),
    );
    expect(refused.status).toBe(303);
    expect(refused.headers.get('Location')).toBe(`/clients/${CLINIC}`);
    const removed = await app.request(
      `/api/clients/${CLINIC}/team/remove`,
      form({ userId: 'demo-organic', role: 'organic_traffic' }),
    );
    expect(removed.status).toBe(303);
    expect(await getClientView(app.db, organic, CLINIC)).toBeNull();
  });

  it('takes a CS’s clients away with the CS role, as it does a team member’s', async () => {
    await addPerson(app, {
      id: 'former-cs',
      email: 'ex.cs@ponte.example',
      roles: ['cs', 'paid_traffic'],
    });
    await app.db.update(clients).set({ csUserId: 'former-cs' }).where(eq(clients.id, CLINIC));
    cookie.set('formerCs', await signIn(app, 'ex.cs@ponte.example'));
    try {
      expect((await get(`/api/clients/${CLINIC}`, 'formerCs')).status).toBe(200);
      const dropped = await post(
        '/api/people/former-cs/roles',
        { roles: ['paid_traffic'] },
        'admin',
      );
      expect(dropped.status).toBe(200);
      expect((await get(`/api/clients/${CLINIC}`, 'formerCs')).status).toBe(404);
      expect((await get(`/api/clients/${CLINIC}/onboarding.md`, 'formerCs')).status).toBe(404);
      const teamChange = await post(
        `/api/clients/${CLINIC}/team`,
        { userId: 'other-paid', role: 'paid_traffic' },
        'formerCs',
      );
      expect(teamChange.status).toBe(404);
      expect(JSON.stringify(await readJson(await get('/api/clients', 'formerCs')))).not.toContain(
        CLINIC,
      );
      const former = { id: 'former-cs', roles: ['paid_traffic' as const] };
      expect(await listClientNames(app.db, former)).toEqual([]);
    } finally {
      await app.db.update(clients).set({ csUserId: 'demo-cs' }).where(eq(clients.id, CLINIC));
    }
  });
});
