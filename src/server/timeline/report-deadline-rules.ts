import {
  addDaysToIsoDate,
  addMonths,
  isBusinessDay,
  isoDateInZone,
  type Policy,
  zonedTimeToInstant,
} from '../../policy/index.ts';

/** What the monthly report deadline needs of the policy. */
export type ReportDeadlinePolicy = Pick<Policy, 'businessHours' | 'holidays'> & {
  agency: Pick<Policy['agency'], 'timeZone'>;
  timeline: Pick<Policy['timeline'], 'monthlyReport'>;
};

/** The nth business day (1 = the first) of a month YYYY-MM, as YYYY-MM-DD. */
export function nthBusinessDayOf(month: string, n: number, calendar: Policy['holidays']): string {
  let date = `${month}-01`;
  let counted = isBusinessDay(date, calendar) ? 1 : 0;
  while (counted < n) {
    date = addDaysToIsoDate(date, 1);
    if (isBusinessDay(date, calendar)) counted += 1;
  }
  return date;
}

/**
 * When the report of a month (YYYY-MM) is due: the closing time, agency time, of the policy's
 * business day of the month after (weekends and holidays skipped, so a month starting on a
 * Saturday counts from the Monday).
 */
export function reportDueAt(month: string, rules: ReportDeadlinePolicy): Date {
  const { dueOnBusinessDay } = rules.timeline.monthlyReport;
  const day = nthBusinessDayOf(addMonths(month, 1), dueOnBusinessDay, rules.holidays);
  return zonedTimeToInstant(day, rules.businessHours.closesAt, rules.agency.timeZone);
}

/** When the CS is reminded of a month's report: the opening time of the policy's reminder day. */
export function reportReminderAt(month: string, rules: ReportDeadlinePolicy): Date {
  const { remindOnBusinessDay } = rules.timeline.monthlyReport;
  const day = nthBusinessDayOf(addMonths(month, 1), remindOnBusinessDay, rules.holidays);
  return zonedTimeToInstant(day, rules.businessHours.opensAt, rules.agency.timeZone);
}

/**
 * The month whose report is owed at an instant: the month before, in the agency's calendar.
 * Only that one: once a month begins, the month before it is the one due (an older report
 * still missing was escalated in its own month).
 */
export function reportMonthAt(now: Date, timeZone: string): string {
  return addMonths(isoDateInZone(now, timeZone).slice(0, 7), -1);
}

/** A client's service dates (YYYY-MM-DD, agency time); a start is needed, an end is optional. */
export type ServiceDates = { serviceStartsOn: string | null; serviceEndsOn: string | null };

/**
 * Whether a client owes the report of a month: when its service covered the whole month.
 * A first month started after its 1st is not reported on its own (its days go into the first
 * full month's report), and a service ended before a month's last day owes no report of it
 * (the closing conversation covers those days). A client without a start date owes nothing.
 */
export function owesReport(month: string, service: ServiceDates): boolean {
  const { serviceStartsOn, serviceEndsOn } = service;
  const { firstDay, lastDay } = monthBounds(month);
  if (!serviceStartsOn || serviceStartsOn > firstDay) return false;
  return serviceEndsOn === null || serviceEndsOn >= lastDay;
}

/** The first and the last day of a month YYYY-MM (what owesReport compares, also in SQL). */
export function monthBounds(month: string) {
  return {
    firstDay: `${month}-01`,
    lastDay: addDaysToIsoDate(`${addMonths(month, 1)}-01`, -1),
  };
}

/** Whether a month's unpublished report is in its reminder period, past due, or neither, at an instant. */
export function reportNoticeAt(
  month: string,
  now: Date,
  rules: ReportDeadlinePolicy,
): 'reminder' | 'escalation' | null {
  if (now.getTime() >= reportDueAt(month, rules).getTime()) return 'escalation';
  if (now.getTime() >= reportReminderAt(month, rules).getTime()) return 'reminder';
  return null;
}

/**
 * A client's open report deadline, given the month's due instant (computed once for a list):
 * the month's report it owes and has not published; null when it owes none or it is published.
 */
export function openReportDeadline(
  month: string,
  dueAt: Date,
  client: ServiceDates & { reportPublished: boolean },
): { month: string; dueAt: Date } | null {
  if (client.reportPublished || !owesReport(month, client)) return null;
  return { month, dueAt };
}
