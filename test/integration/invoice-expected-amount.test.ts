import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientMilestones,
  clientRenewals,
  clients,
  invoices,
  userRoles,
  users,
} from '../../db/schema/index.ts';
import type { Role } from '../../src/policy/index.ts';
import { policy } from '../../src/policy/index.ts';
import { accessFor, decideAccess } from '../../src/server/auth/access-rules.ts';
import { loadInvoicePage } from '../../src/server/invoices/invoice-page.ts';
import { closeScorecardMonth } from '../../src/server/scorecard/close-scorecard-months.ts';
import { seedPeople } from '../support/sign-in.ts';
import { addPerson, joinTeam } from '../support/teams.ts';
import { countRoundTrips, createTestApp, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

// Finance reviews February's invoices on 10 March: February is over.
const reviewedAt = new Date('2026-03-10T13:00:00.000Z');
const FINANCE = { id: 'demo-finance', roles: ['finance' as const] };
const ADMIN = { id: 'demo-admin', roles: ['admin' as const] };

/** A partner's February invoice of `amountMinor`, straight in the database. */
function invoiceOf(partnerId: string, amountMinor: number, competenceMonth = '2026-02') {
  return {
    id: `expected-${partnerId}-${competenceMonth}`,
    partnerId,
    competenceMonth,
    submittedMonth: '2026-03',
    number: `NF ${partnerId}`,
    issueDate: '2026-02-27',
    amountMinor,
    currency: 'BRL',
    fileKey: `invoices/expected-${partnerId}.pdf`,
    fileName: 'fatura.pdf',
    fileSize: 100,
    fileSha256: `expected-${partnerId}-${competenceMonth}`,
    status: 'submitted' as const,
    paymentDueOn: '2026-03-31',
    submittedAt: reviewedAt,
    updatedAt: reviewedAt,
  };
}

describe.each(DRIVERS)('the expected amount on finance’s invoice review (%s)', (driver) => {
  let app: TestApp;
  /**
   * A client of demo-cs's served since December, renewed or lost in February, with a paid
   * partner on its team since January (a team member counts what is dated from then on).
   */
  async function februaryClient(id: string, kind: 'renewed' | 'lost', partnerId: string) {
    await app.db.insert(clients).values({
      id,
      name: id,
      csUserId: 'demo-cs',
      serviceStartsOn: '2025-12-01',
      serviceEndsOn: '2026-03-31',
      createdAt: reviewedAt,
    });
    const at = new Date('2026-02-20T15:00:00.000Z');
    // Renewed: its service to the end of February goes on to the end of March.
    await (kind === 'renewed'
      ? app.db.insert(clientRenewals).values({
          clientId: id,
          serviceEndsOn: '2026-02-28',
          renewedUntil: '2026-03-31',
          renewedAt: at,
          recordedBy: 'demo-cs',
        })
      : app.db
          .insert(clientMilestones)
          .values({ clientId: id, kind, occurredAt: at, recordedBy: 'demo-cs' }));
    app.setNow(new Date('2026-01-05T13:00:00.000Z'));
    await joinTeam(app, id, partnerId, 'paid_traffic');
    app.setNow(reviewedAt);
  }

  beforeAll(async () => {
    app = await createTestApp(driver);
    app.setNow(reviewedAt);
    await seedPeople(app);
    // A client of demo-paid's that renewed in February: a variable line above zero.
    await februaryClient('expected-client', 'renewed', 'demo-paid');
    await app.db
      .insert(invoices)
      .values([
        invoiceOf('demo-paid', 190_000),
        invoiceOf('demo-organic', 320_000),
        invoiceOf('demo-paid', 150_000, '2026-01'),
      ]);
  });
  afterAll(() => app.close());

  const load = (viewer: { id: string; roles: Role[] }, id: string) =>
    countRoundTrips(app, () => loadInvoicePage(app.db, policy, viewer, id, app.deps.clock()));

  it('shows a paid partner’s expected total with its lines and the difference, in two round trips', async () => {
    const { result: page, roundTrips } = await load(FINANCE, 'expected-demo-paid-2026-02');
    // The invoice's read, then the team's month (the month is known once the invoice is read):
    // February is due to close (6 March) but not stored yet, so its stored rows are read and
    // it is counted in a third (once closed, two: see the last test).
    expect(roundTrips).toBe(driver === 'libsql' ? 3 : null);
    const expected = page?.expected;
    if (expected?.kind !== 'expected') throw new Error(`no expected amount: ${expected?.kind}`);
    expect(expected).toMatchObject({ partnerId: 'demo-paid', month: '2026-02', complete: true });
    const line = (kind: string) => expected.lines.find((l) => l.kind === kind);
    expect(line('base')).toEqual({
      kind: 'base',
      count: 1,
      unitMinorUnits: 150_000,
      totalMinorUnits: 150_000,
    });
    expect(line('renewedAfterFirstMonth')).toMatchObject({ count: 1, totalMinorUnits: 10_000 });
    // The only paid partner with a variable amount above zero is February's best.
    expect(line('bestOfMonth')).toMatchObject({ count: 1, totalMinorUnits: 30_000 });
    expect(expected.totalMinorUnits).toBe(
      expected.lines.reduce((s, l) => s + l.totalMinorUnits, 0),
    );
    expect(expected.totalMinorUnits).toBe(190_000);
    expect(expected.difference).toEqual({ kind: 'equal' });
    // Finance reaches no partner's scorecard page.
    expect(page?.scorecardHref).toBeNull();
  });

  it('gives finance only that partner’s lines: no other partner, no counts', async () => {
    const { result: page } = await load(FINANCE, 'expected-demo-paid-2026-02');
    const shown = JSON.stringify(page?.expected);
    for (const other of ['demo-cs', 'demo-organic', 'demo-design', 'Padaria', 'counts']) {
      expect(shown).not.toContain(other);
    }
    expect(page).not.toHaveProperty('partnerRoles');
  });

  it('says how far an invoice is below a month counted with fewer lines, and links admins to the scorecard', async () => {
    const { result: page, roundTrips } = await load(ADMIN, 'expected-demo-paid-2026-01');
    // January is due to close and not stored: counted after its stored rows are read.
    expect(roundTrips).toBe(driver === 'libsql' ? 3 : null);
    // January: the base alone (the renewal was February's), and nobody the best.
    expect(page?.expected).toMatchObject({
      kind: 'expected',
      month: '2026-01',
      totalMinorUnits: 150_000,
      difference: { kind: 'equal' },
    });
    expect(page?.scorecardHref).toBe('/admin/scorecard/demo-paid');
    await app.db
      .update(invoices)
      .set({ amountMinor: 149_999 })
      .where(eq(invoices.id, 'expected-demo-paid-2026-01'));
    const lower = await load(ADMIN, 'expected-demo-paid-2026-01');
    expect(lower.result?.expected).toMatchObject({
      difference: { kind: 'below', minorUnits: 1 },
    });
  });

  it('counts a month not over yet so far', async () => {
    await app.db.insert(invoices).values(invoiceOf('demo-paid', 150_000, '2026-03'));
    const { result: page } = await load(FINANCE, 'expected-demo-paid-2026-03');
    expect(page?.expected).toMatchObject({ kind: 'expected', month: '2026-03', complete: false });
  });

  it('shows nothing to expect for a role the incentives do not pay, in one round trip while the month is counted', async () => {
    await app.db.insert(invoices).values(invoiceOf('demo-organic', 320_000, '2026-03'));
    const { result: page, roundTrips } = await load(FINANCE, 'expected-demo-organic-2026-03');
    expect(roundTrips).toBe(driver === 'libsql' ? 1 : null);
    expect(page?.expected).toEqual({ kind: 'notPaid' });
    // February is due to close: whether they were paid is the month's to say (they were not).
    const february = await load(FINANCE, 'expected-demo-organic-2026-02');
    expect(february.result?.expected).toEqual({ kind: 'notPaid' });
  });

  it('expects the month a paid partner worked, though they left since', async () => {
    await addPerson(app, { id: 'gone-paid', email: 'saiu@ponte.example', roles: ['paid_traffic'] });
    // On the team of a client lost in February, then deactivated.
    await februaryClient('gone-client', 'lost', 'gone-paid');
    await app.db.update(users).set({ active: false }).where(eq(users.id, 'gone-paid'));
    await app.db.insert(invoices).values(invoiceOf('gone-paid', 150_000));
    const { result: page } = await load(FINANCE, 'expected-gone-paid-2026-02');
    const expected = page?.expected;
    if (expected?.kind !== 'expected') throw new Error(`no expected amount: ${expected?.kind}`);
    const lost = expected.lines.find((l) => l.kind === 'lostAfterFirstMonth');
    expect(lost).toMatchObject({ count: 1, totalMinorUnits: -5_000 });
    expect(expected.totalMinorUnits).toBe(145_000);
  });

  it('reads a closed month as stored: two round trips, and a role changed since moves nothing', async () => {
    expect(await closeScorecardMonth(app.db, '2026-02', policy, reviewedAt)).toBe(true);
    await app.db.delete(userRoles).where(eq(userRoles.userId, 'demo-paid'));
    await app.db.insert(userRoles).values({ userId: 'demo-paid', role: 'design' });
    const { result: page, roundTrips } = await load(FINANCE, 'expected-demo-paid-2026-02');
    expect(roundTrips).toBe(driver === 'libsql' ? 2 : null);
    expect(page?.expected).toMatchObject({
      kind: 'expected',
      closing: { kind: 'closed', closedAt: reviewedAt },
      totalMinorUnits: 190_000,
      difference: { kind: 'equal' },
    });
    await app.db.delete(userRoles).where(eq(userRoles.userId, 'demo-paid'));
    await app.db.insert(userRoles).values({ userId: 'demo-paid', role: 'paid_traffic' });
  });

  it('is not a partner’s to see: the review pages are forbidden, and the loader reads no scorecard', async () => {
    expect(
      decideAccess(accessFor('/review/invoices/expected-demo-paid-2026-02'), ['paid_traffic']),
    ).toBe('forbidden');
    const partner = { id: 'demo-paid', roles: ['paid_traffic' as const] };
    const { result: own, roundTrips } = await load(partner, 'expected-demo-paid-2026-02');
    expect(roundTrips).toBe(driver === 'libsql' ? 1 : null);
    expect(own?.expected).toBeNull();
    const stranger = { id: 'demo-organic', roles: ['organic_traffic' as const] };
    expect((await load(stranger, 'expected-demo-paid-2026-02')).result).toBeNull();
  });
});
