import { addDaysToIsoDate, isHoliday } from './holidays.ts';
import type { Policy } from './schema.ts';
import { isoDateInZone, zonedTimeToInstant } from './zoned-time.ts';

type HolidayCalendar = Policy['holidays'];

/** True for a weekday (Monday to Friday) that is not a holiday of the agency's calendar. */
export function isBusinessDay(isoDate: string, calendar: HolidayCalendar): boolean {
  const weekday = weekdayOf(isoDate);
  return weekday !== 0 && weekday !== 6 && !isHoliday(isoDate, calendar);
}

// Sakamoto's method: the day of the week from the date's numbers, no Date built (deadlines
// ask it for every day they walk).
const MONTH_OFFSETS = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];

/** The day of the week of a YYYY-MM-DD date, 0 for Sunday. */
function weekdayOf(isoDate: string): number {
  const month = Number(isoDate.slice(5, 7));
  const year = Number(isoDate.slice(0, 4)) - (month < 3 ? 1 : 0);
  const day = Number(isoDate.slice(8, 10));
  const leapDays = Math.floor(year / 4) - Math.floor(year / 100) + Math.floor(year / 400);
  return (year + leapDays + (MONTH_OFFSETS[month - 1] as number) + day) % 7;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The last business day of a month (month 1–12), as YYYY-MM-DD. */
export function lastBusinessDayOfMonth(
  year: number,
  month: number,
  calendar: HolidayCalendar,
): string {
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  let date = `${year}-${pad(month)}-${pad(lastDay)}`;
  while (!isBusinessDay(date, calendar)) date = addDaysToIsoDate(date, -1);
  return date;
}

/** The given day if it is a business day, otherwise the next one. */
export function nextBusinessDay(isoDate: string, calendar: HolidayCalendar): string {
  let date = isoDate;
  while (!isBusinessDay(date, calendar)) date = addDaysToIsoDate(date, 1);
  return date;
}

type WorkingClock = Pick<Policy, 'businessHours' | 'holidays'> & {
  agency: Pick<Policy['agency'], 'timeZone'>;
};

/**
 * The instant a number of business hours after `start`: only the time between opening and
 * closing on business days counts, so 4 hours from 18:00 end at 12:00 of the next business
 * day, and from a Saturday at 14:00 on Monday (or the day after a holiday). Exactly at
 * closing time counts as that day's last moment: 4 hours from 16:00 end at 20:00.
 */
export function addBusinessHours(start: Date, hours: number, rules: WorkingClock): Date {
  const { opensAt, closesAt } = rules.businessHours;
  const { timeZone } = rules.agency;
  let remaining = hours * 3_600_000;
  let day = isoDateInZone(start, timeZone);
  let cursor = start.getTime();
  for (;;) {
    if (isBusinessDay(day, rules.holidays)) {
      const opens = zonedTimeToInstant(day, opensAt, timeZone).getTime();
      const closes = zonedTimeToInstant(day, closesAt, timeZone).getTime();
      const from = Math.max(cursor, opens);
      if (from < closes || (remaining === 0 && from <= closes)) {
        if (from + remaining <= closes) return new Date(from + remaining);
        remaining -= closes - from;
      }
    }
    day = addDaysToIsoDate(day, 1);
    cursor = 0;
  }
}
