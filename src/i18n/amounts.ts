import { pluralCategory } from './format.ts';
import type { Locale } from './locales.ts';
import { translate } from './translate.ts';

/** The units a policy's durations are counted in. */
export type TimeUnit = 'days' | 'hours' | 'minutes';

/** A number of days, hours or minutes in words ("2 dias", "1 hour"), plural by Intl.PluralRules. */
export function formatAmount(n: number, unit: TimeUnit, locale: Locale): string {
  // The catalogs carry "one" and "other"; a language's other forms (Russian "few") read as "other".
  const form = pluralCategory(n, locale) === 'one' ? 'one' : 'other';
  return translate(locale, `handbook.units.${unit}.${form}`, { n });
}
