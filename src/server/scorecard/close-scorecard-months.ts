import type { Database } from '../../../db/client.ts';
import { inJsonList } from '../../../db/in-json-list.ts';
import { scorecardMonths } from '../../../db/schema/index.ts';
import type { Policy } from '../../policy/index.ts';
import { closeMonthWrites } from './closed-months.ts';
import { isDueToClose } from './month-closing.ts';
import { scorecardMonthsAt } from './team-scorecard-page.ts';
import { countTeamScorecards } from './team-scorecards.ts';

/**
 * How many months one run closes at most. In the agency's steady state one month is due a
 * month; right after Ponte is deployed (or the job was stopped) up to scorecardMonths − 1 are.
 * Each closing reads and counts a whole month (every partner's records) and writes it, so a
 * run is bounded well inside a scheduled Worker's CPU limit however large the agency, and the
 * five months of a first deployment close within two hourly runs.
 */
export const MONTHS_CLOSED_PER_RUN = 3;

/**
 * Stores one month's scorecards as they stand at `now` (counted from the records, the month
 * complete): its row (closed_at, the best of it) and each partner's (name, roles, whether
 * paid, the scorecard), in one batch. False, writing nothing, when the month is not due to
 * close yet (monthClosesAt) or was closed already, by an earlier run or one at the same time.
 */
export async function closeScorecardMonth(
  db: Database,
  month: string,
  rules: Policy,
  now: Date,
): Promise<boolean> {
  if (!isDueToClose(month, rules, now)) return false;
  const [team] = await countTeamScorecards(db, { from: month, to: month }, rules, now, null);
  if (!team) return false;
  const [written] = await db.batch(closeMonthWrites(db, team, now));
  return written.length === 1;
}

/**
 * The closing job: closes every month due to close and not closed yet, oldest first, at most
 * MONTHS_CLOSED_PER_RUN a run. Only the months a scorecard shows (this month and
 * policy.incentives.scorecardMonths − 1 before): an older month is never shown, so storing it
 * would freeze nothing anyone reads — and once the job runs, each month closes days after its
 * end, long before it leaves the pages. `waiting`: due months left for the next runs.
 */
export async function closeScorecardMonths(db: Database, rules: Policy, now: Date) {
  const due = scorecardMonthsAt(now, rules)
    .filter((month) => isDueToClose(month, rules, now))
    .reverse();
  if (due.length === 0) return { closed: 0, waiting: 0 };
  const stored = await db
    .select({ month: scorecardMonths.month })
    .from(scorecardMonths)
    .where(inJsonList(scorecardMonths.month, due));
  const closedBefore = new Set(stored.map((row) => row.month));
  const toClose = due.filter((month) => !closedBefore.has(month));
  let closed = 0;
  for (const month of toClose.slice(0, MONTHS_CLOSED_PER_RUN)) {
    if (await closeScorecardMonth(db, month, rules, now)) closed += 1;
  }
  return { closed, waiting: Math.max(0, toClose.length - MONTHS_CLOSED_PER_RUN) };
}
