import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import { aliased } from '../../../db/aliased.ts';
import type { RowsOf } from '../../../db/batch-rows.ts';
import type { Database } from '../../../db/client.ts';
import { type InvoiceStatus, invoices, invoiceTotals, users } from '../../../db/schema/index.ts';
import { addMonths } from '../../policy/index.ts';

/** How many invoices of each list the home names; the rest are behind the list's link. */
export const HOME_ITEMS = 3;
// Invoices still waiting on someone are of the last few competence months: reading only those
// keeps the cost to a month's invoices, not the agency's history. The counts and the total to
// pay come from the totals kept per status, so an older straggler is still counted.
const RECENT_MONTHS = 3;

const waitingOn = (db: Database, status: InvoiceStatus, since: string) =>
  db
    .select({
      id: invoices.id,
      partnerName: aliased(users.name, 'partner_name'),
      competenceMonth: invoices.competenceMonth,
      amountMinor: invoices.amountMinor,
      currency: invoices.currency,
      submittedAt: invoices.submittedAt,
    })
    .from(invoices)
    .innerJoin(users, eq(users.id, invoices.partnerId))
    .where(and(gte(invoices.competenceMonth, since), eq(invoices.status, status)))
    // Month first: ordered by the submission time alone, SQLite walks that index through
    // every invoice ever sent, looking for a few recent ones.
    .orderBy(desc(invoices.competenceMonth), desc(invoices.submittedAt))
    .limit(HOME_ITEMS);

/**
 * Finance's reads for the home, to join its batch: the agency's counts and sums per status,
 * the newest invoices awaiting review and with a divergence, and the approved ones to pay
 * by payment date. `competenceMonth` is the open (or next) window's.
 */
export function readFinanceToday(db: Database, competenceMonth: string) {
  const since = addMonths(competenceMonth, 1 - RECENT_MONTHS);
  return [
    db
      .select({
        status: sql<InvoiceStatus>`${invoiceTotals.status}`,
        count: invoiceTotals.count,
        amountMinor: invoiceTotals.amountMinor,
      })
      .from(invoiceTotals)
      .where(inArray(invoiceTotals.status, ['submitted', 'divergent', 'approved'])),
    waitingOn(db, 'submitted', since),
    waitingOn(db, 'divergent', since),
    db
      .select({
        paymentDueOn: invoices.paymentDueOn,
        currency: invoices.currency,
        count: sql<number>`count(*)`.mapWith(Number),
        amountMinor: sql<number>`sum(${invoices.amountMinor})`.mapWith(Number),
      })
      .from(invoices)
      .where(and(gte(invoices.competenceMonth, since), eq(invoices.status, 'approved')))
      .groupBy(invoices.paymentDueOn, invoices.currency)
      .orderBy(invoices.paymentDueOn)
      .limit(HOME_ITEMS),
  ] as const;
}

/** Finance's blocks from their reads: each list with its count, and what there is to pay. */
export function financeTodayFrom([totals, submitted, divergent, toPay]: RowsOf<
  ReturnType<typeof readFinanceToday>
>) {
  const total = (status: InvoiceStatus) => totals.find((row) => row.status === status);
  return {
    toReview: { count: total('submitted')?.count ?? 0, items: submitted },
    divergent: { count: total('divergent')?.count ?? 0, items: divergent },
    toPay: {
      count: total('approved')?.count ?? 0,
      amountMinor: total('approved')?.amountMinor ?? 0,
      byPaymentDate: toPay,
    },
  };
}
