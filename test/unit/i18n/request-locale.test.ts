import { describe, expect, it } from 'vitest';
import {
  LOCALE_COOKIE,
  readCookie,
  requestLocale,
} from '../../../src/server/i18n/request-locale.ts';

const request = (headers: Record<string, string>) =>
  new Request('https://ponte.example/', { headers });

describe('readCookie', () => {
  it('finds a cookie among others, and only by its exact name', () => {
    expect(readCookie('a=1; ponte_locale=en; b=2', 'ponte_locale')).toBe('en');
    expect(readCookie('xponte_locale=ru', 'ponte_locale')).toBeNull();
    expect(readCookie(null, 'ponte_locale')).toBeNull();
    expect(readCookie('token=a=b', 'token')).toBe('a=b');
  });
});

describe('requestLocale', () => {
  it('uses the saved choice before the browser languages', () => {
    expect(requestLocale(request({ Cookie: `${LOCALE_COOKIE}=ru`, 'Accept-Language': 'en' }))).toBe(
      'ru',
    );
  });
  it('ignores an unsupported saved value and falls back to Accept-Language, then pt-BR', () => {
    expect(
      requestLocale(request({ Cookie: `${LOCALE_COOKIE}=xx`, 'Accept-Language': 'en-GB' })),
    ).toBe('en');
    expect(requestLocale(request({}))).toBe('pt-BR');
  });
});
