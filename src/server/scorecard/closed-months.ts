import { and, eq, sql } from 'drizzle-orm';
import type { RowsOf } from '../../../db/batch-rows.ts';
import type { Database } from '../../../db/client.ts';
import { inJsonList } from '../../../db/in-json-list.ts';
import { scorecardMonthPartners, scorecardMonths } from '../../../db/schema/index.ts';
import type { PartnerRole } from '../../policy/index.ts';
import type { BestOfMonth } from './scorecard-pay.ts';
import { SCORECARD_FORMAT, scorecardFromStored, storedScorecardOf } from './stored-scorecard.ts';
import type { PartnerScorecard, TeamMonth } from './team-scorecards.ts';

/**
 * The reads of closed months' stored scorecards, for a batch: the months' rows, and their
 * partners' (with `onlyPartner`, that partner's only: the best of the month is stored, so a
 * partner's page or an invoice's expected amount needs no one else's).
 */
export function readClosedMonths(
  db: Database,
  months: readonly string[],
  onlyPartner: string | null,
) {
  const p = scorecardMonthPartners;
  const ofMonths = inJsonList(p.month, months);
  return [
    db
      .select({
        month: scorecardMonths.month,
        closedAt: scorecardMonths.closedAt,
        best: scorecardMonths.best,
      })
      .from(scorecardMonths)
      .where(inJsonList(scorecardMonths.month, months)),
    db
      .select({
        month: p.month,
        partnerId: p.partnerId,
        name: p.name,
        roles: p.roles,
        paid: p.paid,
        format: p.format,
        scorecard: p.scorecard,
      })
      .from(p)
      .where(onlyPartner === null ? ofMonths : and(ofMonths, eq(p.partnerId, onlyPartner))),
  ] as const;
}

export type ClosedMonthRows = RowsOf<ReturnType<typeof readClosedMonths>>;

// The order the counted months list partners in (partnersOf): by name, then id.
const byName = (a: PartnerScorecard, b: PartnerScorecard) =>
  a.name === b.name ? (a.partnerId < b.partnerId ? -1 : 1) : a.name.localeCompare(b.name);

/** The stored months among the rows, by month, as the team loader gives them. */
export function closedMonthsOf([months, partners]: ClosedMonthRows): Map<string, TeamMonth> {
  const closed = new Map<string, TeamMonth>();
  for (const row of months) {
    closed.set(row.month, {
      month: row.month,
      complete: true,
      closing: { kind: 'closed', closedAt: row.closedAt },
      partners: [],
      best: row.best === null ? null : (JSON.parse(row.best) as BestOfMonth),
    });
  }
  for (const row of partners) {
    closed.get(row.month)?.partners.push({
      partnerId: row.partnerId,
      name: row.name,
      roles: JSON.parse(row.roles) as PartnerRole[],
      paid: row.paid,
      scorecard: scorecardFromStored(row.format, row.scorecard),
    });
  }
  for (const month of closed.values()) month.partners.sort(byName);
  return closed;
}

const at = (path: string) => sql.raw(`json_extract(j.value, '$[${path}]')`);

/**
 * The writes that close a month, for ONE batch: its row (insert-or-ignore: a month is closed
 * once), then its partners' rows from one JSON parameter (a bound value per column would be 6
 * per partner, past D1's 100 per statement), written only when this batch's month row was
 * (`changes()` is the rows the previous statement wrote): two closings at once store one of
 * their sets whole, never a mix. The month row's insert returns the month when it wrote it.
 */
export function closeMonthWrites(db: Database, team: TeamMonth, closedAt: Date) {
  const rows = JSON.stringify(
    team.partners.map((p) => [
      p.partnerId,
      p.name,
      p.roles,
      p.paid ? 1 : 0,
      SCORECARD_FORMAT,
      storedScorecardOf(p.scorecard),
    ]),
  );
  const best = team.best === null ? null : JSON.stringify(team.best);
  return [
    db
      .insert(scorecardMonths)
      .values({ month: team.month, closedAt, best })
      .onConflictDoNothing()
      .returning({ month: scorecardMonths.month }),
    // The select list follows the table's columns in order.
    db
      .insert(scorecardMonthPartners)
      .select(
        sql`select ${team.month}, ${at('0')}, ${at('1')}, ${at('2')}, ${at('3')}, ${at('4')}, ${at('5')} from json_each(${rows}) j where changes() = 1`,
      ),
  ] as const;
}
