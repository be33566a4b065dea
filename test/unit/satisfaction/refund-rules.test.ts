import { describe, expect, it } from 'vitest';
import { policy } from '../../../src/policy/index.ts';
import { isEarlyRefund, refundDateProblem } from '../../../src/server/refunds/refund-rules.ts';

describe('when a refund may be recorded', () => {
  const today = '2026-03-10';

  it('on the service’s first day and up to today', () => {
    expect(refundDateProblem('2026-03-01', '2026-03-01', today)).toBeNull();
    expect(refundDateProblem(today, '2026-03-01', today)).toBeNull();
  });

  it('not before the service started, nor in the future, nor without a service', () => {
    expect(refundDateProblem('2026-02-28', '2026-03-01', today)).toBe('before_service');
    expect(refundDateProblem('2026-03-11', '2026-03-01', today)).toBe('in_future');
    expect(refundDateProblem('2026-03-05', null, today)).toBe('no_service');
  });
});

describe('a refund in the first days of the service', () => {
  it('counts on the 10th day and not on the 11th', () => {
    expect(policy.refunds.earlyWithinDays).toBe(10);
    expect(isEarlyRefund('2026-03-01', '2026-03-01', policy)).toBe(true);
    expect(isEarlyRefund('2026-03-01', '2026-03-10', policy)).toBe(true);
    expect(isEarlyRefund('2026-03-01', '2026-03-11', policy)).toBe(false);
  });

  it('across a month’s end', () => {
    expect(isEarlyRefund('2026-02-25', '2026-03-06', policy)).toBe(true);
    expect(isEarlyRefund('2026-02-25', '2026-03-07', policy)).toBe(false);
  });
});
