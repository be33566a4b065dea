import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policy } from '../../src/policy/index.ts';
import { loadHomePage } from '../../src/server/home/home-page.ts';
import { addMonthlyReport, addServiceClient } from '../support/report-deadline.ts';
import { seedPeople } from '../support/sign-in.ts';
import { addPerson, OTHER_CS } from '../support/teams.ts';
import { countRoundTrips, createTestApp, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const sp = (isoLocal: string) => new Date(`${isoLocal}-03:00`);
const CS = { id: 'demo-cs', roles: ['cs' as const] };

/**
 * The CS's home lists last month's reports their clients still owe, from the reminder day on,
 * with the deadline, inside the home's one batch; another CS's clients and a met report never.
 */
describe.each(DRIVERS)('monthly reports on the CS’s home (%s)', (driver) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(driver);
    await seedPeople(app);
    await addPerson(app, OTHER_CS);
    for (const client of [
      { id: 'b-owes', starts: '2026-01-05' },
      { id: 'a-owes', starts: '2025-11-01' },
      { id: 'internal-only', starts: '2026-01-05' },
      { id: 'published', starts: '2026-01-05' },
      { id: 'started-mid-february', starts: '2026-02-10' },
      { id: 'other-cs-client', starts: '2026-01-05', csUserId: OTHER_CS.id },
    ])
      await addServiceClient(app, client);
    await addMonthlyReport(app, {
      clientId: 'internal-only',
      period: '2026-02',
      visibility: 'internal',
    });
    await addMonthlyReport(app, { clientId: 'published', period: '2026-02', visibility: 'client' });
  });
  afterAll(() => app.close());

  it('before the reminder day the card is empty and nothing more is read', async () => {
    const home = await loadHomePage(app.db, CS, policy, sp('2026-03-04T09:59:00'));
    expect(home.clients?.reportsDue).toMatchObject({ month: '2026-02', count: 0, items: [] });
  });

  it('from the reminder day, the clients still owing, by name, due at 20:00 of the 5th business day', async () => {
    const { result: home, roundTrips } = await countRoundTrips(app, () =>
      loadHomePage(app.db, CS, policy, sp('2026-03-04T10:00:00')),
    );
    expect(roundTrips).toBe(driver === 'libsql' ? 1 : null);
    expect(home.clients?.reportsDue).toEqual({
      month: '2026-02',
      dueAt: sp('2026-03-06T20:00:00'),
      count: 3,
      items: [
        { clientId: 'a-owes', clientName: 'Cliente a-owes' },
        { clientId: 'b-owes', clientName: 'Cliente b-owes' },
        { clientId: 'internal-only', clientName: 'Cliente internal-only' },
      ],
    });
  });

  it('another CS sees only their own client; a partner without the CS role has no card', async () => {
    const other = await loadHomePage(
      app.db,
      { id: OTHER_CS.id, roles: ['cs'] },
      policy,
      sp('2026-03-09T10:00:00'),
    );
    expect(other.clients?.reportsDue?.items.map((i) => i.clientId)).toEqual(['other-cs-client']);
    const paid = await loadHomePage(
      app.db,
      { id: 'demo-paid', roles: ['paid_traffic'] },
      policy,
      sp('2026-03-09T10:00:00'),
    );
    expect(paid.clients).toBeNull();
  });
});
