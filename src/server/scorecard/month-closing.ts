import {
  addDaysToIsoDate,
  addMonths,
  isoDateInZone,
  type Policy,
  zonedTimeToInstant,
} from '../../policy/index.ts';

type ClosingPolicy = Pick<Policy, 'incentives'> & { agency: Pick<Policy['agency'], 'timeZone'> };

/**
 * When a month's scorecards close (and are stored as they stand): its end in the agency's time
 * zone (the next month's 1st, 00:00) plus policy.incentives.monthClosesAfterDays, at 00:00 of
 * that day — late records of the month (a refund asked on the first days' last day, a change
 * done on its last evening) have those days to be entered.
 */
export function monthClosesAt(month: string, rules: ClosingPolicy): Date {
  const firstOfNext = `${addMonths(month, 1)}-01`;
  const day = addDaysToIsoDate(firstOfNext, rules.incentives.monthClosesAfterDays);
  return zonedTimeToInstant(day, '00:00', rules.agency.timeZone);
}

/**
 * Where a month of the scorecard stands: closed (stored when it closed, frozen); due (its
 * closing time has come, but the hourly job has not stored it yet: counted, complete);
 * unstored (over and older than the months the job stores — an old invoice's month: counted
 * from today's records, and never stored); complete (over, counted from the records until it
 * closes); or so far (not over).
 */
export type MonthClosing =
  | { kind: 'closed'; closedAt: Date }
  | { kind: 'due' | 'unstored' | 'complete' | 'soFar'; closesAt: Date };

/**
 * Whether the closing job stores a month: it is among the months a scorecard shows at `now`
 * (this month and policy.incentives.scorecardMonths − 1 before, as scorecardMonthsAt).
 */
export function isStoredWhenClosed(month: string, rules: ClosingPolicy, now: Date): boolean {
  const thisMonth = isoDateInZone(now, rules.agency.timeZone).slice(0, 7);
  return month >= addMonths(thisMonth, -(rules.incentives.scorecardMonths - 1));
}

/** A month counted from the records at `now` (not stored): due, complete or so far. */
export function countedClosing(
  month: string,
  complete: boolean,
  rules: ClosingPolicy,
  now: Date,
): MonthClosing {
  const closesAt = monthClosesAt(month, rules);
  if (!complete) return { kind: 'soFar', closesAt };
  if (now.getTime() < closesAt.getTime()) return { kind: 'complete', closesAt };
  return { kind: isStoredWhenClosed(month, rules, now) ? 'due' : 'unstored', closesAt };
}

/** Whether a month is due to close at `now` (its stored scorecards, once written, are read). */
export const isDueToClose = (month: string, rules: ClosingPolicy, now: Date) =>
  now.getTime() >= monthClosesAt(month, rules).getTime();
