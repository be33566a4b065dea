import { describe, expect, it } from 'vitest';
import { policy } from '../../../src/policy/index.ts';
import {
  isEarlyRefund,
  refundDateProblem,
  refundServiceStartsOn,
} from '../../../src/server/refunds/refund-rules.ts';

describe('when a refund may be recorded', () => {
  const today = '2026-03-10';
  const service = { startsOn: '2026-03-01', endsOn: null };

  it('on the service’s first day and up to today', () => {
    expect(refundDateProblem('2026-03-01', service, today)).toBeNull();
    expect(refundDateProblem(today, service, today)).toBeNull();
  });

  it('not before the service started, nor in the future, nor without a service', () => {
    expect(refundDateProblem('2026-02-28', service, today)).toBe('before_service');
    expect(refundDateProblem('2026-03-11', service, today)).toBe('in_future');
    expect(refundDateProblem('2026-03-05', { startsOn: null, endsOn: null }, today)).toBe(
      'no_service',
    );
  });

  it('up to the service’s last day, not the day after (a renewal is recorded first)', () => {
    const ended = { startsOn: '2026-02-01', endsOn: '2026-03-05' };
    expect(refundDateProblem('2026-03-05', ended, today)).toBeNull();
    expect(refundDateProblem('2026-03-06', ended, today)).toBe('after_service');
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

describe('the service a refund is for', () => {
  const lastDay = policy.refunds.earlyWithinDays - 1;

  it('is the first service from the payment day while the recorded start is within the early days', () => {
    // Paid on the 3rd: a start typed on the 2nd, or on the early days' last day, is the first's.
    expect(refundServiceStartsOn('2026-03-02', '2026-03-03', policy)).toBe('2026-03-03');
    const lastEarly = `2026-03-${String(3 + lastDay).padStart(2, '0')}`;
    expect(refundServiceStartsOn(lastEarly, '2026-03-03', policy)).toBe('2026-03-03');
  });

  it('is the recorded service after the early days (a renewed one), or without a payment', () => {
    const dayAfter = `2026-03-${String(3 + lastDay + 1).padStart(2, '0')}`;
    expect(refundServiceStartsOn(dayAfter, '2026-03-03', policy)).toBe(dayAfter);
    expect(refundServiceStartsOn('2026-04-03', '2026-03-03', policy)).toBe('2026-04-03');
    expect(refundServiceStartsOn('2026-03-02', null, policy)).toBe('2026-03-02');
    expect(refundServiceStartsOn(null, '2026-03-03', policy)).toBeNull();
  });
});
