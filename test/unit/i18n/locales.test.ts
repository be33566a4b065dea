import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLocale, resolveLocale } from '../../../src/i18n/index.ts';

describe('resolveLocale', () => {
  it('prefers the saved choice when it is supported', () => {
    expect(resolveLocale({ preference: 'ru', acceptLanguage: 'en' })).toBe('ru');
    expect(resolveLocale({ preference: 'fr', acceptLanguage: 'en' })).toBe('en');
  });

  it.each([
    ['pt-BR,pt;q=0.9,en;q=0.8', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['pt-br', 'pt-BR'],
    ['en-US,en;q=0.9', 'en'],
    ['ru-RU,ru;q=0.9,en;q=0.5', 'ru'],
    ['fr-FR,en;q=0.5,ru;q=0.8', 'ru'],
    ['de, *;q=0.1', 'pt-BR'],
    ['en;q=0, ru', 'ru'],
    ['', 'pt-BR'],
  ])('reads Accept-Language %j as %s', (header, expected) => {
    expect(resolveLocale({ acceptLanguage: header })).toBe(expected);
  });

  it('falls back to pt-BR without any hint', () => {
    expect(resolveLocale({})).toBe('pt-BR');
  });

  it('never throws and always answers a supported locale, whatever the headers say', () => {
    fc.assert(
      fc.property(
        fc.option(fc.string()),
        fc.option(fc.string({ maxLength: 2000 })),
        (preference, acceptLanguage) => {
          expect(isLocale(resolveLocale({ preference, acceptLanguage }))).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
