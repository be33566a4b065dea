/** The UI languages, Brazilian Portuguese first (the default). */
export const LOCALES = ['pt-BR', 'en', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'pt-BR';

/** True when a string names one of Ponte's UI languages exactly. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** A stored language (a person's or a contact's) when Ponte speaks it, otherwise pt-BR. */
export function localeOf(value: unknown): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/** Maps a language tag (any case, any region) to a supported locale, or null. */
export function matchLocale(tag: string): Locale | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'pt') return 'pt-BR';
  if (primary === 'en') return 'en';
  if (primary === 'ru') return 'ru';
  return null;
}

/**
 * The language to answer in: the user's saved preference when supported, otherwise the
 * best Accept-Language match by q-value, otherwise pt-BR. Never throws on odd headers.
 */
export function resolveLocale(input: {
  preference?: string | null | undefined;
  acceptLanguage?: string | null | undefined;
}): Locale {
  if (input.preference && isLocale(input.preference)) return input.preference;
  const header = input.acceptLanguage ?? '';
  const ranked = header
    .slice(0, 1000)
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.split(';');
      const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      const quality = q === undefined ? 1 : Number(q);
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.tag !== '' && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const entry of ranked) {
    if (entry.tag === '*') return DEFAULT_LOCALE;
    const locale = matchLocale(entry.tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}
