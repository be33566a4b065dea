import { type Locale, resolveLocale } from '../../i18n/index.ts';

/** Cookie that keeps the language a visitor chose, before and without an account. */
export const LOCALE_COOKIE = 'ponte_locale';

/** Reads one cookie's value from a Cookie header (no decoding: locale values are plain). */
export function readCookie(header: string | null, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}

/** The language of a request: the saved choice (cookie), then Accept-Language, then pt-BR. */
export function requestLocale(request: Request): Locale {
  return resolveLocale({
    preference: readCookie(request.headers.get('Cookie'), LOCALE_COOKIE),
    acceptLanguage: request.headers.get('Accept-Language'),
  });
}
