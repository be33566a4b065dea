import {
  addDaysToIsoDate,
  isBusinessDay,
  isoDateInZone,
  type Policy,
  zonedTimeToInstant,
} from '../../policy/index.ts';

/** What the daily check reads of the policy: the calendar, the due time and its own block. */
export type CostCheckPolicy = Pick<Policy, 'holidays' | 'campaignChecks'> & {
  agency: Pick<Policy['agency'], 'timeZone'>;
  businessHours: Pick<Policy['businessHours'], 'dailyAnalyticsBy'>;
};

/**
 * One business day's check: the figures of `figureDays` must be imported and each of their
 * breaches acknowledged by `dueAt`; the reminder goes out at `reminderAt`.
 */
export type DailyCheck = {
  checkDay: string;
  figureDays: string[];
  reminderAt: Date;
  dueAt: Date;
};

/**
 * The check of business day `checkDay`, or null on a day off (weekends, holidays: nobody is
 * asked then). It covers every calendar day since the previous business day, so each day's
 * figures are checked exactly once: on a Monday, Friday's, Saturday's and Sunday's; after a
 * Tuesday holiday, Wednesday checks Monday's and Tuesday's.
 */
export function dailyCheckOn(checkDay: string, rules: CostCheckPolicy): DailyCheck | null {
  if (!isBusinessDay(checkDay, rules.holidays)) return null;
  let first = addDaysToIsoDate(checkDay, -1);
  while (!isBusinessDay(first, rules.holidays)) first = addDaysToIsoDate(first, -1);
  const figureDays: string[] = [];
  for (let day = first; day < checkDay; day = addDaysToIsoDate(day, 1)) figureDays.push(day);
  const { timeZone } = rules.agency;
  return {
    checkDay,
    figureDays,
    reminderAt: zonedTimeToInstant(checkDay, rules.campaignChecks.reminderAt, timeZone),
    dueAt: zonedTimeToInstant(checkDay, rules.businessHours.dailyAnalyticsBy, timeZone),
  };
}

/** The check of the agency's day at `now` (null on a day off). */
export function dailyCheckAt(now: Date, rules: CostCheckPolicy): DailyCheck | null {
  return dailyCheckOn(isoDateInZone(now, rules.agency.timeZone), rules);
}

/** A breach as the check counts it: which campaign, placement and metric on which day. */
export type BreachKey = { day: string; campaignName: string; placement: string; metric: string };

/** One string per breach, to match a breach with its acknowledgement. */
export const breachKeyOf = (breach: BreachKey) =>
  [breach.day, breach.placement, breach.metric, breach.campaignName].join('\u001f');

/** What the check found for a client: the days without figures and the breaches left. */
export type CheckFindings = { missingDays: string[]; unacknowledged: number };

/**
 * Where a client's check stands: 'met' when every figure day was imported and every breach
 * acknowledged; otherwise 'open' until the due time and 'overdue' from it (exactly at the due
 * time it is overdue: "by 12:00" means before 12:00).
 */
export function checkStateOf(
  check: DailyCheck,
  findings: CheckFindings,
  now: Date,
): 'met' | 'open' | 'overdue' {
  if (findings.missingDays.length === 0 && findings.unacknowledged === 0) return 'met';
  return now.getTime() < check.dueAt.getTime() ? 'open' : 'overdue';
}

/** The days of `figureDays` that no import covers (an import covers its first to last day). */
export function daysWithoutFigures(
  figureDays: readonly string[],
  imports: readonly { firstDay: string; lastDay: string }[],
): string[] {
  return figureDays.filter(
    (day) => !imports.some((each) => each.firstDay <= day && day <= each.lastDay),
  );
}

/**
 * The notice an unmet check calls for at `now`: the reminder from `reminderAt` until the due
 * time, the escalation from the due time until the day ends (a later run on another day has
 * its own check). Each is sent once: the outbox key names the client, the day and the person.
 */
export function checkNoticeDue(
  check: DailyCheck,
  state: 'met' | 'open' | 'overdue',
  now: Date,
): 'reminder' | 'escalation' | null {
  if (state === 'met') return null;
  if (state === 'overdue') return 'escalation';
  return now.getTime() >= check.reminderAt.getTime() ? 'reminder' : null;
}
