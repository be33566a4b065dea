import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeEaster, isHoliday, listHolidays, policy } from '../../../src/policy/index.ts';

const calendar = policy.holidays;
const dates = (year: number) => listHolidays(year, calendar).map((h) => h.date);

describe('computeEaster', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2030, '2030-04-21'],
    [2038, '2038-04-25'],
  ])('Easter %i is %s', (year, easter) => {
    expect(computeEaster(year)).toBe(easter);
  });

  it('is always a Sunday between 22 March and 25 April (1900–2200)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), (year) => {
        const easter = computeEaster(year);
        expect(new Date(`${easter}T00:00:00Z`).getUTCDay()).toBe(0);
        expect(easter.slice(5) >= '03-22' && easter.slice(5) <= '04-25').toBe(true);
      }),
    );
  });
});

describe('listHolidays (Brazil, agency calendar)', () => {
  it('has Carnival Monday and Tuesday and Good Friday, moving with Easter', () => {
    expect(dates(2025)).toEqual(expect.arrayContaining(['2025-03-03', '2025-03-04', '2025-04-18']));
    expect(dates(2026)).toEqual(expect.arrayContaining(['2026-02-16', '2026-02-17', '2026-04-03']));
    expect(dates(2027)).toEqual(expect.arrayContaining(['2027-02-08', '2027-02-09', '2027-03-26']));
  });

  it('has Corpus Christi sixty days after Easter', () => {
    expect(dates(2026)).toContain('2026-06-04');
  });

  it('has the fixed national holidays', () => {
    expect(dates(2026)).toEqual(
      expect.arrayContaining([
        '2026-01-01',
        '2026-04-21',
        '2026-05-01',
        '2026-09-07',
        '2026-10-12',
        '2026-11-02',
        '2026-11-15',
        '2026-12-25',
      ]),
    );
  });

  it('counts Black Awareness Day (20 November) only from 2024, when it became national', () => {
    expect(dates(2023)).not.toContain('2023-11-20');
    expect(dates(2024)).toContain('2024-11-20');
  });

  it("adds the agency's own dates and leaves out the flags it turns off", () => {
    expect(dates(2026)).toEqual(expect.arrayContaining(['2026-12-24', '2026-12-31']));
    const noCarnival = { ...calendar, includeCarnival: false, includeCorpusChristi: false };
    expect(listHolidays(2026, noCarnival).map((h) => h.date)).not.toEqual(
      expect.arrayContaining(['2026-02-16']),
    );
    expect(isHoliday('2026-06-04', noCarnival)).toBe(false);
    const oneOff = {
      ...calendar,
      agencyOneOff: [{ date: '2026-07-10', name: { 'pt-BR': 'Recesso', en: 'Break' } }],
    };
    expect(isHoliday('2026-07-10', oneOff)).toBe(true);
    expect(isHoliday('2027-07-10', oneOff)).toBe(false);
  });

  it('is sorted and has no repeated date', () => {
    const list = dates(2026);
    expect([...list].sort()).toEqual(list);
    expect(new Set(list).size).toBe(list.length);
  });

  it('tells a working day from a holiday', () => {
    expect(isHoliday('2026-04-03', calendar)).toBe(true);
    expect(isHoliday('2026-04-06', calendar)).toBe(false);
  });
});
