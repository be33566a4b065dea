import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agencyPolicy } from '../../../src/policy/agency-policy.ts';
import {
  addDaysToIsoDate,
  invoiceWindowAt,
  invoiceWindowOf,
  isBusinessDay,
  isHoliday,
  lastBusinessDayOfMonth,
  listInvoiceWindows,
  parsePolicy,
  policy,
  zonedTimeToInstant,
} from '../../../src/policy/index.ts';

const calendar = policy.holidays;

describe('calendar days', () => {
  it('adds days across months, years and a leap day, backwards too', () => {
    expect(addDaysToIsoDate('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDaysToIsoDate('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDaysToIsoDate('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDaysToIsoDate('2027-03-01', -1)).toBe('2027-02-28');
    expect(addDaysToIsoDate('2026-03-10', 0)).toBe('2026-03-10');
    expect(addDaysToIsoDate('2026-01-01', -366)).toBe('2024-12-31');
  });

  it('agrees with the ISO string arithmetic on any day and any step', () => {
    const byString = (day: string, days: number) => {
      const date = new Date(`${day}T00:00:00Z`);
      date.setUTCDate(date.getUTCDate() + days);
      return date.toISOString().slice(0, 10);
    };
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }),
        // Short steps half the time: most stay inside the month, a path of their own.
        fc.oneof(fc.integer({ min: -40, max: 40 }), fc.integer({ min: -800, max: 800 })),
        (at, days) => {
          const day = at.toISOString().slice(0, 10);
          expect(addDaysToIsoDate(day, days)).toBe(byString(day, days));
        },
      ),
    );
  });
});

describe('business days', () => {
  it('skips weekends and the holidays of the agency calendar', () => {
    expect(isBusinessDay('2026-11-23', calendar)).toBe(true); // Monday
    expect(isBusinessDay('2026-11-21', calendar)).toBe(false); // Saturday
    expect(isBusinessDay('2026-11-20', calendar)).toBe(false); // Black Awareness Day
    expect(isBusinessDay('2026-12-31', calendar)).toBe(false); // the agency's own
  });

  it('knows the weekday of any date as the calendar does', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }),
        (at) => {
          const day = at.toISOString().slice(0, 10);
          const weekend = [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
          expect(isBusinessDay(day, calendar)).toBe(!weekend && !isHoliday(day, calendar));
        },
      ),
    );
  });

  it.each([
    ['2026-12', '2026-12-30'], // 31st is the agency's New Year's Eve
    ['2026-10', '2026-10-30'], // 31st is a Saturday
    ['2027-01', '2027-01-29'], // 30th and 31st are the weekend
    ['2026-04', '2026-04-30'],
    ['2026-02', '2026-02-27'],
  ])('the last business day of %s is %s', (month, expected) => {
    const [year, m] = month.split('-').map(Number) as [number, number];
    expect(lastBusinessDayOfMonth(year, m, calendar)).toBe(expected);
  });

  it('is a business day of the month with no business day after it (1990–2100)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        (year, month) => {
          const day = lastBusinessDayOfMonth(year, month, calendar);
          const yearMonth = `${year}-${String(month).padStart(2, '0')}`;
          expect(isBusinessDay(day, calendar)).toBe(true);
          expect(day.slice(0, 7)).toBe(yearMonth);
          for (
            let later = addDaysToIsoDate(day, 1);
            later.startsWith(yearMonth);
            later = addDaysToIsoDate(later, 1)
          ) {
            expect(isBusinessDay(later, calendar)).toBe(false);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it.each([
    ['2025-03-04', '2025-04-18'], // Carnival Tuesday, Good Friday
    ['2026-02-17', '2026-04-03'],
    ['2027-02-09', '2027-03-26'],
    ['2030-03-05', '2030-04-19'],
  ])('Carnival (%s) and Good Friday (%s) are not business days', (carnival, goodFriday) => {
    expect(isBusinessDay(carnival, calendar)).toBe(false);
    expect(isBusinessDay(goodFriday, calendar)).toBe(false);
  });
});

describe('invoice windows in the agency time zone (America/Sao_Paulo, UTC−3)', () => {
  const december = invoiceWindowOf('2026-12', policy);

  it('opens at local midnight of the first day and closes at the end of the last', () => {
    expect(december).toMatchObject({
      competenceMonth: '2026-11',
      opensOn: '2026-12-01',
      closesOn: '2026-12-05',
      paymentDate: '2026-12-30',
    });
    expect(december.opensAt.toISOString()).toBe('2026-12-01T03:00:00.000Z');
    expect(december.closesAt.toISOString()).toBe('2026-12-06T03:00:00.000Z');
  });

  it('is closed a millisecond before it opens and at the instant it closes', () => {
    expect(invoiceWindowAt(new Date('2026-12-01T02:59:59.999Z'), policy).open).toBe(false);
    expect(invoiceWindowAt(new Date('2026-12-01T03:00:00.000Z'), policy).open).toBe(true);
    expect(invoiceWindowAt(new Date('2026-12-06T02:59:59.999Z'), policy).open).toBe(true);
    const after = invoiceWindowAt(new Date('2026-12-06T03:00:00.000Z'), policy);
    expect(after.open).toBe(false);
    expect(after.window.month).toBe('2027-01');
  });

  it('has a window in every month, February included: the policy keeps its days within 1–28', () => {
    const beyond = { ...agencyPolicy, invoices: { ...agencyPolicy.invoices, windowClosesDay: 31 } };
    expect(() => parsePolicy(beyond)).toThrow(/windowClosesDay/);
    for (const month of ['2027-02', '2028-02', '2027-04', '2027-01']) {
      expect(invoiceWindowOf(month, policy).closesOn).toBe(`${month}-05`);
    }
  });

  it('crosses the year: the January window is for December', () => {
    expect(invoiceWindowOf('2027-01', policy).competenceMonth).toBe('2026-12');
  });

  it('lists the next windows from any instant, the current one first', () => {
    const windows = listInvoiceWindows(new Date('2026-11-22T12:00:00Z'), 12, policy);
    expect(windows.map((w) => w.month)).toEqual([
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
      '2027-05',
      '2027-06',
      '2027-07',
      '2027-08',
      '2027-09',
      '2027-10',
      '2027-11',
    ]);
    expect(listInvoiceWindows(new Date('2026-12-03T12:00:00Z'), 1, policy)[0]?.month).toBe(
      '2026-12',
    );
  });

  it('follows the policy: a close on a weekend moves to the next business day when asked', () => {
    const extended = parsePolicy({
      ...agencyPolicy,
      invoices: {
        ...agencyPolicy.invoices,
        windowClosesDay: 6,
        extendCloseToNextBusinessDay: true,
      },
    });
    // 6 March 2027 is a Saturday.
    expect(invoiceWindowOf('2027-03', extended).closesOn).toBe('2027-03-08');
    expect(invoiceWindowOf('2027-03', policy).closesOn).toBe('2027-03-05');
  });

  it('turns a local wall-clock time into the right instant', () => {
    expect(zonedTimeToInstant('2026-06-15', '10:30', 'America/Sao_Paulo').toISOString()).toBe(
      '2026-06-15T13:30:00.000Z',
    );
    expect(zonedTimeToInstant('2026-06-15', '10:30', 'Europe/Lisbon').toISOString()).toBe(
      '2026-06-15T09:30:00.000Z',
    );
  });
});
