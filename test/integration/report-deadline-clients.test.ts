import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policy } from '../../src/policy/index.ts';
import { loadClientsPage } from '../../src/server/clients/clients-page.ts';
import { addMonthlyReport, addServiceClient } from '../support/report-deadline.ts';
import { seedPeople } from '../support/sign-in.ts';
import { countRoundTrips, createTestApp, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const sp = (isoLocal: string) => new Date(`${isoLocal}-03:00`);
const CS = { id: 'demo-cs', roles: ['cs' as const] };

/**
 * The clients list names last month's report as a client's next deadline while it owes it
 * (the same one query), overdue from 20:00 of the 5th business day; once published, or for a
 * client that owes none, the list is as before.
 */
describe.each(DRIVERS)('the monthly report on the clients list (%s)', (driver) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(driver);
    await seedPeople(app);
    await addServiceClient(app, { id: 'owes', starts: '2026-01-05' });
    await addServiceClient(app, { id: 'published', starts: '2026-01-05' });
    await addServiceClient(app, { id: 'started-mid-february', starts: '2026-02-10' });
    await addMonthlyReport(app, { clientId: 'published', period: '2026-02', visibility: 'client' });
  });
  afterAll(() => app.close());

  const rowOf = (page: Awaited<ReturnType<typeof loadClientsPage>>, id: string) =>
    page.rows.find((row) => row.client.id === id);

  it('shows the report owed as the next deadline, first in the list, in one round trip', async () => {
    const { result: page, roundTrips } = await countRoundTrips(app, () =>
      loadClientsPage(app.db, CS, policy, sp('2026-03-02T12:00:00')),
    );
    expect(roundTrips).toBe(driver === 'libsql' ? 1 : null);
    expect(page.rows[0]?.client.id).toBe('owes');
    expect(rowOf(page, 'owes')).toMatchObject({
      report: { month: '2026-02', dueAt: sp('2026-03-06T20:00:00') },
      reportFirst: true,
      overdue: false,
    });
    expect(rowOf(page, 'published')?.report).toBeNull();
    expect(rowOf(page, 'started-mid-february')?.report).toBeNull();
    // The demo clients have no service dates: nothing changes for them.
    expect(rowOf(page, 'demo-client-bakery')?.report).toBeNull();
  });

  it('is overdue from 20:00 of the 5th business day; a published report clears it', async () => {
    const before = await loadClientsPage(app.db, CS, policy, sp('2026-03-06T19:59:59'));
    expect(rowOf(before, 'owes')?.overdue).toBe(false);
    const after = await loadClientsPage(app.db, CS, policy, sp('2026-03-06T20:00:00'));
    expect(rowOf(after, 'owes')?.overdue).toBe(true);
    await addMonthlyReport(app, { clientId: 'owes', period: '2026-02', visibility: 'client' });
    const met = await loadClientsPage(app.db, CS, policy, sp('2026-03-06T20:00:00'));
    expect(rowOf(met, 'owes')).toMatchObject({ report: null, reportFirst: false, overdue: false });
  });
});
