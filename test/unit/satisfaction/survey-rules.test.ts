import { describe, expect, it } from 'vitest';
import { policy } from '../../../src/policy/index.ts';
import {
  isLowScore,
  mayAskAgain,
  parseScore,
  stayedLongEnough,
  surveyExpiresAt,
  surveyState,
  throttleSince,
} from '../../../src/server/satisfaction/survey-rules.ts';

const DAY = 86_400_000;
const asked = new Date('2026-03-02T13:00:00.000Z');
const rules = {
  satisfaction: { ...policy.satisfaction, minDaysBetweenAsks: 14, minSecondsOnPage: 3 },
};

describe('how often a contact is asked', () => {
  it('a contact never asked may be asked', () => {
    expect(mayAskAgain(null, asked, rules)).toBe(true);
  });

  it('not one millisecond before the interval, and exactly at it again', () => {
    const at = (ms: number) => new Date(asked.getTime() + ms);
    expect(mayAskAgain(asked, at(14 * DAY - 1), rules)).toBe(false);
    expect(mayAskAgain(asked, at(14 * DAY), rules)).toBe(true);
    expect(mayAskAgain(asked, at(DAY), rules)).toBe(false);
  });

  it('the throttle read in SQL agrees with the rule at the boundary', () => {
    const now = new Date(asked.getTime() + 14 * DAY);
    // Asked at or after throttleSince: not again yet. `asked` is just before it now.
    expect(asked.getTime()).toBeLessThan(throttleSince(now, rules).getTime());
    const justInside = new Date(asked.getTime() + 14 * DAY - 1);
    expect(asked.getTime()).toBeGreaterThanOrEqual(throttleSince(justInside, rules).getTime());
  });
});

describe('the score', () => {
  it('takes the whole numbers 1 to 5 only', () => {
    expect(['1', '2', '3', '4', '5', ' 4 '].map(parseScore)).toEqual([1, 2, 3, 4, 5, 4]);
    for (const bad of ['0', '6', '-1', '2.5', '', 'five', '10', '1e0', undefined, 3])
      expect(parseScore(bad)).toBeNull();
  });

  it('is low at the threshold and below, not above', () => {
    expect(policy.satisfaction.lowScoreAtMost).toBe(2);
    expect([1, 2, 3, 4, 5].map((s) => isLowScore(s, policy))).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});

describe('the time on the page', () => {
  const issued = new Date('2026-03-02T13:00:00.000Z');
  const later = (ms: number) => new Date(issued.getTime() + ms);

  it('counts from exactly the policy’s seconds, not a millisecond sooner', () => {
    expect(stayedLongEnough(issued, later(2999), rules)).toBe(false);
    expect(stayedLongEnough(issued, later(3000), rules)).toBe(true);
    expect(stayedLongEnough(issued, later(60_000), rules)).toBe(true);
  });

  it('a stamp from the future never counts', () => {
    expect(stayedLongEnough(later(10_000), issued, rules)).toBe(false);
  });
});

describe('where a survey stands', () => {
  const expiresAt = surveyExpiresAt(asked, policy);
  const open = { answeredAt: null, voidedAt: null, expiresAt };

  it('expires after the policy’s link days, at that instant', () => {
    expect(expiresAt.getTime() - asked.getTime()).toBe(policy.satisfaction.linkDays * DAY);
    expect(surveyState(open, new Date(expiresAt.getTime() - 1))).toBe('open');
    expect(surveyState(open, expiresAt)).toBe('expired');
  });

  it('answered and voided stay so, expired or not', () => {
    const late = new Date(expiresAt.getTime() + DAY);
    expect(surveyState({ ...open, answeredAt: asked }, late)).toBe('answered');
    expect(surveyState({ ...open, voidedAt: asked }, asked)).toBe('voided');
  });
});
