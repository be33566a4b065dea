import { describe, expect, it } from 'vitest';
import {
  addDaysToIsoDate,
  addMonths,
  isBusinessDay,
  type Policy,
  policy,
  zonedTimeToInstant,
} from '../../../src/policy/index.ts';
import { contactDueAt } from '../../../src/server/deadlines/deadline-rules.ts';
import {
  contactReachDays,
  monthsOf,
  scorecardBounds,
} from '../../../src/server/scorecard/scorecard-range.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const d = policy.newClientDeadlines;
const at = (day: string, time = '00:00') => zonedTimeToInstant(day, time, policy.agency.timeZone);

describe('the bounds of what a range of months can count', () => {
  const bounds = scorecardBounds({ from: '2026-03', to: '2026-03' }, policy);
  const start = at('2026-03-01').getTime();

  it('lists the months of a range across a year, oldest first', () => {
    expect(monthsOf({ from: '2025-11', to: '2026-02' })).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(monthsOf({ from: '2026-03', to: '2026-03' })).toEqual(['2026-03']);
  });

  it('spans the range in agency time, the days as calendar days', () => {
    expect(bounds).toMatchObject({
      start,
      end: at('2026-04-01').getTime(),
      firstDay: '2026-03-01',
      dayAfter: '2026-04-01',
    });
  });

  it('reaches back to the milestones whose deadline falls due at the range’s first instant', () => {
    const launchStarted = start - d.launchWithinHours * HOUR;
    const checkInStarted = start - d.checkInDaysAfterLaunch * DAY;
    // A client's first days ending on the 1st began earlyWithinDays − 1 days before.
    const firstDaysBegan = at(addDaysToIsoDate('2026-03-01', 1 - policy.refunds.earlyWithinDays));
    for (const milestone of [launchStarted, checkInStarted, firstDaysBegan.getTime()]) {
      expect(bounds.milestonesFrom).toBeLessThanOrEqual(milestone);
    }
    expect(bounds.serviceStartsFrom <= addDaysToIsoDate('2026-03-01', -9)).toBe(true);
    expect(bounds.changesFrom).toBeLessThanOrEqual(
      start - policy.changeTurnaround.postHours * HOUR,
    );
  });

  it('takes the service ends whose loss by date or renewal deadline falls in the range', () => {
    // Lost on 1 March: ended lostDaysAfterEndUnpaid days before.
    const lostOnFirst = addDaysToIsoDate('2026-03-01', -d.lostDaysAfterEndUnpaid);
    // The renewal contact on 31 March: the service ends renewalContactDaysBeforeEnd days after.
    const renewalOnLast = addDaysToIsoDate('2026-03-31', d.renewalContactDaysBeforeEnd);
    for (const endsOn of [lostOnFirst, renewalOnLast]) {
      expect(endsOn >= bounds.serviceEndsFrom && endsOn < bounds.serviceEndsTo).toBe(true);
    }
  });
});

describe('the reach of a first contact due in a range', () => {
  // Paid after hours on the last business day before the month: due in the month.
  function lastPaidBefore(month: string, rules: Policy) {
    let day = addDaysToIsoDate(`${month}-01`, -1);
    while (!isBusinessDay(day, rules.holidays)) day = addDaysToIsoDate(day, -1);
    return zonedTimeToInstant(day, '21:00', rules.agency.timeZone);
  }

  it('reaches every month’s contact paid before the policy’s runs of days off (2026–2027)', () => {
    for (let month = '2026-01'; month <= '2027-12'; month = addMonths(month, 1)) {
      const paid = lastPaidBefore(month, policy);
      const bounds = scorecardBounds({ from: month, to: month }, policy);
      expect(contactDueAt(paid, policy).getTime(), month).toBeGreaterThanOrEqual(bounds.start);
      expect(bounds.milestonesFrom, month).toBeLessThanOrEqual(paid.getTime());
    }
  });

  it('walks back over a two-week year-end recess, past a week', () => {
    const recess = Array.from({ length: 14 }, (_, i) => ({
      date: addDaysToIsoDate('2026-12-21', i),
      name: { 'pt-BR': 'Recesso', en: 'Recess' },
    }));
    const rules = { ...policy, holidays: { ...policy.holidays, agencyOneOff: recess } };
    // The last business day before is Friday 18 December: 14 days before 1 January.
    expect(contactReachDays('2027-01-01', rules.holidays)).toBe(14);
    const paid = lastPaidBefore('2027-01', rules);
    const bounds = scorecardBounds({ from: '2027-01', to: '2027-01' }, rules);
    expect(contactDueAt(paid, rules).getTime()).toBeGreaterThanOrEqual(bounds.start);
    expect(bounds.milestonesFrom).toBeLessThanOrEqual(paid.getTime());
  });

  it('reaches one day back when the day before the month is a business day', () => {
    // Tuesday 31 March 2026 is a business day.
    expect(contactReachDays('2026-04-01', policy.holidays)).toBe(1);
  });
});
