import type { Locale } from './locales.ts';

// Intl formatters are costly to build; one per distinct set of options is kept.
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, build: () => T): T {
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = build();
    cache.set(key, formatter);
  }
  return formatter;
}

/** Date and time as people in the agency read them, in the agency time zone. */
export function formatDateTime(date: Date, locale: Locale, timeZone: string): string {
  return cached(
    `dt|${locale}|${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone }),
  ).format(date);
}

/** A calendar date in the agency time zone. */
export function formatDate(date: Date, locale: Locale, timeZone: string): string {
  return cached(
    `d|${locale}|${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeZone }),
  ).format(date);
}

/** Money kept as integer minor units (cents), shown in the locale's currency format. */
export function formatMoney(minorUnits: number, currency: string, locale: Locale): string {
  const formatter = cached(
    `m|${locale}|${currency}`,
    () => new Intl.NumberFormat(locale, { style: 'currency', currency }),
  ) as Intl.NumberFormat;
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(minorUnits / 10 ** digits);
}

/** A currency's symbol as the locale writes it ("R$" for BRL in every locale here), for labels. */
export function currencySymbol(currency: string, locale: Locale): string {
  const formatter = cached(
    `m|${locale}|${currency}`,
    () => new Intl.NumberFormat(locale, { style: 'currency', currency }),
  ) as Intl.NumberFormat;
  return formatter.formatToParts(0).find((part) => part.type === 'currency')?.value ?? currency;
}

/** A plain number with the locale's separators. */
export function formatNumber(value: number, locale: Locale): string {
  return cached(`n|${locale}`, () => new Intl.NumberFormat(locale)).format(value);
}

/**
 * The instant at noon UTC of a calendar day (YYYY-MM-DD): the same day in every time zone from
 * UTC−11 to UTC+11, so a stored date never shows, or counts, as the day before.
 */
export function toNoonUtc(isoDate: string): Date {
  return new Date(`${isoDate}T12:00:00Z`);
}

/** A calendar day kept as YYYY-MM-DD (a due date, a payment date), as the locale writes it. */
export function formatCalendarDate(isoDate: string, locale: Locale): string {
  return formatDate(toNoonUtc(isoDate), locale, 'UTC');
}

/** A month kept as YYYY-MM (a competence month), in words: "março de 2026", "March 2026". */
export function formatMonth(yearMonth: string, locale: Locale): string {
  return cached(
    `mo|${locale}`,
    () => new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  ).format(toNoonUtc(`${yearMonth}-15`));
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

/** The plural form a count takes in a locale ("one", "few", "many", "other"…), per CLDR. */
export function pluralCategory(count: number, locale: Locale): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(count);
}
