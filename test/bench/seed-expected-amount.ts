import type { Database } from '../../db/client.ts';
import { invoices } from '../../db/schema/index.ts';
import { addMonths, policy } from '../../src/policy/index.ts';
import { SCORECARD_BENCH_MONTH } from './seed-scorecard.ts';

/**
 * The invoice finance's review is measured on: a paid-traffic partner of the scorecard seed's,
 * for the scorecard's month, so the page counts the 30 partners' month to show the amount the
 * scorecard expects beside it (README "Partner scorecard and incentives", the finance review).
 */
export const EXPECTED_BENCH_INVOICE = 'bench-expected-invoice';
// The demo agency's finance person reads it (finance sees every invoice).
export const BENCH_FINANCE = { id: 'demo-finance', roles: ['finance' as const] };

export async function seedBenchExpectedAmount(db: Database, now: Date): Promise<void> {
  const submittedMonth = addMonths(SCORECARD_BENCH_MONTH, 1);
  await db.insert(invoices).values({
    id: EXPECTED_BENCH_INVOICE,
    partnerId: 'score-paid_traffic-0',
    competenceMonth: SCORECARD_BENCH_MONTH,
    submittedMonth,
    number: 'NF bench',
    issueDate: `${SCORECARD_BENCH_MONTH}-28`,
    amountMinor: 190_000,
    currency: policy.agency.currency,
    fileKey: 'invoices/bench/expected.pdf',
    fileName: 'fatura.pdf',
    fileSize: 1000,
    fileSha256: EXPECTED_BENCH_INVOICE,
    paymentDueOn: `${submittedMonth}-30`,
    submittedAt: now,
    updatedAt: now,
  });
}
