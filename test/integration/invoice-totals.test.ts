// The review list's unfiltered totals come from invoice_totals, kept by triggers: they must
// equal the sums over the invoices themselves after inserts, status changes, amount changes
// and deletions, on both drivers.

import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoices, users } from '../../db/schema/index.ts';
import { listInvoicesForReview } from '../../src/server/invoices/review-invoices.ts';
import { DRIVERS, openTestDatabase, type TestDatabase } from '../support/test-databases.ts';

const NOW = new Date('2026-03-02T12:00:00Z');

const invoice = (i: number, status: 'submitted' | 'divergent' | 'approved' | 'paid') => ({
  id: `inv-${i}`,
  partnerId: 'p',
  competenceMonth: `2025-${String(i + 1).padStart(2, '0')}`,
  submittedMonth: '2026-01',
  number: `N${i}`,
  issueDate: '2025-12-30',
  amountMinor: 1000 * (i + 1),
  currency: 'BRL',
  fileKey: `k${i}`,
  fileName: 'f.pdf',
  fileSize: 1,
  fileSha256: `s${i}`,
  status,
  paymentDueOn: '2026-01-30',
  submittedAt: NOW,
  updatedAt: NOW,
});

describe.each(DRIVERS)('invoice totals (%s)', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(driver);
    await database.db
      .insert(users)
      .values({ id: 'p', email: 'p@x.example', name: 'P', createdAt: NOW });
  });
  afterAll(() => database.close());

  // The totals as the review list showed them before: summed over every invoice.
  const summed = () =>
    database.db
      .select({
        status: invoices.status,
        count: sql<number>`count(*)`.mapWith(Number),
        amountMinor: sql<number>`coalesce(sum(${invoices.amountMinor}), 0)`.mapWith(Number),
      })
      .from(invoices)
      .groupBy(invoices.status);
  const kept = async () => (await listInvoicesForReview(database.db, {}, 1)).totals;

  it('is empty with no invoices', async () => {
    expect(await kept()).toEqual([]);
  });

  it('follows inserts, status and amount changes, and deletions', async () => {
    const { db } = database;
    await db
      .insert(invoices)
      .values([
        invoice(0, 'submitted'),
        invoice(1, 'submitted'),
        invoice(2, 'approved'),
        invoice(3, 'paid'),
      ]);
    expect(await kept()).toEqual(await summed());
    await db.update(invoices).set({ status: 'divergent' }).where(eq(invoices.id, 'inv-0'));
    await db.update(invoices).set({ amountMinor: 7 }).where(eq(invoices.id, 'inv-1'));
    await db
      .update(invoices)
      .set({ status: 'paid', amountMinor: 9 })
      .where(eq(invoices.id, 'inv-2'));
    expect(await kept()).toEqual(await summed());
    await db.delete(invoices).where(eq(invoices.id, 'inv-3'));
    expect(await kept()).toEqual(await summed());
    expect(await kept()).toEqual([
      { status: 'divergent', count: 1, amountMinor: 1000 },
      { status: 'paid', count: 1, amountMinor: 9 },
      { status: 'submitted', count: 1, amountMinor: 7 },
    ]);
  });
});
