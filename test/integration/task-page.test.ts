import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clients, outbox } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { loadTaskPage } from '../../src/server/tasks/task-page.ts';
import { postJson, seedPeople, signIn } from '../support/sign-in.ts';
import { addPerson, OTHER_CS } from '../support/teams.ts';
import {
  countRoundTrips,
  createTestApp,
  readJson,
  SAME_ORIGIN,
  TEST_ORIGIN,
  type TestApp,
} from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

describe.each(DRIVERS)('a task request’s own page (%s)', (driver) => {
  let app: TestApp;
  let design: string;
  let cs: string;
  let taskId: string;
  beforeAll(async () => {
    app = await createTestApp(driver);
    app.setNow(new Date('2026-03-10T12:00:00Z'));
    await seedPeople(app);
    await addPerson(app, OTHER_CS);
    design = await signIn(app, 'design@ponte.example');
    cs = await signIn(app, 'cs@ponte.example');
    const opened = await app.request(
      '/api/tasks',
      postJson(
        {
          clientId: 'demo-client-clinic',
          assigneeRole: 'cs',
          what: 'Aprovar o carrossel',
          why: 'Campanha de março',
          dueOn: '2026-03-13',
        },
        { cookie: design },
      ),
    );
    ({ id: taskId } = await readJson(opened));
  });
  afterAll(() => app.close());

  it('shows what was asked, by whom, for which client and role, in one round trip', async () => {
    const viewer = { id: 'demo-design', roles: ['design' as const] };
    const { result, roundTrips } = await countRoundTrips(app, () =>
      loadTaskPage(app.db, policy, viewer, taskId, TEST_ORIGIN),
    );
    expect(roundTrips).toBe(driver === 'libsql' ? 1 : null);
    expect(result).toMatchObject({
      task: {
        id: taskId,
        what: 'Aprovar o carrossel',
        why: 'Campanha de março',
        dueOn: '2026-03-13',
      },
      clientName: 'Clínica Sorriso Leve',
      requesterName: 'Davi Duarte',
      assigneeName: 'Carla Campos',
      mayOpenClient: true,
      // The requester waits: only the CS asked may act on it.
      actions: { accept: false, complete: false, return: false },
      history: [{ action: 'task_opened', actor: { name: 'Davi Duarte', roles: ['design'] } }],
    });
  });

  it('is the link e-mailed to the person asked, and the one to post in the client’s group', async () => {
    const mail = (
      await app.db.select().from(outbox).where(eq(outbox.toAddress, 'cs@ponte.example'))
    ).find((m) => m.subject.startsWith('Novo pedido:'));
    expect(mail?.text).toContain(`${TEST_ORIGIN}/tasks/${taskId}`);
    const viewer = { id: 'demo-design', roles: ['design' as const] };
    // The clinic has no webhook: the page gives the link to post by hand.
    expect((await loadTaskPage(app.db, policy, viewer, taskId, TEST_ORIGIN))?.announcement).toEqual(
      {
        byHand: `${TEST_ORIGIN}/tasks/${taskId}`,
      },
    );
    await app.db
      .update(clients)
      .set({ chatWebhookUrl: 'https://hooks.slack.com/services/clinic' })
      .where(eq(clients.id, 'demo-client-clinic'));
    expect((await loadTaskPage(app.db, policy, viewer, taskId, TEST_ORIGIN))?.announcement).toBe(
      'by_ponte',
    );
    await app.db
      .update(clients)
      .set({ chatWebhookUrl: null })
      .where(eq(clients.id, 'demo-client-clinic'));
  });

  it('is not there (404) for partners who may not see the request', async () => {
    // Not on the clinic's team; on its team in another role; another CS; an unknown id.
    expect(
      await loadTaskPage(
        app.db,
        policy,
        { id: 'demo-organic', roles: ['organic_traffic'] },
        taskId,
        TEST_ORIGIN,
      ),
    ).toBeNull();
    expect(
      await loadTaskPage(
        app.db,
        policy,
        { id: 'demo-paid', roles: ['paid_traffic'] },
        taskId,
        TEST_ORIGIN,
      ),
    ).toBeNull();
    expect(
      await loadTaskPage(app.db, policy, { id: OTHER_CS.id, roles: ['cs'] }, taskId, TEST_ORIGIN),
    ).toBeNull();
    expect(
      await loadTaskPage(
        app.db,
        policy,
        { id: 'demo-cs', roles: ['cs'] },
        'no-such-task',
        TEST_ORIGIN,
      ),
    ).toBeNull();
    expect(
      await loadTaskPage(
        app.db,
        policy,
        { id: 'demo-admin', roles: ['admin'] },
        taskId,
        TEST_ORIGIN,
      ),
    ).not.toBeNull();
  });

  it('offers the assignee each next step and tells the history with who acted, comment included', async () => {
    const csViewer = { id: 'demo-cs', roles: ['cs' as const] };
    expect((await loadTaskPage(app.db, policy, csViewer, taskId, TEST_ORIGIN))?.actions).toEqual({
      accept: true,
      complete: false,
      return: true,
    });
    const act = (action: string, body = {}) =>
      app.request(`/api/tasks/${taskId}/${action}`, postJson(body, { cookie: cs }));
    expect((await act('accept')).status).toBe(200);
    expect((await loadTaskPage(app.db, policy, csViewer, taskId, TEST_ORIGIN))?.actions).toEqual({
      accept: false,
      complete: true,
      return: true,
    });
    app.setNow(new Date('2026-03-10T13:00:00Z'));
    expect((await act('return', { comment: 'Falta a arte final.' })).status).toBe(200);
    const page = await loadTaskPage(app.db, policy, csViewer, taskId, TEST_ORIGIN);
    expect(page?.actions).toEqual({ accept: false, complete: false, return: false });
    expect(page?.task.comment).toBe('Falta a arte final.');
    // Newest first, as every history; who acted, with their roles, for the sentences.
    const carla = { name: 'Carla Campos', roles: ['cs'] };
    expect(page?.history).toEqual([
      expect.objectContaining({
        action: 'task_returned',
        actor: carla,
        data: { comment: 'Falta a arte final.' },
      }),
      expect.objectContaining({ action: 'task_accepted', actor: carla }),
      expect.objectContaining({
        action: 'task_opened',
        actor: expect.objectContaining({ name: 'Davi Duarte' }),
      }),
    ]);
  });

  it('sends a form back to the page it was posted from, with a notice', async () => {
    const response = await app.request(`/api/tasks/${taskId}/accept`, {
      method: 'POST',
      headers: {
        ...SAME_ORIGIN,
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'text/html',
        Cookie: cs,
      },
      body: new URLSearchParams({ returnTo: `/tasks/${taskId}` }).toString(),
    });
    // Returned already: refused, back on the request's page.
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/tasks/${taskId}`);
  });
});
