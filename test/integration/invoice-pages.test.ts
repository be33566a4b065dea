import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoices, users } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { loadInvoicePage } from '../../src/server/invoices/invoice-page.ts';
import { loadPartnerInvoicesPage } from '../../src/server/invoices/partner-invoices-page.ts';
import { seedPeople } from '../support/sign-in.ts';
import { countRoundTrips, createTestApp, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const inWindow = new Date('2026-03-02T13:00:00.000Z');
const afterWindow = new Date('2026-03-10T13:00:00.000Z');

/** An invoice of a partner for a competence month, straight in the database. */
function invoiceRow(partnerId: string, competenceMonth: string, status: 'submitted' | 'divergent') {
  return {
    id: `${partnerId}-${competenceMonth}`,
    partnerId,
    competenceMonth,
    submittedMonth: '2026-03',
    number: `NF ${competenceMonth}`,
    issueDate: '2026-02-27',
    amountMinor: 123456,
    currency: 'BRL',
    fileKey: `invoices/${partnerId}-${competenceMonth}.pdf`,
    fileName: 'fatura.pdf',
    fileSize: 100,
    fileSha256: `${partnerId}-${competenceMonth}`,
    status,
    paymentDueOn: '2026-03-31',
    submittedAt: inWindow,
    updatedAt: inWindow,
  };
}

describe.each(DRIVERS)('the partner invoices page’s data (%s)', (driver) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(driver);
    await seedPeople(app);
  });
  afterAll(() => app.close());
  const load = (now: Date) =>
    countRoundTrips(app, () => loadPartnerInvoicesPage(app.db, policy, 'demo-paid', now));

  it('asks for payment details first, in one round trip', async () => {
    const { result, roundTrips } = await load(inWindow);
    expect(roundTrips).toBe(driver === 'libsql' ? 1 : null);
    expect(result).toMatchObject({ open: true, profileReady: false, maySubmit: false });
    expect(result.window.competenceMonth).toBe('2026-02');
    expect(result.history).toEqual([]);
  });

  it('offers the form while the window is open, once, and again after a divergence', async () => {
    await app.db
      .update(users)
      .set({ taxId: '52998224725', pixKey: '+5511987654321' })
      .where(eq(users.id, 'demo-paid'));
    expect((await load(inWindow)).result).toMatchObject({ profileReady: true, maySubmit: true });
    expect((await load(afterWindow)).result).toMatchObject({ open: false, maySubmit: false });

    await app.db
      .insert(invoices)
      .values([
        invoiceRow('demo-paid', '2026-01', 'submitted'),
        invoiceRow('demo-paid', '2026-02', 'submitted'),
      ]);
    const { result, roundTrips } = await load(inWindow);
    expect(roundTrips).toBe(driver === 'libsql' ? 1 : null);
    expect(result.maySubmit).toBe(false);
    expect(result.current).toMatchObject({ number: 'NF 2026-02', status: 'submitted' });
    expect(result.history.map((invoice) => invoice.competenceMonth)).toEqual([
      '2026-02',
      '2026-01',
    ]);

    await app.db
      .update(invoices)
      .set({ status: 'divergent' })
      .where(eq(invoices.id, 'demo-paid-2026-02'));
    expect((await load(inWindow)).result.maySubmit).toBe(true);
  });

  it('lets finance decide on another’s invoice and offers the due day as payment date, in three round trips (February due to close, not stored)', async () => {
    const finance = { id: 'demo-finance', roles: ['finance' as const] };
    const { result: page, roundTrips } = await countRoundTrips(app, () =>
      loadInvoicePage(app.db, policy, finance, 'demo-paid-2026-02', afterWindow),
    );
    // The invoice, then the scorecard's month of its paid partner (invoice-expected-amount.test.ts):
    // February is due to close (6 March) and not stored yet, so it is counted in a third.
    expect(roundTrips).toBe(driver === 'libsql' ? 3 : null);
    expect(page).toMatchObject({ mayDecide: true, partnerName: expect.any(String) });
    // Due on the 31st, asked on the 10th: today is the latest a payment can have been made.
    expect(page?.paidOnDefault).toBe('2026-03-10');
    const own = await loadInvoicePage(
      app.db,
      policy,
      { id: 'demo-paid', roles: ['paid_traffic'] },
      'demo-paid-2026-02',
      afterWindow,
    );
    expect(own?.mayDecide).toBe(false);
    const stranger = { id: 'demo-organic', roles: ['organic_traffic' as const] };
    expect(
      await loadInvoicePage(app.db, policy, stranger, 'demo-paid-2026-02', afterWindow),
    ).toBeNull();
  });
});
