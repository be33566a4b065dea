// The i18n module: catalogs, locale resolution, translation and formatting. Pure: no framework.
export { formatAmount, type TimeUnit } from './amounts.ts';
export {
  currencySymbol,
  formatCalendarDate,
  formatDate,
  formatDateTime,
  formatMoney,
  formatMonth,
  formatNumber,
  pluralCategory,
  toNoonUtc,
} from './format.ts';
export {
  DEFAULT_LOCALE,
  isLocale,
  LOCALES,
  type Locale,
  localeOf,
  matchLocale,
  resolveLocale,
} from './locales.ts';
export type { MessageKey, Messages } from './messages/catalog.ts';
export {
  CATALOGS,
  createTranslator,
  type MessageParams,
  type Translator,
  translate,
} from './translate.ts';
export { localizeIssues } from './zod-messages.ts';
