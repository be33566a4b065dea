import type { Database } from '../../../db/client.ts';
import type { PartnerRole, Policy } from '../../policy/index.ts';
import { closedMonthsOf, readClosedMonths } from './closed-months.ts';
import { countedClosing, isDueToClose, type MonthClosing } from './month-closing.ts';
import { isOnMonth, partnerScorecardOf } from './partner-month.ts';
import { readScorecardRecords, type ScorecardRecords } from './read-scorecard-records.ts';
import { type PartnerRecords, partnersOf, recordsByPartner } from './scorecard-inputs.ts';
import {
  type BestOfMonth,
  bestOfMonth,
  earnsIncentives,
  type Scorecard,
  withBestOfMonth,
} from './scorecard-pay.ts';
import { type MonthRange, monthsOf, scorecardBounds } from './scorecard-range.ts';
import { monthCounter, monthWindow } from './scorecard-rules.ts';

export type { MonthRange } from './scorecard-range.ts';

/** One partner's scorecard for a month, with who they are (names are shown to admins only). */
export type PartnerScorecard = {
  partnerId: string;
  name: string;
  roles: PartnerRole[];
  // Paid by the incentives (policy.incentives.paidRoles): the scorecard has money lines.
  paid: boolean;
  // With the best-of-month line when the partner is among the month's best.
  scorecard: Scorecard;
};

/** Every scorecard partner's month, and the best of it (so far, when the month is not over). */
export type TeamMonth = {
  month: string;
  complete: boolean;
  // Closed (stored when it closed: as it stood then), or counted now: complete or so far.
  closing: MonthClosing;
  partners: PartnerScorecard[];
  best: BestOfMonth | null;
};

/**
 * Every active partner holding a scorecard role (policy.incentives.scorecardRoles), and on a
 * complete month one who has left since but has records in it (isOnMonth), and their
 * scorecard for each month of the range: a closed month (due to close: monthClosesAt) as it
 * was stored when it closed (close-scorecard-months.ts: the partners, their names and roles
 * then, the best of it), the others counted at `now` by countMonth/scorecardOf/withBestOfMonth.
 * One database round trip (the stored months and the records of the open ones in one batch);
 * a second only for a month due to close but not stored yet (the job has not run), counted
 * then. With `alsoCounted`, only that partner's and (on the counted months) the paid
 * partners' (the best of the month is theirs): what one partner's page, or one invoice's
 * expected amount, needs.
 */
export async function loadTeamScorecards(
  db: Database,
  months: MonthRange,
  rules: Policy,
  now: Date,
  // Whose scorecards to count beside the paid partners' (null: everyone's).
  alsoCounted: string | null = null,
): Promise<TeamMonth[]> {
  const all = monthsOf(months);
  // A month due to close is before every open one: the open months are the range's end.
  const due = all.filter((month) => isDueToClose(month, rules, now));
  const open = all.slice(due.length);
  const openRange = open.length ? { from: open[0] as string, to: months.to } : null;
  const found = new Map<string, TeamMonth>();
  if (due.length === 0 && openRange) {
    return countTeamScorecards(db, openRange, rules, now, alsoCounted);
  }
  const stored = readClosedMonths(db, due, alsoCounted);
  if (openRange) {
    const bounds = scorecardBounds(openRange, rules);
    const records = readScorecardRecords(db, bounds, rules);
    const [monthRows, partnerRows, ...rows] = await db.batch([...stored, ...records]);
    for (const [month, team] of closedMonthsOf([monthRows, partnerRows])) found.set(month, team);
    const counted = teamMonthsOf(rows as ScorecardRecords, open, rules, now, alsoCounted);
    for (const team of counted) found.set(team.month, team);
  } else {
    for (const [month, team] of closedMonthsOf(await db.batch(stored))) found.set(month, team);
  }
  // Due to close but not closed yet: counted from the records, complete (a second round trip).
  const missing = due.filter((month) => !found.has(month));
  if (missing.length) {
    const range = { from: missing[0] as string, to: missing[missing.length - 1] as string };
    const records = await db.batch(readScorecardRecords(db, scorecardBounds(range, rules), rules));
    for (const team of teamMonthsOf(records, missing, rules, now, alsoCounted)) {
      found.set(team.month, team);
    }
  }
  return all.map((month) => found.get(month) as TeamMonth);
}

