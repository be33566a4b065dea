import { describe, expect, it } from 'vitest';
import { agencyPolicy } from '../../../src/policy/agency-policy.ts';
import { parsePolicy, policy } from '../../../src/policy/index.ts';
import {
  nthBusinessDayOf,
  owesReport,
  reportDueAt,
  reportMonthAt,
  reportNoticeAt,
  reportReminderAt,
} from '../../../src/server/timeline/report-deadline-rules.ts';

// Agency time is UTC−3: 20:00 in São Paulo is 23:00 UTC.
const sp = (isoLocal: string) => new Date(`${isoLocal}-03:00`);
const justBefore = (instant: Date) => new Date(instant.getTime() - 1);
const rulesDueOn = (dueOnBusinessDay: number, remindOnBusinessDay = 1) => ({
  ...policy,
  timeline: { ...policy.timeline, monthlyReport: { dueOnBusinessDay, remindOnBusinessDay } },
});

describe('the business day of a month', () => {
  it('counts from the 1st when it is a business day', () => {
    // June 2026 starts on a Monday.
    expect(nthBusinessDayOf('2026-06', 1, policy.holidays)).toBe('2026-06-01');
    expect(nthBusinessDayOf('2026-06', 3, policy.holidays)).toBe('2026-06-03');
  });

  it('a month starting on a weekend counts from the Monday', () => {
    // March 2026 starts on a Sunday, August 2026 on a Saturday.
    expect(nthBusinessDayOf('2026-03', 1, policy.holidays)).toBe('2026-03-02');
    expect(nthBusinessDayOf('2026-03', 5, policy.holidays)).toBe('2026-03-06');
    expect(nthBusinessDayOf('2026-08', 5, policy.holidays)).toBe('2026-08-07');
  });

  it('skips holidays: New Year, Labour Day, Good Friday', () => {
    // 1 January 2026 is a Thursday and a holiday: the 2nd is the first business day.
    expect(nthBusinessDayOf('2026-01', 1, policy.holidays)).toBe('2026-01-02');
    expect(nthBusinessDayOf('2026-01', 5, policy.holidays)).toBe('2026-01-08');
    // 1 May 2026 is a Friday and a holiday, then a weekend.
    expect(nthBusinessDayOf('2026-05', 1, policy.holidays)).toBe('2026-05-04');
    // 3 April 2026 is Good Friday: the 3rd business day is Monday the 6th.
    expect(nthBusinessDayOf('2026-04', 3, policy.holidays)).toBe('2026-04-06');
    // 4 June 2026 is Corpus Christi: the 4th business day is Friday the 5th.
    expect(nthBusinessDayOf('2026-06', 4, policy.holidays)).toBe('2026-06-05');
  });
});

describe('the monthly report deadline', () => {
  it('the report of a month is due at closing time of the policy’s business day of the next', () => {
    expect(policy.timeline.monthlyReport.dueOnBusinessDay).toBe(5);
    // May's report: June 2026 loses Thursday the 4th to Corpus Christi.
    expect(reportDueAt('2026-05', policy)).toEqual(sp('2026-06-08T20:00:00'));
    // December's report crosses the year and New Year's Day.
    expect(reportDueAt('2025-12', policy)).toEqual(sp('2026-01-08T20:00:00'));
    // March's report skips Good Friday.
    expect(reportDueAt('2026-03', policy)).toEqual(sp('2026-04-08T20:00:00'));
    // February's report: March starts on a Sunday.
    expect(reportDueAt('2026-02', policy)).toEqual(sp('2026-03-06T20:00:00'));
  });

  it('the day follows the policy: the 1st business day', () => {
    expect(reportDueAt('2026-04', rulesDueOn(1))).toEqual(sp('2026-05-04T20:00:00'));
  });

  it('reminds at opening of the reminder day, escalates from the due instant on', () => {
    const due = reportDueAt('2026-02', policy);
    const remind = reportReminderAt('2026-02', policy);
    expect(remind).toEqual(sp('2026-03-04T10:00:00'));
    expect(reportNoticeAt('2026-02', justBefore(remind), policy)).toBeNull();
    expect(reportNoticeAt('2026-02', remind, policy)).toBe('reminder');
    expect(reportNoticeAt('2026-02', justBefore(due), policy)).toBe('reminder');
    expect(reportNoticeAt('2026-02', due, policy)).toBe('escalation');
  });

  it('the month owed is the one before, in agency time', () => {
    // 00:30 UTC on 1 June is still 31 May in São Paulo: April is owed, not May.
    expect(reportMonthAt(new Date('2026-06-01T00:30:00Z'), policy.agency.timeZone)).toBe('2026-04');
    expect(reportMonthAt(sp('2026-06-01T00:00:00'), policy.agency.timeZone)).toBe('2026-05');
    expect(reportMonthAt(sp('2026-01-02T09:00:00'), policy.agency.timeZone)).toBe('2025-12');
  });
});

describe('which months a client owes a report of', () => {
  it('a service that covered the whole month owes it; without a start date, nothing', () => {
    expect(owesReport('2026-05', { serviceStartsOn: '2026-01-10', serviceEndsOn: null })).toBe(
      true,
    );
    expect(
      owesReport('2026-05', { serviceStartsOn: '2026-05-01', serviceEndsOn: '2026-05-31' }),
    ).toBe(true);
    expect(owesReport('2026-05', { serviceStartsOn: null, serviceEndsOn: null })).toBe(false);
  });

  it('a first month started after its 1st is not reported on its own', () => {
    expect(owesReport('2026-05', { serviceStartsOn: '2026-05-02', serviceEndsOn: null })).toBe(
      false,
    );
    expect(owesReport('2026-06', { serviceStartsOn: '2026-05-02', serviceEndsOn: null })).toBe(
      true,
    );
  });

  it('a service ended before the month’s last day owes no report of it', () => {
    expect(
      owesReport('2026-05', { serviceStartsOn: '2026-01-01', serviceEndsOn: '2026-05-30' }),
    ).toBe(false);
    expect(
      owesReport('2026-05', { serviceStartsOn: '2026-01-01', serviceEndsOn: '2026-04-30' }),
    ).toBe(false);
  });
});

describe('the policy of the monthly report', () => {
  const withReport = (monthlyReport: {
    dueOnBusinessDay: number;
    remindOnBusinessDay: number;
  }) => ({
    ...agencyPolicy,
    timeline: { ...agencyPolicy.timeline, monthlyReport },
  });

  it('refuses a reminder after the due day, and a due day past the 15th business day', () => {
    expect(() => parsePolicy(withReport({ dueOnBusinessDay: 3, remindOnBusinessDay: 4 }))).toThrow(
      /timeline\.monthlyReport\.remindOnBusinessDay/,
    );
    expect(() => parsePolicy(withReport({ dueOnBusinessDay: 16, remindOnBusinessDay: 1 }))).toThrow(
      /timeline\.monthlyReport\.dueOnBusinessDay/,
    );
    expect(() =>
      parsePolicy(withReport({ dueOnBusinessDay: 5, remindOnBusinessDay: 5 })),
    ).not.toThrow();
  });
});
