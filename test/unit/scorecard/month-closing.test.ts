import { describe, expect, it } from 'vitest';
import { policy } from '../../../src/policy/index.ts';
import {
  countedClosing,
  isDueToClose,
  monthClosesAt,
} from '../../../src/server/scorecard/month-closing.ts';

const at = (iso: string) => new Date(iso);
const withDays = (monthClosesAfterDays: number) => ({
  ...policy,
  incentives: { ...policy.incentives, monthClosesAfterDays },
});

describe('when a scorecard month closes', () => {
  it('is the month’s end in the agency’s time zone plus the policy’s days, at 00:00', () => {
    expect(policy.incentives.monthClosesAfterDays).toBe(5);
    // São Paulo is UTC−3: the 6th of the next month at 00:00 is 03:00 UTC.
    expect(monthClosesAt('2026-03', policy)).toEqual(at('2026-04-06T03:00:00.000Z'));
    // December closes in the next year; February's end is the 1st of March whatever its days.
    expect(monthClosesAt('2026-12', policy)).toEqual(at('2027-01-06T03:00:00.000Z'));
    expect(monthClosesAt('2028-02', policy)).toEqual(at('2028-03-06T03:00:00.000Z'));
    // No days: the month closes as it ends.
    expect(monthClosesAt('2026-03', withDays(0))).toEqual(at('2026-04-01T03:00:00.000Z'));
  });

  it('is due to close from that instant, not a millisecond before', () => {
    const closes = monthClosesAt('2026-03', policy).getTime();
    expect(isDueToClose('2026-03', policy, new Date(closes - 1))).toBe(false);
    expect(isDueToClose('2026-03', policy, new Date(closes))).toBe(true);
  });

  it('says a counted month is so far, complete, or due from its closing instant', () => {
    const closesAt = monthClosesAt('2026-03', policy);
    const before = new Date(closesAt.getTime() - 1);
    expect(countedClosing('2026-03', false, policy, before)).toEqual({ kind: 'soFar', closesAt });
    expect(countedClosing('2026-03', true, policy, before)).toEqual({ kind: 'complete', closesAt });
    expect(countedClosing('2026-03', true, policy, closesAt)).toEqual({ kind: 'due', closesAt });
  });

  it('says an over month older than the months the job stores is counted today, at the edge', () => {
    // 10 September (agency time): the scorecard keeps April to September (6 months).
    const september = new Date('2026-09-10T15:00:00Z');
    expect(policy.incentives.scorecardMonths).toBe(6);
    expect(countedClosing('2026-04', true, policy, september).kind).toBe('due');
    expect(countedClosing('2026-03', true, policy, september)).toEqual({
      kind: 'unstored',
      closesAt: monthClosesAt('2026-03', policy),
    });
  });
});
