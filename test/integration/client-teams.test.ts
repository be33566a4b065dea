import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policy } from '../../src/policy/index.ts';
import { getPieceFor, listBoard } from '../../src/server/approvals/pieces.ts';
import { getClientView } from '../../src/server/clients/client-teams.ts';
import { listClientNames } from '../../src/server/clients/clients.ts';
import { listClientDeadlines } from '../../src/server/deadlines/client-pipeline.ts';
import { listTasksFor } from '../../src/server/tasks/task-lists.ts';
import { joinTeam, leaveTeam, openTeamsApp, type TeamsApp } from '../support/teams.ts';
import { readJson, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

// The demo teams: the bakery has paid traffic, organic traffic and design; the clinic has
// paid traffic and design, not organic traffic.
const BAKERY = 'demo-client-bakery';
const CLINIC = 'demo-client-clinic';
const organic = { id: 'demo-organic', roles: ['organic_traffic' as const] };
const paid = { id: 'demo-paid', roles: ['paid_traffic' as const] };

describe.each(DRIVERS)('client teams (%s)', (driver) => {
  let app: TestApp;
  let get: TeamsApp['get'];
  let post: TeamsApp['post'];
  const task = (who: string, body: Record<string, unknown>) =>
    post(
      '/api/tasks',
      { clientId: BAKERY, what: 'Relatório', why: 'Reunião mensal', dueOn: '2026-03-20', ...body },
      who,
    );

  beforeAll(async () => {
    ({ app, get, post } = await openTeamsApp(driver));
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
});
