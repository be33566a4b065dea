import type { Locale } from './locales.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

// Built once per locale: formatters are costly and a page shows many relative times.
const formatters = new Map<Locale, { numeric: Intl.RelativeTimeFormat; now: string }>();

function formatterFor(locale: Locale) {
  let found = formatters.get(locale);
  if (!found) {
    found = {
      numeric: new Intl.RelativeTimeFormat(locale, { style: 'short', numeric: 'always' }),
      // "agora", "now", "сейчас": numeric 'auto' words a zero; every other amount stays a
      // number ("há 2 dias", not "anteontem"), which reads the same in a list of deadlines.
      now: new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(0, 'second'),
    };
    formatters.set(locale, found);
  }
  return found;
}

/**
 * How far `target` is from `now`, in the largest unit that keeps a whole number under the
 * next one: "em 3 h", "há 2 dias", "in 45 min.", "через 3 ч". Amounts are rounded, so 59 min
 * 40 s reads "em 1 h", not "em 60 min."; under half a minute reads "agora". Months are 30
 * days and years 365: the exact time is always shown beside it.
 */
export function formatRelativeTime(target: Date, now: Date, locale: Locale): string {
  const { numeric, now: nowWord } = formatterFor(locale);
  const diff = target.getTime() - now.getTime();
  const sign = diff < 0 ? -1 : 1;
  const size = Math.abs(diff);
  const minutes = Math.round(size / MINUTE_MS);
  if (minutes === 0) return nowWord;
  if (minutes < 60) return numeric.format(sign * minutes, 'minute');
  const hours = Math.round(size / HOUR_MS);
  if (hours < 24) return numeric.format(sign * hours, 'hour');
  const days = Math.round(size / DAY_MS);
  if (days < 30) return numeric.format(sign * days, 'day');
  const months = Math.round(size / (30 * DAY_MS));
  if (months < 12) return numeric.format(sign * months, 'month');
  return numeric.format(sign * Math.max(1, Math.round(size / (365 * DAY_MS))), 'year');
}
