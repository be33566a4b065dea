import { describe, expect, it } from 'vitest';
import { formatTimeZone, timeZoneCity, timeZoneName } from '../../../src/i18n/time-zone.ts';

describe('timeZoneCity', () => {
  it('spells the agency’s city as each language does', () => {
    expect(timeZoneCity('America/Sao_Paulo', 'pt-BR')).toBe('São Paulo');
    expect(timeZoneCity('America/Sao_Paulo', 'en')).toBe('São Paulo');
    expect(timeZoneCity('America/Sao_Paulo', 'ru')).toBe('Сан-Паулу');
  });

  it('reads any other zone from its last segment, underscores as spaces', () => {
    expect(timeZoneCity('America/New_York', 'pt-BR')).toBe('New York');
    expect(timeZoneCity('America/Argentina/Buenos_Aires', 'en')).toBe('Buenos Aires');
    expect(timeZoneCity('UTC', 'ru')).toBe('UTC');
  });
});

describe('timeZoneName', () => {
  it('names the zone in the reader’s language, from Intl', () => {
    expect(timeZoneName('America/Sao_Paulo', 'pt-BR')).toMatch(/Brasília/);
    expect(timeZoneName('America/Sao_Paulo', 'en')).toMatch(/Brasilia/);
    expect(timeZoneName('America/Sao_Paulo', 'ru')).toMatch(/Бразилия/);
  });
});

describe('formatTimeZone', () => {
  it('never shows the IANA identifier', () => {
    for (const locale of ['pt-BR', 'en', 'ru'] as const) {
      const shown = formatTimeZone('America/Sao_Paulo', locale);
      expect(shown).not.toContain('America/');
      expect(shown).not.toContain('_');
    }
    expect(formatTimeZone('America/Sao_Paulo', 'pt-BR')).toBe(
      'São Paulo (Horário Padrão de Brasília)',
    );
  });
});
