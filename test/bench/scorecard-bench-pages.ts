import type { Database } from '../../db/client.ts';
import { policy } from '../../src/policy/index.ts';
import { loadInvoicePage } from '../../src/server/invoices/invoice-page.ts';
import { closeScorecardMonth } from '../../src/server/scorecard/close-scorecard-months.ts';
import { monthClosesAt } from '../../src/server/scorecard/month-closing.ts';
import { loadTeamScorecardPage } from '../../src/server/scorecard/team-scorecard-page.ts';
import { BENCH_NOW } from './bench-setup.ts';
import type { BenchPageData } from './routes.ts';
import { BENCH_FINANCE, EXPECTED_BENCH_INVOICE } from './seed-expected-amount.ts';
import { SCORECARD_BENCH_MONTH } from './seed-scorecard.ts';

/**
 * A clock at which the scorecard seed's month (October 2026) is over but not closed yet (it
 * closes on 6 November, policy.incentives.monthClosesAfterDays after its end): the pages count
 * it from the records, so these entries measure the counting (#21's CPU target). At the
 * bench's own clock (2 December) October is closed and read as stored.
 */
const COUNTED_NOW = new Date(
  monthClosesAt(SCORECARD_BENCH_MONTH, policy).getTime() - 3 * 86_400_000,
);

// October closed once per database, by the first (warm-up) call of the stored entry: as the
// job would have, at the bench's clock.
const closed = new WeakMap<Database, Promise<boolean>>();
const closeOctober = (db: Database) => {
  let closing = closed.get(db);
  if (!closing) {
    closing = closeScorecardMonth(db, SCORECARD_BENCH_MONTH, policy, BENCH_NOW);
    closed.set(db, closing);
  }
  return closing;
};

/** The scorecard's pages (#21): the month counted, and the month closed (stored). */
export const SCORECARD_BENCH_PAGES: BenchPageData[] = [
  {
    // Every scorecard partner's month: the bench's 30 with 120 clients' month of work, and
    // the other seeds' partners (none of their records falls in that month); counted (over,
    // not closed yet).
    name: 'admin scorecard, 30 partners, a month (counted: over, not closed yet)',
    page: 'GET /admin/scorecard (page data, 30 partners)',
    load: (db) => loadTeamScorecardPage(db, SCORECARD_BENCH_MONTH, policy, COUNTED_NOW),
    targets: { roundTrips: 2, medianCpuMs: 5 },
  },
  {
    // Finance's review of a paid partner's invoice for that month: the invoice, then the 30
    // partners' month for the amount the scorecard expects beside it (counted, as above).
    name: 'invoice review, a paid partner’s, with the scorecard’s expected amount (counted)',
    page: 'GET /review/invoices/{id} (paid partner)',
    load: (db) => loadInvoicePage(db, policy, BENCH_FINANCE, EXPECTED_BENCH_INVOICE, COUNTED_NOW),
    targets: { roundTrips: 2, medianCpuMs: 5 },
  },
  {
    // The same month once closed: the partners' stored rows read back, nothing counted.
    name: 'admin scorecard, 30 partners, a closed month (stored)',
    page: 'GET /admin/scorecard (page data, closed month)',
    load: async (db) => {
      await closeOctober(db);
      return loadTeamScorecardPage(db, SCORECARD_BENCH_MONTH, policy, BENCH_NOW);
    },
    targets: { roundTrips: 1, medianCpuMs: 5 },
  },
];
