import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from '../../../src/i18n/relative-time.ts';

const NOW = new Date('2026-03-10T15:00:00Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('formatRelativeTime', () => {
  it('says a time ahead and a time past in each language', () => {
    expect(formatRelativeTime(at(3 * HOUR), NOW, 'pt-BR')).toBe('em 3 h');
    expect(formatRelativeTime(at(-2 * DAY), NOW, 'pt-BR')).toBe('há 2 dias');
    expect(formatRelativeTime(at(3 * HOUR), NOW, 'en')).toBe('in 3 hr.');
    expect(formatRelativeTime(at(-2 * DAY), NOW, 'en')).toBe('2 days ago');
    expect(formatRelativeTime(at(3 * HOUR), NOW, 'ru')).toBe('через 3 ч');
    expect(formatRelativeTime(at(-2 * DAY), NOW, 'ru')).toBe('2 дн. назад');
  });

  it('keeps a number for one day, not "amanhã" or "ontem"', () => {
    expect(formatRelativeTime(at(DAY), NOW, 'pt-BR')).toBe('em 1 dia');
    expect(formatRelativeTime(at(-DAY), NOW, 'en')).toBe('1 day ago');
  });

  it('says "now" under half a minute either side', () => {
    expect(formatRelativeTime(NOW, NOW, 'pt-BR')).toBe('agora');
    expect(formatRelativeTime(at(29 * SECOND), NOW, 'en')).toBe('now');
    expect(formatRelativeTime(at(-29 * SECOND), NOW, 'ru')).toBe('сейчас');
    expect(formatRelativeTime(at(30 * SECOND), NOW, 'pt-BR')).toBe('em 1 min.');
  });

  it('moves to the next unit where a rounded amount would reach it', () => {
    expect(formatRelativeTime(at(59 * MINUTE + 29 * SECOND), NOW, 'pt-BR')).toBe('em 59 min.');
    expect(formatRelativeTime(at(59 * MINUTE + 30 * SECOND), NOW, 'pt-BR')).toBe('em 1 h');
    expect(formatRelativeTime(at(-(23 * HOUR + 29 * MINUTE)), NOW, 'en')).toBe('23 hr. ago');
    expect(formatRelativeTime(at(-(23 * HOUR + 30 * MINUTE)), NOW, 'en')).toBe('1 day ago');
    expect(formatRelativeTime(at(29 * DAY + 11 * HOUR), NOW, 'en')).toBe('in 29 days');
    expect(formatRelativeTime(at(29 * DAY + 12 * HOUR), NOW, 'en')).toBe('in 1 mo.');
    expect(formatRelativeTime(at(-400 * DAY), NOW, 'pt-BR')).toBe('há 1 ano');
  });

  it('uses each language’s plural forms', () => {
    expect(formatRelativeTime(at(-5 * DAY), NOW, 'ru')).toBe('5 дн. назад');
    expect(formatRelativeTime(at(2 * HOUR), NOW, 'ru')).toBe('через 2 ч');
    expect(formatRelativeTime(at(-21 * MINUTE), NOW, 'ru')).toBe('21 мин. назад');
    expect(formatRelativeTime(at(1 * HOUR), NOW, 'en')).toBe('in 1 hr.');
  });
});
