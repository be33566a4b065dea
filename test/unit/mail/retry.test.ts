import { describe, expect, it } from 'vitest';
import { isRetryableStatus, parseRetryAfter } from '../../../src/server/mail/mail-sender.ts';
import { MAX_SEND_ATTEMPTS, nextAttemptDelayMs } from '../../../src/server/mail/retry-schedule.ts';

describe('nextAttemptDelayMs', () => {
  it('doubles from 30 seconds after each attempt', () => {
    expect([1, 2, 3, 4].map((attempts) => nextAttemptDelayMs(attempts, null))).toEqual([
      30_000, 60_000, 120_000, 240_000,
    ]);
  });

  it('is capped at six hours', () => {
    expect(nextAttemptDelayMs(40, null)).toBe(6 * 60 * 60_000);
  });

  it('never retries sooner than Retry-After asked', () => {
    expect(nextAttemptDelayMs(1, 90_000)).toBe(90_000);
    expect(nextAttemptDelayMs(3, 1_000)).toBe(120_000);
  });

  it('gives up after a bounded number of attempts spanning more than a few hours', () => {
    const total = Array.from({ length: MAX_SEND_ATTEMPTS - 1 }, (_, i) =>
      nextAttemptDelayMs(i + 1, null),
    ).reduce((sum, delay) => sum + delay);
    expect(MAX_SEND_ATTEMPTS).toBeLessThanOrEqual(10);
    expect(total).toBeGreaterThan(60 * 60_000);
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2026-03-02T13:00:00Z');
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 13:01:00 GMT', now)).toBe(60_000);
  });
  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('', now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
  it('never returns a negative delay', () => {
    expect(parseRetryAfter('Mon, 02 Mar 2026 12:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('-5', now)).toBe(0);
  });
});

describe('isRetryableStatus', () => {
  it('retries rate limits, server errors and no answer at all; not other refusals', () => {
    expect([429, 500, 502, 503, null].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 422].some(isRetryableStatus)).toBe(false);
  });
});
