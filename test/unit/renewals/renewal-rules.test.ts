import { describe, expect, it } from 'vitest';
import { policy } from '../../../src/policy/index.ts';
import { isLost, pipelineDeadlines } from '../../../src/server/deadlines/deadline-rules.ts';
import { withCurrentRenewal } from '../../../src/server/deadlines/stored-deadline.ts';
import { refundServiceOf } from '../../../src/server/refunds/refund-rules.ts';
import {
  renewalProblem,
  renewedServiceStartsOn,
} from '../../../src/server/renewals/renewal-rules.ts';

// Agency time is UTC−3.
const sp = (isoLocal: string) => new Date(`${isoLocal}-03:00`);

describe('recording a renewal', () => {
  it('needs a service end, a new end after it, and a client not recorded as lost', () => {
    expect(renewalProblem(null, '2026-05-01', false)).toBe('no_service_end');
    expect(renewalProblem('2026-04-30', '2026-04-30', false)).toBe('not_after_end');
    expect(renewalProblem('2026-04-30', '2026-04-29', false)).toBe('not_after_end');
    expect(renewalProblem('2026-04-30', '2026-05-01', false)).toBeNull();
    expect(renewalProblem('2026-04-30', '2026-05-30', true)).toBe('lost');
  });
});

describe('the service a day falls in', () => {
  const ends = ['2026-02-28', '2026-03-31'];

  it('is the first one up to the first renewed end, inclusive', () => {
    expect(renewedServiceStartsOn('2026-02-28', ends)).toBeNull();
    expect(renewedServiceStartsOn('2026-01-10', [])).toBeNull();
  });

  it('starts the day after the latest renewed end before the day', () => {
    expect(renewedServiceStartsOn('2026-03-01', ends)).toBe('2026-03-01');
    expect(renewedServiceStartsOn('2026-03-31', ends)).toBe('2026-03-01');
    expect(renewedServiceStartsOn('2026-04-01', ends)).toBe('2026-04-01');
    expect(renewedServiceStartsOn('2026-04-01', [...ends].reverse())).toBe('2026-04-01');
  });
});

describe('a refund’s service', () => {
  const client = {
    serviceStartsOn: '2026-02-02',
    paidOn: '2026-02-01',
    renewedEnds: ['2026-03-01'],
  };

  it('is the first service (from the payment day) until its renewed end', () => {
    expect(refundServiceOf('2026-03-01', client, policy)).toBe('2026-02-01');
  });

  it('is the renewed service from the day after', () => {
    expect(refundServiceOf('2026-03-02', client, policy)).toBe('2026-03-02');
  });
});

describe('the pipeline of a renewed client', () => {
  const launched = sp('2026-01-05T10:00:00');
  // Carried over from the old stage: its new end unknown, stored as the end it renewed.
  const renewals = [
    {
      serviceEndsOn: '2026-02-04',
      renewedUntil: '2026-02-04',
      renewedAt: sp('2026-02-01T10:00:00'),
    },
  ];

  it('reads the current service as renewed only by a carried renewal of its own end', () => {
    expect(withCurrentRenewal({ launched }, renewals, '2026-02-04').renewed).toEqual(
      renewals[0]?.renewedAt,
    );
    expect(withCurrentRenewal({ launched }, renewals, '2026-03-04').renewed).toBeUndefined();
    expect(withCurrentRenewal({ launched }, renewals, null).renewed).toBeUndefined();
  });

  it('does not read an end edited back to a renewed one as renewed', () => {
    const recorded = [{ ...(renewals[0] as (typeof renewals)[0]), renewedUntil: '2026-03-04' }];
    expect(withCurrentRenewal({ launched }, recorded, '2026-02-04').renewed).toBeUndefined();
  });

  it('opens the new service’s renewal contact again', () => {
    const milestones = withCurrentRenewal({ launched }, renewals, '2026-03-04');
    const renewal = pipelineDeadlines(milestones, '2026-03-04', policy).find(
      (deadline) => deadline.kind === 'renewal',
    );
    expect(renewal).toEqual({ kind: 'renewal', dueAt: sp('2026-03-01T20:00:00'), done: false });
  });

  it('is lost by date when the new service ends unrenewed, from the 7th day at midnight', () => {
    const milestones = withCurrentRenewal({ launched }, renewals, '2026-03-04');
    expect(isLost(milestones, '2026-03-04', policy, sp('2026-03-10T23:59:59.999'))).toBe(false);
    expect(isLost(milestones, '2026-03-04', policy, sp('2026-03-11T00:00:00'))).toBe(true);
    // Its end renewed (a renewal carried over): not lost.
    const carried = withCurrentRenewal({ launched }, renewals, '2026-02-04');
    expect(isLost(carried, '2026-02-04', policy, sp('2026-03-11T00:00:00'))).toBe(false);
  });
});
