import { addDaysToIsoDate, addMonths, isBusinessDay, type Policy } from '../../policy/index.ts';
import type { ScorecardPolicy } from './scorecard-rules.ts';
import { monthWindow } from './scorecard-rules.ts';

/** The months asked for, oldest first (`YYYY-MM`, agency time zone), both ends included. */
export type MonthRange = { from: string; to: string };

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * How many days before a range's first day a client can have paid and its first contact still
 * fall due in the range: paid after hours on the last business day before it, the contact is
 * due the next business day's morning, past every weekend day and holiday of the policy's
 * calendar in between (a year-end recess of two weeks included).
 */
export function contactReachDays(firstDay: string, calendar: Policy['holidays']): number {
  let days = 1;
  while (!isBusinessDay(addDaysToIsoDate(firstDay, -days), calendar)) days += 1;
  return days;
}

/**
 * What can count in a range of months, as the bounds the reads filter by (instants in ms,
 * calendar days `YYYY-MM-DD`): only records that can fall in the range, so a read's cost
 * follows the range, not the agency's history. Each bound is the rule's own reach widened,
 * never narrowed: a record read but outside the range is left out by the rules.
 */
export type ScorecardBounds = {
  months: string[];
  // The range's first instant and the instant after it.
  start: number;
  end: number;
  // Its first day and the day after its last.
  firstDay: string;
  dayAfter: string;
  // Milestones that can start a deadline in the range (or be a loss, a first day); renewals
  // recorded from here on (counted in the range, or a renewed service's contact or loss in it).
  milestonesFrom: number;
  // A service end whose renewal deadline or loss by date can fall in the range.
  serviceEndsFrom: string;
  serviceEndsTo: string;
  // A service start whose first days can end in the range.
  serviceStartsFrom: string;
  // A change asked for from here can fall due in the range.
  changesFrom: number;
};

/** Every month of a range, oldest first. */
export function monthsOf(range: MonthRange): string[] {
  const months: string[] = [];
  for (let month = range.from; month <= range.to; month = addMonths(month, 1)) months.push(month);
  return months;
}

/** The bounds of what a range of months can count (see ScorecardBounds). */
export function scorecardBounds(range: MonthRange, rules: ScorecardPolicy): ScorecardBounds {
  const { timeZone } = rules.agency;
  const start = monthWindow(range.from, timeZone).start.getTime();
  const end = monthWindow(range.to, timeZone).end.getTime();
  const firstDay = `${range.from}-01`;
  const dayAfter = `${addMonths(range.to, 1)}-01`;
  const d = rules.newClientDeadlines;
  const earlyDays = rules.refunds.earlyWithinDays;
  // The longest a milestone can come before what it counts in the range, in days.
  const milestoneReach = Math.max(
    contactReachDays(firstDay, rules.holidays),
    Math.ceil(Math.max(d.strategyWithinHours, d.launchWithinHours) / 24),
    d.checkInDaysAfterLaunch,
    earlyDays,
  );
  const longestTurnaround = Math.max(
    rules.changeTurnaround.postHours,
    rules.changeTurnaround.targetingOrTextHours,
  );
  return {
    months: monthsOf(range),
    start,
    end,
    firstDay,
    dayAfter,
    // A day more than the reach: a day of 25 hours at a daylight-saving change.
    milestonesFrom: start - (milestoneReach + 1) * DAY_MS,
    serviceEndsFrom: addDaysToIsoDate(firstDay, -(d.lostDaysAfterEndUnpaid + 1)),
    serviceEndsTo: addDaysToIsoDate(dayAfter, d.renewalContactDaysBeforeEnd + 1),
    serviceStartsFrom: addDaysToIsoDate(firstDay, -(earlyDays + 1)),
    changesFrom: start - (longestTurnaround + 1) * HOUR_MS,
  };
}
