import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clients, events } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { getPieceFor, listBoard } from '../../src/server/approvals/pieces.ts';
import { getClientView } from '../../src/server/clients/client-teams.ts';
import { listClientNames } from '../../src/server/clients/clients.ts';
import { listClientDeadlines } from '../../src/server/deadlines/client-pipeline.ts';
import { listTasksFor } from '../../src/server/tasks/task-requests.ts';
import { postJson, seedPeople, signIn } from '../support/sign-in.ts';
import { addPerson, joinTeam, leaveTeam } from '../support/teams.ts';
import { createTestApp, readJson, SAME_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

// The demo teams: the bakery has paid traffic, organic traffic and design; the clinic has
// paid traffic and design, not organic traffic.
const BAKERY = 'demo-client-bakery';
const CLINIC = 'demo-client-clinic';
const organic = { id: 'demo-organic', roles: ['organic_traffic' as const] };
const paid = { id: 'demo-paid', roles: ['paid_traffic' as const] };

describe.each(DRIVERS)('client teams (%s)', (driver) => {
  let app: TestApp;
  const cookie = new Map<string, string>();
  const get = (path: string, who: string) =>
    app.request(path, { headers: { Cookie: cookie.get(who) ?? '' } });
  const post = (path: string, body: unknown, who: string) =>
    app.request(path, postJson(body, { cookie: cookie.get(who) }));
  const task = (who: string, body: Record<string, unknown>) =>
    post(
      '/api/tasks',
      { clientId: BAKERY, what: 'Relatório', why: 'Reunião mensal', dueOn: '2026-03-20', ...body },
      who,
    );

  beforeAll(async () => {
    app = await createTestApp(driver);
    app.setNow(new Date('2026-03-10T12:00:00Z'));
    await seedPeople(app);
    await addPerson(app, { id: 'other-cs', email: 'outro.cs@ponte.example', roles: ['cs'] });
    await addPerson(app, {
      id: 'other-paid',
      email: 'outro.pago@ponte.example',
      roles: ['paid_traffic'],
    });
    await addPerson(app, {
      id: 'other-design',
      email: 'outro.design@ponte.example',
      roles: ['design'],
    });
    const emails: Record<string, string> = {
      admin: 'admin@ponte.example',
      cs: 'cs@ponte.example',
      paid: 'trafego.pago@ponte.example',
      organic: 'trafego.organico@ponte.example',
      design: 'design@ponte.example',
      otherCs: 'outro.cs@ponte.example',
      otherPaid: 'outro.pago@ponte.example',
      otherDesign: 'outro.design@ponte.example',
    };
    for (const [who, email] of Object.entries(emails)) cookie.set(who, await signIn(app, email));
  });
  afterAll(() => app.close());

  it('gives a partner not on the team 404 on the client’s page data, its API and a task on it, and a list without it', async () => {
    expect(await getClientView(app.db, organic, CLINIC)).toBeNull();
    expect((await listClientNames(app.db, organic)).map((c) => c.id)).toEqual([BAKERY]);
    const rows = await listClientDeadlines(app.db, organic, policy);
    expect(rows.map((r) => r.client.id)).toEqual([BAKERY]);
    expect((await get(`/api/clients/${CLINIC}`, 'organic')).status).toBe(404);
    expect((await readJson(await get('/api/clients', 'organic'))).clients).toEqual([
      { id: BAKERY, name: 'Padaria Pão Quente' },
    ]);
    for (const path of [`/api/clients/${CLINIC}/onboarding.md`, '/api/clients/nowhere'])
      expect((await get(path, 'organic')).status).toBe(404);
    const opened = await task('organic', { clientId: CLINIC, assigneeRole: 'cs' });
    expect(opened.status).toBe(404);
    expect((await readJson(opened)).error.code).toBe('not_found');
    // Another CS is not on it either.
    expect((await get(`/api/clients/${CLINIC}`, 'otherCs')).status).toBe(404);
    expect((await task('otherCs', { clientId: CLINIC, assigneeRole: 'design' })).status).toBe(404);
  });

  it('lets a partner on the team see the client and its team, but not keep it', async () => {
    const view = await getClientView(app.db, paid, CLINIC);
    expect(view).toMatchObject({ mayManage: false, csName: 'Carla Campos' });
    const answer = await get(`/api/clients/${CLINIC}`, 'paid');
    expect(answer.status).toBe(200);
    const body = await readJson(answer);
    expect(body).toMatchObject({ client: { id: CLINIC }, mayManage: false });
    expect(body.client.chatWebhookUrl).toBeUndefined();
    expect(body.team.map((m: { userId: string }) => m.userId).sort()).toEqual([
      'demo-design',
      'demo-paid',
    ]);
    // Reading is all: contacts, questionnaire and stages stay with the CS in charge.
    expect((await post(`/api/clients/${CLINIC}/stages`, { stage: 'paid' }, 'paid')).status).toBe(
      404,
    );
    expect((await get(`/api/clients/${CLINIC}/onboarding.md`, 'paid')).status).toBe(404);
    expect((await post('/api/clients', { name: 'X', csUserId: 'demo-cs' }, 'paid')).status).toBe(
      403,
    );
  });

  it('refuses a named assignee off the team, and a task to a role nobody on the team holds', async () => {
    await leaveTeam(app, BAKERY, 'demo-organic', 'organic_traffic');
    try {
      const named = await task('cs', { assigneeRole: 'paid_traffic', assigneeId: 'other-paid' });
      expect(named.status).toBe(400);
      const { error } = await readJson(named);
      expect(error.code).toBe('not_on_team');
      expect(error.fields.assigneeId).toMatch(/equipe/);
      const toRole = await task('cs', { assigneeRole: 'organic_traffic' });
      expect((await readJson(toRole)).error.fields.assigneeRole).toMatch(/equipe/);
      // Named CS: only the CS in charge.
      expect((await task('design', { assigneeRole: 'cs', assigneeId: 'other-cs' })).status).toBe(
        400,
      );
      expect(
        (await task('cs', { assigneeRole: 'paid_traffic', assigneeId: 'demo-paid' })).status,
      ).toBe(200);
    } finally {
      await joinTeam(app, BAKERY, 'demo-organic', 'organic_traffic');
    }
  });

  it('shows a task to the whole role only to the team in it, who alone may take it', async () => {
    const { id } = await readJson(
      await task('cs', { assigneeRole: 'paid_traffic', what: 'Público novo' }),
    );
    const otherPaid = { id: 'other-paid', roles: ['paid_traffic' as const] };
    expect((await listTasksFor(app.db, otherPaid)).map((r) => r.task.id)).not.toContain(id);
    const mine = (await listTasksFor(app.db, paid)).find((r) => r.task.id === id);
    expect(mine?.mayAct).toBe(true);
    expect((await post(`/api/tasks/${id}/accept`, {}, 'otherPaid')).status).toBe(404);
    // Off the team, the partner loses the client and its tasks at once.
    await leaveTeam(app, BAKERY, 'demo-paid', 'paid_traffic');
    try {
      expect((await listTasksFor(app.db, paid)).map((r) => r.task.id)).not.toContain(id);
      expect((await post(`/api/tasks/${id}/accept`, {}, 'paid')).status).toBe(404);
      expect((await get(`/api/clients/${BAKERY}`, 'paid')).status).toBe(404);
    } finally {
      await joinTeam(app, BAKERY, 'demo-paid', 'paid_traffic');
    }
    expect((await post(`/api/tasks/${id}/accept`, {}, 'paid')).status).toBe(200);
  });

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

  it('lets Design work on the projects given to them, and on every project of a client whose team they design for', async () => {
    const project = async (designerId?: string) =>
      (
        await readJson(
          await post(
            '/api/pieces/projects',
            { clientId: CLINIC, name: 'Projeto', designerId },
            'cs',
          ),
        )
      ).id as string;
    const piece = async (projectId: string) =>
      (
        await readJson(
          await post('/api/pieces', { projectId, title: 'Post', kind: 'social_post' }, 'cs'),
        )
      ).id as string;
    const given = await piece(await project('other-design'));
    const unassigned = await piece(await project());
    const otherDesign = { id: 'other-design', roles: ['design' as const] };
    const design = { id: 'demo-design', roles: ['design' as const] };
    // Given to them: they see the project, not the client.
    expect((await listBoard(app.db, otherDesign)).pieces.map((p) => p.id)).toEqual([given]);
    expect(await getPieceFor(app.db, otherDesign, given)).not.toBeNull();
    expect(await getPieceFor(app.db, otherDesign, unassigned)).toBeNull();
    expect(await getClientView(app.db, otherDesign, CLINIC)).toBeNull();
    // A piece without a version takes no comment yet (409): reaching it is the point, not 404.
    const comment = (id: string, who: string) =>
      post(`/api/pieces/${id}/comments`, { target: 'general', body: 'Ok', internal: true }, who);
    expect((await comment(given, 'otherDesign')).status).toBe(409);
    expect((await comment(unassigned, 'otherDesign')).status).toBe(404);
    // On the clinic's team as Design: every project of the clinic.
    expect(await getPieceFor(app.db, design, unassigned)).not.toBeNull();
    expect((await comment(unassigned, 'design')).status).toBe(409);
    await leaveTeam(app, CLINIC, 'demo-design', 'design');
    try {
      expect(await getPieceFor(app.db, design, unassigned)).toBeNull();
      expect((await comment(unassigned, 'design')).status).toBe(404);
      expect((await listBoard(app.db, design)).pieces.map((p) => p.id)).not.toContain(unassigned);
    } finally {
      await joinTeam(app, CLINIC, 'demo-design', 'design');
    }
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
