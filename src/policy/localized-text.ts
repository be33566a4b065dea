import type { Locale } from '../i18n/locales.ts';
import type { LocalizedText } from './schema.ts';

/** A policy text in a locale; Russian falls back to English where the policy has no Russian. */
export function pickText(text: LocalizedText, locale: Locale): string {
  if (locale === 'ru') return text.ru ?? text.en;
  return text[locale];
}
