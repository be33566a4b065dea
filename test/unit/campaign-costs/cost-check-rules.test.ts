import { describe, expect, it } from 'vitest';
import { agencyPolicy } from '../../../src/policy/agency-policy.ts';
import { parsePolicy, policy } from '../../../src/policy/index.ts';
import {
  checkNoticeDue,
  checkStateOf,
  dailyCheckAt,
  dailyCheckOn,
  daysWithoutFigures,
} from '../../../src/server/campaign-costs/cost-check-rules.ts';

// São Paulo is UTC-3 all year: 12:00 there is 15:00Z, 11:00 is 14:00Z.
const at = (iso: string) => new Date(iso);

describe('which figures a business day checks', () => {
  it('checks yesterday on a plain weekday, due at 12:00 with the reminder at 11:00', () => {
    const check = dailyCheckOn('2026-04-16', policy);
    expect(check?.figureDays).toEqual(['2026-04-15']);
    expect(check?.dueAt.toISOString()).toBe('2026-04-16T15:00:00.000Z');
    expect(check?.reminderAt.toISOString()).toBe('2026-04-16T14:00:00.000Z');
  });

  it('checks Friday, Saturday and Sunday on a Monday', () => {
    expect(dailyCheckOn('2026-04-20', policy)?.figureDays).toEqual([
      '2026-04-17',
      '2026-04-18',
      '2026-04-19',
    ]);
  });

  it('asks for nothing on a weekend or a holiday, and checks the holiday the day after', () => {
    expect(dailyCheckOn('2026-04-18', policy)).toBeNull();
    expect(dailyCheckOn('2026-04-19', policy)).toBeNull();
    // Tiradentes, a Tuesday.
    expect(dailyCheckOn('2026-04-21', policy)).toBeNull();
    expect(dailyCheckOn('2026-04-22', policy)?.figureDays).toEqual(['2026-04-20', '2026-04-21']);
  });

  it('takes the agency’s date, not UTC’s: 23:30 in São Paulo is still that day', () => {
    // 2026-04-16 23:30 in São Paulo is 2026-04-17 02:30Z.
    expect(dailyCheckAt(at('2026-04-17T02:30:00.000Z'), policy)?.checkDay).toBe('2026-04-16');
  });

  it('follows the policy’s due and reminder times', () => {
    const rules = {
      ...policy,
      businessHours: { ...policy.businessHours, dailyAnalyticsBy: '13:30' },
      campaignChecks: { ...policy.campaignChecks, reminderAt: '09:15' },
    };
    const check = dailyCheckOn('2026-04-16', rules);
    expect(check?.dueAt.toISOString()).toBe('2026-04-16T16:30:00.000Z');
    expect(check?.reminderAt.toISOString()).toBe('2026-04-16T12:15:00.000Z');
  });
});

describe('the policy of the daily check', () => {
  it('refuses a reminder at or after the due time', () => {
    const withReminderAt = (reminderAt: string) => () =>
      parsePolicy({
        ...agencyPolicy,
        campaignChecks: { ...agencyPolicy.campaignChecks, reminderAt },
      });
    expect(withReminderAt('11:59')).not.toThrow();
    expect(withReminderAt('12:00')).toThrow(/campaignChecks/);
  });
});

describe('where a check stands at noon', () => {
  const check = dailyCheckOn('2026-04-16', policy);
  if (!check) throw new Error('a business day');
  const unmet = { missingDays: ['2026-04-15'], unacknowledged: 0 };

  it('is open at 11:59:59.999 and overdue at 12:00 sharp', () => {
    expect(checkStateOf(check, unmet, at('2026-04-16T14:59:59.999Z'))).toBe('open');
    expect(checkStateOf(check, unmet, at('2026-04-16T15:00:00.000Z'))).toBe('overdue');
  });

  it('is met when every day is in and every breach acknowledged, even after noon', () => {
    const met = { missingDays: [], unacknowledged: 0 };
    expect(checkStateOf(check, met, at('2026-04-16T18:00:00.000Z'))).toBe('met');
    expect(
      checkStateOf(check, { missingDays: [], unacknowledged: 1 }, at('2026-04-16T15:00:00.000Z')),
    ).toBe('overdue');
  });

  it('reminds from 11:00, escalates from 12:00, and says nothing before 11:00 or once met', () => {
    const state = (now: Date) => checkStateOf(check, unmet, now);
    const notice = (iso: string) => checkNoticeDue(check, state(at(iso)), at(iso));
    expect(notice('2026-04-16T13:59:59.999Z')).toBeNull();
    expect(notice('2026-04-16T14:00:00.000Z')).toBe('reminder');
    expect(notice('2026-04-16T14:59:59.999Z')).toBe('reminder');
    expect(notice('2026-04-16T15:00:00.000Z')).toBe('escalation');
    expect(checkNoticeDue(check, 'met', at('2026-04-16T15:00:00.000Z'))).toBeNull();
  });
});

describe('which days have no figures', () => {
  it('finds the days no import covers, an import covering its first to last day', () => {
    const days = ['2026-04-17', '2026-04-18', '2026-04-19'];
    expect(daysWithoutFigures(days, [])).toEqual(days);
    expect(daysWithoutFigures(days, [{ firstDay: '2026-04-10', lastDay: '2026-04-17' }])).toEqual([
      '2026-04-18',
      '2026-04-19',
    ]);
    expect(
      daysWithoutFigures(days, [
        { firstDay: '2026-04-17', lastDay: '2026-04-17' },
        { firstDay: '2026-04-18', lastDay: '2026-04-19' },
      ]),
    ).toEqual([]);
  });
});
