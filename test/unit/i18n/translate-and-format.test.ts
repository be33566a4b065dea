import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createTranslator,
  formatCalendarDate,
  formatDate,
  formatDateTime,
  formatMoney,
  formatMonth,
  formatNumber,
  localeOf,
  localizeIssues,
  pluralCategory,
  toNoonUtc,
  translate,
} from '../../../src/i18n/index.ts';

// Intl separates some parts with (narrow) no-break spaces; compare with plain ones.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate('en', 'errors.rateLimited', { minutes: 15 })).toBe(
      'Too many attempts. Please try again in 15 minutes.',
    );
    expect(createTranslator('pt-BR')('errors.internal', { requestId: 'abc' })).toContain('abc');
  });

  it('leaves a missing placeholder visible instead of failing', () => {
    expect(translate('ru', 'errors.rateLimited')).toContain('{minutes}');
  });
});

describe('formatters (agency time zone passed in)', () => {
  const zone = 'America/Sao_Paulo';
  it('shows an instant in the agency time zone, not UTC', () => {
    const instant = new Date('2026-01-01T02:30:00Z');
    expect(plain(formatDateTime(instant, 'pt-BR', zone))).toBe('31/12/2025, 23:30');
    expect(formatDate(instant, 'pt-BR', zone)).toBe('31/12/2025');
    expect(plain(formatDateTime(instant, 'en', zone))).toBe('12/31/25, 11:30 PM');
  });

  it('formats integer minor units as money', () => {
    expect(plain(formatMoney(12345, 'BRL', 'pt-BR'))).toBe('R$ 123,45');
    expect(formatMoney(12345, 'BRL', 'en')).toBe('R$123.45');
    expect(plain(formatMoney(150, 'RUB', 'ru'))).toBe('1,50 ₽');
  });

  it('formats numbers with the locale separators', () => {
    expect(formatNumber(1234567.5, 'pt-BR')).toBe('1.234.567,5');
    expect(formatNumber(1234567.5, 'en')).toBe('1,234,567.5');
  });
});

describe('calendar days and months (kept as text, no time zone)', () => {
  it('shows a stored day as that day, whatever the zone of the machine or the agency', () => {
    expect(formatCalendarDate('2026-03-01', 'pt-BR')).toBe('01/03/2026');
    expect(formatCalendarDate('2026-03-01', 'en')).toBe('3/1/26');
    expect(formatCalendarDate('2026-12-31', 'ru')).toBe('31.12.2026');
    // Noon UTC is still the same day from UTC−11 to UTC+11.
    for (const zone of ['Pacific/Pago_Pago', 'America/Sao_Paulo', 'Asia/Tokyo', 'Pacific/Noumea'])
      expect(formatDate(toNoonUtc('2026-03-01'), 'pt-BR', zone)).toBe('01/03/2026');
  });

  it('names a competence month in words', () => {
    expect(formatMonth('2026-03', 'pt-BR')).toBe('março de 2026');
    expect(formatMonth('2026-03', 'en')).toBe('March 2026');
    expect(formatMonth('2025-12', 'ru')).toBe('декабрь 2025 г.');
  });

  it('gives the plural form of each language, not just "1 or not"', () => {
    expect(pluralCategory(1, 'en')).toBe('one');
    expect(pluralCategory(2, 'en')).toBe('other');
    expect(pluralCategory(2, 'ru')).toBe('few');
    expect(pluralCategory(5, 'ru')).toBe('many');
    expect(pluralCategory(21, 'ru')).toBe('one');
    expect(pluralCategory(1, 'pt-BR')).toBe('one');
    expect(pluralCategory(3, 'pt-BR')).toBe('other');
  });

  it('falls back to pt-BR for a stored language Ponte does not speak', () => {
    expect(localeOf('ru')).toBe('ru');
    expect(localeOf('fr')).toBe('pt-BR');
    expect(localeOf(null)).toBe('pt-BR');
  });
});

describe('localizeIssues', () => {
  const schema = z.object({
    email: z.email(),
    name: z.string().min(3).max(10),
    amount: z.number().min(1),
    role: z.enum(['cs', 'design']),
    nested: z.object({ note: z.string().max(2) }),
    custom: z.string().refine(() => false, { params: { messageKey: 'errors.notFound' } }),
  });
  const issues = (input: unknown) => {
    const result = schema.safeParse(input, { reportInput: true });
    if (result.success) throw new Error('expected a failure');
    return result.error.issues;
  };

  it('gives one message per field, in the reader’s language', () => {
    const input = {
      email: 'x',
      name: 'ab',
      amount: 0,
      role: 'boss',
      nested: { note: 'long' },
      custom: 'a',
    };
    expect(localizeIssues(issues(input), 'en')).toEqual({
      email: 'Enter a valid e-mail address, like name@company.com.',
      name: 'Use at least 3 characters.',
      amount: 'The minimum is 1.',
      role: 'Choose one of the options.',
      'nested.note': 'Use at most 2 characters.',
      custom: 'We could not find what you were looking for.',
    });
    expect(localizeIssues(issues(input), 'pt-BR').name).toBe('Use pelo menos 3 caracteres.');
    expect(localizeIssues(issues(input), 'ru').role).toBe('Выберите один из вариантов.');
  });

  it('says a missing field is required, whatever its type', () => {
    const fields = localizeIssues(issues({}), 'pt-BR');
    for (const key of ['email', 'name', 'amount', 'role', 'nested', 'custom']) {
      expect(fields[key]).toBe('Preencha este campo.');
    }
  });
});
