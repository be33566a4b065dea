import { toNoonUtc } from '../i18n/format.ts';
import { addDaysToIsoDate, isHoliday } from './holidays.ts';
import type { Policy } from './schema.ts';

type HolidayCalendar = Policy['holidays'];

/** True for a weekday (Monday to Friday) that is not a holiday of the agency's calendar. */
export function isBusinessDay(isoDate: string, calendar: HolidayCalendar): boolean {
  const weekday = toNoonUtc(isoDate).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isHoliday(isoDate, calendar);
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
