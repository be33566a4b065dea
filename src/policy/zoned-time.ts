const pad = (n: number) => String(n).padStart(2, '0');

// Building an Intl formatter costs far more than using one: keep one per zone and shape.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let found = formatters.get(key);
  if (!found) {
    found = make();
    formatters.set(key, found);
  }
  return found;
}

// What the Intl conversions gave, by zone and instant: the scorecard asks the same few instants
// (a client's payment, "today") once per partner of the client, and formatToParts was a fifth
// of its CPU. Bounded like `instants`: cleared whole when full.
// By kind, then zone: no key string is built for each lookup.
const conversions = {
  date: new Map<string, Map<number, string>>(),
  time: new Map<string, Map<number, string>>(),
};
function remembered(
  kind: keyof typeof conversions,
  instant: Date,
  timeZone: string,
  convert: () => string,
) {
  let byInstant = conversions[kind].get(timeZone);
  if (!byInstant) {
    byInstant = new Map();
    conversions[kind].set(timeZone, byInstant);
  }
  const ms = instant.getTime();
  let found = byInstant.get(ms);
  if (found === undefined) {
    found = convert();
    if (byInstant.size >= 5000) byInstant.clear();
    byInstant.set(ms, found);
  }
  return found;
}

/** The calendar date (YYYY-MM-DD) an instant falls on in a time zone. */
export function isoDateInZone(instant: Date, timeZone: string): string {
  return remembered('date', instant, timeZone, () => convertIsoDate(instant, timeZone));
}

function convertIsoDate(instant: Date, timeZone: string): string {
  const parts = formatter(
    `date ${timeZone}`,
    () =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }),
  ).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** How far a time zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function zoneOffsetMs(instant: Date, timeZone: string): number {
  const parts = formatter(
    `offset ${timeZone}`,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }),
  ).formatToParts(instant);
  const value = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wallClock = Date.UTC(
    value('year'),
    value('month') - 1,
    value('day'),
    value('hour'),
    value('minute'),
    value('second'),
  );
  return wallClock - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant a wall-clock time (YYYY-MM-DD and HH:MM) happens in a time zone. Two passes
 * settle the offset even on a day the zone changes it.
 */
export function zonedTimeToInstant(isoDate: string, time: string, timeZone: string): Date {
  // A small memo: deadlines of many clients fall on the same few days and times. By zone, time
  // (a handful of each), then date: no key string is built for each lookup.
  let byTime = instants.get(timeZone);
  if (!byTime) {
    if (instants.size >= 100) instants.clear();
    byTime = new Map();
    instants.set(timeZone, byTime);
  }
  let byDate = byTime.get(time);
  if (!byDate) {
    if (byTime.size >= 100) byTime.clear();
    byDate = new Map();
    byTime.set(time, byDate);
  }
  let ms = byDate.get(isoDate);
  if (ms === undefined) {
    const asUtc = Date.parse(`${isoDate}T${time}:00Z`);
    const first = asUtc - zoneOffsetMs(new Date(asUtc), timeZone);
    ms = asUtc - zoneOffsetMs(new Date(first), timeZone);
    if (byDate.size >= 5000) byDate.clear();
    byDate.set(isoDate, ms);
  }
  return new Date(ms);
}

const instants = new Map<string, Map<string, Map<string, number>>>();

/** The month (YYYY-MM) a number of months away from another. */
export function addMonths(yearMonth: string, months: number): string {
  const [year, month] = yearMonth.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(year, month - 1 + months, 1));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}`;
}

/** The wall-clock time (HH:MM) of an instant in a time zone. */
export function clockTimeInZone(instant: Date, timeZone: string): string {
  return remembered('time', instant, timeZone, () => convertClockTime(instant, timeZone));
}

function convertClockTime(instant: Date, timeZone: string): string {
  return formatter(
    `time ${timeZone}`,
    () =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
  ).format(instant);
}
