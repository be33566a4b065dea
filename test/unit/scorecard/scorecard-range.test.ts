import { describe, expect, it } from 'vitest';
import { addDaysToIsoDate, policy, zonedTimeToInstant } from '../../../src/policy/index.ts';
import { monthsOf, scorecardBounds } from '../../../src/server/scorecard/scorecard-range.ts';

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
