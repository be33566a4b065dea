import type { LocalizedText, Policy } from './schema.ts';

export type Holiday = { date: string; name: LocalizedText; kind: 'national' | 'agency' };
type HolidayCalendar = Policy['holidays'];

const pad = (n: number) => String(n).padStart(2, '0');

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm), as YYYY-MM-DD. */
export function computeEaster(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * Adds whole days to a YYYY-MM-DD date (calendar arithmetic, no time zone involved). From
 * numbers, not by parsing and printing an ISO string: deadlines walk days one at a time, and
 * the string round trip was a sixth of the scorecard's counting.
 */
export function addDaysToIsoDate(isoDate: string, days: number): string {
  // Most steps stay inside the month (every month has a 28th): only the day's digits change.
  const day = Number(isoDate.slice(8, 10)) + days;
  if (day >= 1 && day <= 28) return `${isoDate.slice(0, 8)}${pad(day)}`;
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  date.setUTCFullYear(
    Number(isoDate.slice(0, 4)),
    Number(isoDate.slice(5, 7)) - 1,
    Number(isoDate.slice(8, 10)) + days,
  );
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

const FIXED_NATIONAL: { monthDay: string; name: LocalizedText; since?: number }[] = [
  { monthDay: '01-01', name: { 'pt-BR': 'Confraternização Universal', en: "New Year's Day" } },
  { monthDay: '04-21', name: { 'pt-BR': 'Tiradentes', en: 'Tiradentes Day' } },
  { monthDay: '05-01', name: { 'pt-BR': 'Dia do Trabalho', en: 'Labour Day' } },
  { monthDay: '09-07', name: { 'pt-BR': 'Independência do Brasil', en: 'Independence Day' } },
  { monthDay: '10-12', name: { 'pt-BR': 'Nossa Senhora Aparecida', en: 'Our Lady of Aparecida' } },
  { monthDay: '11-02', name: { 'pt-BR': 'Finados', en: "All Souls' Day" } },
  { monthDay: '11-15', name: { 'pt-BR': 'Proclamação da República', en: 'Republic Day' } },
  // National holiday by Law 14.759/2023, from 2024 on.
  {
    monthDay: '11-20',
    name: { 'pt-BR': 'Dia Nacional de Zumbi e da Consciência Negra', en: 'Black Awareness Day' },
    since: 2024,
  },
  { monthDay: '12-25', name: { 'pt-BR': 'Natal', en: 'Christmas Day' } },
];

/** Every holiday of a year under the agency's calendar: Brazil's national ones and its own, sorted. */
export function listHolidays(year: number, calendar: HolidayCalendar): Holiday[] {
  const easter = computeEaster(year);
  const holidays: Holiday[] = FIXED_NATIONAL.filter(
    (h) => h.since === undefined || year >= h.since,
  ).map((h) => ({ date: `${year}-${h.monthDay}`, name: h.name, kind: 'national' }));
  if (calendar.includeCarnival) {
    holidays.push(
      {
        date: addDaysToIsoDate(easter, -48),
        name: { 'pt-BR': 'Carnaval (segunda-feira)', en: 'Carnival Monday' },
        kind: 'national',
      },
      {
        date: addDaysToIsoDate(easter, -47),
        name: { 'pt-BR': 'Carnaval (terça-feira)', en: 'Carnival Tuesday' },
        kind: 'national',
      },
    );
  }
  holidays.push({
    date: addDaysToIsoDate(easter, -2),
    name: { 'pt-BR': 'Sexta-feira Santa', en: 'Good Friday' },
    kind: 'national',
  });
  if (calendar.includeCorpusChristi) {
    holidays.push({
      date: addDaysToIsoDate(easter, 60),
      name: { 'pt-BR': 'Corpus Christi', en: 'Corpus Christi' },
      kind: 'national',
    });
  }
  for (const own of calendar.agencyRecurring)
    holidays.push({ date: `${year}-${own.monthDay}`, name: own.name, kind: 'agency' });
  for (const own of calendar.agencyOneOff) {
    if (own.date.startsWith(`${year}-`))
      holidays.push({ date: own.date, name: own.name, kind: 'agency' });
  }
  const unique = new Map(holidays.map((h) => [h.date, h]));
  return [...unique.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** Whether a YYYY-MM-DD date is a holiday under the agency's calendar. */
export function isHoliday(isoDate: string, calendar: HolidayCalendar): boolean {
  return holidayDates(Number(isoDate.slice(0, 4)), calendar).has(isoDate);
}

// Deadlines ask "is this a holiday?" many times per request: each calendar's years are kept.
const holidayCache = new WeakMap<HolidayCalendar, Map<number, Set<string>>>();

/** The holiday dates of a year, computed once per calendar and year. */
function holidayDates(year: number, calendar: HolidayCalendar): Set<string> {
  let years = holidayCache.get(calendar);
  if (!years) {
    years = new Map();
    holidayCache.set(calendar, years);
  }
  let dates = years.get(year);
  if (!dates) {
    dates = new Set(listHolidays(year, calendar).map((h) => h.date));
    years.set(year, dates);
  }
  return dates;
}
