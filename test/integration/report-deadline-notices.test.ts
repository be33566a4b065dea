import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, userRoles, users } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { sendReportDeadlineNotices } from '../../src/server/timeline/report-deadline-notices.ts';
import { addMonthlyReport, addServiceClient } from '../support/report-deadline.ts';
import { seedPeople } from '../support/sign-in.ts';
import { addPerson } from '../support/teams.ts';
import { countRoundTrips, createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const sp = (isoLocal: string) => new Date(`${isoLocal}-03:00`);

/**
 * February 2026's reports, due by the 5th business day of March (March starts on a Sunday:
 * Friday the 6th, 20:00), reminded from the 3rd (Wednesday the 4th, 10:00): each client that
 * owes one and has not published it gets one reminder to its CS and one escalation to each
 * admin; a client-visible report meets the deadline, an internal one does not.
 */
describe.each(DRIVERS)('monthly report deadline notices (%s)', (driver) => {
  let app: TestApp;
  const run = (at: string) => sendReportDeadlineNotices(app.db, policy, sp(at), TEST_ORIGIN);
  const mailsOf = async (notice: 'reminder' | 'escalation', clientId: string) =>
    (await app.db.select().from(outbox))
      .filter((m) => m.idempotencyKey.startsWith(`monthly-report-${notice}:${clientId}:2026-02:`))
      .map((m) => m.toAddress)
      .sort();
  let admins: string[] = [];

  beforeAll(async () => {
    app = await createTestApp(driver);
    await seedPeople(app);
    await addPerson(app, { id: 'left-cs', email: 'saiu@ponte.example', roles: ['cs'] });
    await app.db.update(users).set({ active: false }).where(eq(users.id, 'left-cs'));
    for (const client of [
      { id: 'owes', starts: '2026-01-05' },
      { id: 'started-mid-february', starts: '2026-02-10' },
      { id: 'ended-in-february', starts: '2025-06-01', ends: '2026-02-20' },
      { id: 'ends-with-february', starts: '2025-06-01', ends: '2026-02-28' },
      { id: 'internal-only', starts: '2026-01-05' },
      { id: 'published', starts: '2026-01-05' },
      { id: 'january-only', starts: '2026-01-01' },
      { id: 'no-start', starts: null },
      { id: 'cs-left', starts: '2026-01-01', csUserId: 'left-cs' },
    ])
      await addServiceClient(app, client);
    await addMonthlyReport(app, {
      clientId: 'internal-only',
      period: '2026-02',
      visibility: 'internal',
    });
    await addMonthlyReport(app, { clientId: 'published', period: '2026-02', visibility: 'client' });
    await addMonthlyReport(app, {
      clientId: 'january-only',
      period: '2026-01',
      visibility: 'client',
    });
    admins = (
      await app.db
        .select({ email: users.email })
        .from(users)
        .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'admin')))
        .where(eq(users.active, true))
    )
      .map((a) => a.email)
      .sort();
  });
  afterAll(() => app.close());

  it('before the reminder day nothing is read or sent', async () => {
    const { result, roundTrips } = await countRoundTrips(app, () => run('2026-03-04T09:59:59'));
    expect(result).toEqual({ month: '2026-02', reminded: 0, escalated: 0 });
    expect(roundTrips).toBe(driver === 'libsql' ? 0 : null);
  });

  it('reminds each CS once from the 3rd business day, 10:00, of the clients still owing', async () => {
    expect(await run('2026-03-04T10:00:00')).toEqual({
      month: '2026-02',
      reminded: 4 + admins.length,
      escalated: 0,
    });
    expect(await run('2026-03-05T15:00:00')).toEqual({
      month: '2026-02',
      reminded: 0,
      escalated: 0,
    });
    for (const owing of ['owes', 'internal-only', 'january-only', 'ends-with-february'])
      expect(await mailsOf('reminder', owing)).toEqual(['cs@ponte.example']);
    for (const met of ['published', 'started-mid-february', 'ended-in-february', 'no-start'])
      expect(await mailsOf('reminder', met)).toEqual([]);
    // The CS who left is not written to: the admins are reminded in their place.
    expect(await mailsOf('reminder', 'cs-left')).toEqual(admins);
  });

  it('escalates to every admin once from 20:00 of the 5th business day', async () => {
    expect((await run('2026-03-06T19:59:59')).escalated).toBe(0);
    const owing = ['owes', 'internal-only', 'january-only', 'ends-with-february', 'cs-left'];
    expect(await run('2026-03-06T20:00:00')).toEqual({
      month: '2026-02',
      reminded: 0,
      escalated: owing.length * admins.length,
    });
    expect((await run('2026-03-09T11:00:00')).escalated).toBe(0);
    for (const clientId of owing) expect(await mailsOf('escalation', clientId)).toEqual(admins);
    expect(await mailsOf('escalation', 'published')).toEqual([]);
    const [mail] = (await app.db.select().from(outbox)).filter((m) =>
      m.idempotencyKey.startsWith('monthly-report-escalation:owes:'),
    );
    expect(mail?.subject).toBe('Relatório de fevereiro de 2026 de Cliente owes atrasado');
    expect(mail?.text).toContain(`${TEST_ORIGIN}/clients/owes/timeline`);
  });

  it('a report published late stops nothing already sent and owes nothing more', async () => {
    await addMonthlyReport(app, { clientId: 'owes', period: '2026-02', visibility: 'client' });
    const before = await mailsOf('escalation', 'owes');
    expect((await run('2026-03-10T11:00:00')).escalated).toBe(0);
    expect(await mailsOf('escalation', 'owes')).toEqual(before);
  });
});
