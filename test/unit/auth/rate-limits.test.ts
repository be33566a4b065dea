import { describe, expect, it } from 'vitest';
import { judgeHit } from '../../../src/server/rate-limits/rate-limits.ts';

const limit = { max: 5, windowMinutes: 15 };
const windowStart = new Date('2026-03-02T13:00:00.000Z');
const at = (minutes: number) => new Date(windowStart.getTime() + minutes * 60_000);

describe('judgeHit', () => {
  it('allows hits up to the maximum and refuses the next one', () => {
    expect(judgeHit({ count: 5, windowStart }, limit, at(1))).toEqual({ allowed: true });
    expect(judgeHit({ count: 6, windowStart }, limit, at(1))).toEqual({
      allowed: false,
      retryAfterMinutes: 14,
    });
  });

  it('never says to wait less than a minute', () => {
    expect(judgeHit({ count: 6, windowStart }, limit, at(14.99))).toEqual({
      allowed: false,
      retryAfterMinutes: 1,
    });
  });
});