/**
 * The range's months counted from the records at `now` in one round trip, none read from what
 * was stored: what the closing job stores, and loadTeamScorecards' open months.
 * Which records count for whom (README "Partner scorecard and incentives"):
 * - a client's pipeline (first contacts, launches, renewals, losses, refunds in the first
 *   days) counts for its CS and its paid-traffic partners: the people who run the client; a
 *   team member counts what is dated from the day they joined its team; a paid partner's
 *   money lines come only from the clients they run as paid traffic (partnerScorecardOf);
 * - a change: one tied to a design piece counts for its designer (the project's), one tied to
 *   a traffic piece for the client's paid-traffic partners, else (or when the project has no
 *   designer) a post counts for the client's design partners and a
 *   targeting or text change for its paid-traffic partners;
 * - other deadlines: the tasks assigned to the partner (due the end of their due day),
 *   done when completed; a task given back by its due day's end is nobody's deadline (it
 *   was not theirs to miss), given back later it was missed; a design piece's due day for
 *   its designer, a traffic piece's for the client's paid-traffic team, met when first sent
 *   on (to the agency's internal review or to the client, whichever came first);
 * - satisfaction answers: all of a client's for its CS; a piece's approval answer also for
 *   the partners who worked on the piece (its designer and who uploaded its versions).
 */
export async function countTeamScorecards(
  db: Database,
  months: MonthRange,
  rules: Policy,
  now: Date,
  alsoCounted: string | null,
): Promise<TeamMonth[]> {
  const bounds = scorecardBounds(months, rules);
  // One round trip, whatever the number of partners and months.
  const records = await db.batch(readScorecardRecords(db, bounds, rules));
  return teamMonthsOf(records, bounds.months, rules, now, alsoCounted);
}

/** The team's months from the batch's rows (loadTeamScorecards without the database). */
export function teamMonthsOf(
  records: ScorecardRecords,
  months: readonly string[],
  rules: Policy,
  now: Date,
  alsoCounted: string | null,
): TeamMonth[] {
  // The best of the month is judged among the paid partners: one partner's months need theirs
  // and no other's (a CS's month is the costliest to count: all their clients).
  const partners = partnersOf(records[0]).filter(
    (p) => alsoCounted === null || p.id === alsoCounted || earnsIncentives(p.roles, rules),
  );
  const byPartner = recordsByPartner(records, partners, rules.agency.timeZone);
  return months.map((month) => {
    const countMonth = monthCounter(month, rules, now);
    const counted = partners
      .map((partner) => {
        const paid = earnsIncentives(partner.roles, rules);
        const records = byPartner.get(partner.id) as PartnerRecords;
        const scorecard = partnerScorecardOf(records, countMonth, paid, rules);
        return { partner, paid, scorecard };
      })
      .filter(({ partner, scorecard }) => isOnMonth(partner, scorecard));
    const best = bestOfMonth(
      counted.map(({ partner, scorecard }) => ({ partnerId: partner.id, scorecard })),
      rules,
    );
    const complete = now >= monthWindow(month, rules.agency.timeZone).end;
    return {
      month,
      complete,
      closing: countedClosing(month, complete, rules, now),
      partners: counted.map(({ partner, paid, scorecard }) => ({
        partnerId: partner.id,
        name: partner.name,
        roles: partner.roles,
        paid,
        scorecard: withBestOfMonth({ partnerId: partner.id, scorecard }, best),
      })),
      best,
    };
  });
}
