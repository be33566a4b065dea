import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARTNER_ROLES, policy } from '../../src/policy/index.ts';
import { loadTasksPage } from '../../src/server/tasks/tasks-page.ts';
import { postJson, seedPeople, signIn } from '../support/sign-in.ts';
import { countRoundTrips, createTestApp, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

describe.each(DRIVERS)('the tasks page’s data (%s)', (driver) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(driver);
    app.setNow(new Date('2026-03-10T12:00:00Z'));
    await seedPeople(app);
  });
  afterAll(() => app.close());

  it('gives the requests and the clients a person may ask about, in one round trip', async () => {
    const viewer = { id: 'demo-organic', roles: ['organic_traffic' as const] };
    const { result, roundTrips } = await countRoundTrips(app, () =>
      loadTasksPage(app.db, policy, viewer),
    );
    expect(roundTrips).toBe(driver === 'libsql' ? 1 : null);
    expect(result.tasks).toEqual([]);
    // On the bakery's team only.
    expect(result.clientNames.map((c) => c.id)).toEqual(['demo-client-bakery']);
  });

  it('offers in the form only the roles the routing rule lets the asker ask', async () => {
    const rolesFor = async (roles: Parameters<typeof loadTasksPage>[2]['roles']) =>
      (await loadTasksPage(app.db, policy, { id: 'someone', roles })).askableRoles;
    expect(await rolesFor(['design'])).toEqual(['cs']);
    expect(await rolesFor(['paid_traffic'])).toEqual(['cs']);
    expect(await rolesFor(['cs'])).toEqual([...PARTNER_ROLES]);
    // Several roles: what any of them may ask, each once, in the policy's order.
    expect(await rolesFor(['design', 'cs'])).toEqual([...PARTNER_ROLES]);
    // Staff ask no one: the page shows an empty state with the rule's handbook page.
    expect(await rolesFor(['finance'])).toEqual([]);
    expect(await rolesFor(['admin'])).toEqual([]);
  });

  it('says who asked, for which client, and whether the viewer may open the client’s page', async () => {
    const design = await signIn(app, 'design@ponte.example');
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
    expect(opened.status).toBe(200);
    const cs = await loadTasksPage(app.db, policy, { id: 'demo-cs', roles: ['cs'] });
    expect(cs.mayOpenClients).toBe(true);
    expect(cs.tasks).toEqual([
      expect.objectContaining({
        clientName: 'Clínica Sorriso Leve',
        requesterName: 'Davi Duarte',
        // Sent to the client's CS in charge, by name.
        assigneeName: 'Carla Campos',
        mayAct: true,
        task: expect.objectContaining({ clientId: 'demo-client-clinic', status: 'open' }),
      }),
    ]);
    const admin = await loadTasksPage(app.db, policy, { id: 'demo-admin', roles: ['admin'] });
    expect(admin.tasks.map((row) => row.requesterName)).toEqual(['Davi Duarte']);
    // Finance never opens client pages: the client's name is shown without a link.
    const finance = await loadTasksPage(app.db, policy, { id: 'demo-finance', roles: ['finance'] });
    expect(finance.mayOpenClients).toBe(false);
  });
});
