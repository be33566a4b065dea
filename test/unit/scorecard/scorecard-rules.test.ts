import { describe, expect, it } from 'vitest';
import { policy } from '../../../src/policy/index.ts';
import {
  countMonth,
  type ScorecardClient,
  type ScorecardInput,
} from '../../../src/server/scorecard/scorecard-rules.ts';

// Agency time is UTC−3: the month starts at 03:00 UTC on its first day.
const sp = (isoLocal: string) => new Date(`${isoLocal}-03:00`);
const HOUR = 3_600_000;
const client = (over: Partial<ScorecardClient>): ScorecardClient => ({
  milestones: {},
  firstServiceStartsOn: null,
  serviceEndsOn: null,
  renewals: [],
  firstServiceRefundOn: null,
  ...over,
});
const input = (month: string, over: Partial<ScorecardInput>): ScorecardInput => ({
  month,
  clients: [],
  changes: [],
  otherDeadlines: [],
  answers: [],
  ...over,
});
const april = sp('2026-04-15T12:00:00');
const count = (month: string, over: Partial<ScorecardInput>, now = april) =>
  countMonth(input(month, over), policy, now).counts;

describe('launches within 72 hours', () => {
  const received = sp('2026-03-10T15:00:00');
  // The strategy and the check-in in time, so only the launch can be missed.
  const launchedAfter = (ms: number) => {
    const launched = new Date(received.getTime() + ms);
    const milestones = { questionnaire_received: received, strategy_agreed: received };
    return client({ milestones: { ...milestones, launched, checked_in: launched } });
  };

  it('launched at 72 hours exactly is in time; a millisecond later is missed and fined', () => {
    expect(count('2026-03', { clients: [launchedAfter(72 * HOUR)] }).launches).toEqual({
      onTime: 1,
      missed: 0,
      ahead: 0,
    });
    const late = count('2026-03', { clients: [launchedAfter(72 * HOUR + 1)] });
    expect(late.launches).toEqual({ onTime: 0, missed: 1, ahead: 0 });
    expect(late.deadlinesMissed).toBe(1);
  });

  it('not launched yet: ahead until its 72nd hour, missed from that instant', () => {
    const waiting = client({ milestones: { questionnaire_received: received } });
    const due = received.getTime() + 72 * HOUR;
    expect(count('2026-03', { clients: [waiting] }, new Date(due - 1)).launches.ahead).toBe(1);
    expect(count('2026-03', { clients: [waiting] }, new Date(due)).launches.missed).toBe(1);
  });

  it('counts a launch in the month it falls due in, in agency time', () => {
    // Due 31 March 23:59 in São Paulo (02:59 UTC on 1 April): March's.
    const lateMarch = client({
      milestones: { questionnaire_received: sp('2026-03-28T23:59:00') },
    });
    expect(count('2026-03', { clients: [lateMarch] }).launches.missed).toBe(1);
    expect(count('2026-04', { clients: [lateMarch] }).launches.missed).toBe(0);
    const april1 = client({ milestones: { questionnaire_received: sp('2026-03-29T00:00:00') } });
    expect(count('2026-03', { clients: [april1] }).launches.missed).toBe(0);
    expect(count('2026-04', { clients: [april1] }).launches.missed).toBe(1);
  });
});

describe('first contacts and changes', () => {
  it('a contact within the hour is in time, a millisecond after is missed', () => {
    const paid = sp('2026-03-10T14:00:00');
    const contacted = (at: Date) => client({ milestones: { paid, contacted: at } });
    expect(
      count('2026-03', { clients: [contacted(sp('2026-03-10T15:00:00'))] }).firstContacts.onTime,
    ).toBe(1);
    const late = new Date(sp('2026-03-10T15:00:00').getTime() + 1);
    expect(count('2026-03', { clients: [contacted(late)] }).firstContacts.missed).toBe(1);
  });

  it('a post change within its 48 hours is in time, later is missed among the deadlines', () => {
    const requestedAt = sp('2026-03-10T10:00:00');
    const done = (ms: number) => [
      { kind: 'post' as const, requestedAt, doneAt: new Date(requestedAt.getTime() + ms) },
    ];
    expect(count('2026-03', { changes: done(48 * HOUR) }).changes.onTime).toBe(1);
    const late = count('2026-03', { changes: done(48 * HOUR + 1) });
    expect(late.changes.missed).toBe(1);
    expect(late.deadlinesMissed).toBe(1);
  });

  it('counts every missed deadline: a strategy, another deadline, not one met in time', () => {
    const received = sp('2026-03-10T15:00:00');
    const counts = count('2026-03', {
      clients: [client({ milestones: { questionnaire_received: received, launched: received } })],
      otherDeadlines: [
        { dueAt: sp('2026-03-20T23:59:59'), doneAt: null },
        { dueAt: sp('2026-03-21T23:59:59'), doneAt: sp('2026-03-21T10:00:00') },
      ],
    });
    // The strategy was never agreed (missed), the task undone (missed); the check-in, due
    // 17 March after the launch on the 10th, was not recorded either.
    expect(counts.deadlinesMissed).toBe(3);
  });
});

describe('renewals and lost clients after the first month', () => {
  it('a client lost on the last day of the first month is not counted; the next day is', () => {
    const lost = (at: string) =>
      client({ firstServiceStartsOn: '2026-01-15', milestones: { lost: sp(at) } });
    expect(count('2026-02', { clients: [lost('2026-02-14T23:59:59')] }).lostAfterFirstMonth).toBe(
      0,
    );
    expect(count('2026-02', { clients: [lost('2026-02-15T00:00:00')] }).lostAfterFirstMonth).toBe(
      1,
    );
  });

  it('a client unpaid 7 days after the end is lost that day, in that month', () => {
    const unpaid = client({ firstServiceStartsOn: '2026-01-15', serviceEndsOn: '2026-02-24' });
    // Lost on 3 March at midnight: March's, not February's.
    expect(count('2026-02', { clients: [unpaid] }).lostAfterFirstMonth).toBe(0);
    expect(count('2026-03', { clients: [unpaid] }).lostAfterFirstMonth).toBe(1);
    expect(
      count('2026-03', { clients: [unpaid] }, sp('2026-03-02T23:59:59')).lostAfterFirstMonth,
    ).toBe(0);
  });

  it('counts a renewal in the month it was recorded', () => {
    const renewed = client({
      firstServiceStartsOn: '2026-01-15',
      serviceEndsOn: '2026-03-14',
      renewals: [
        { serviceEndsOn: '2026-02-14', renewedAt: sp('2026-02-12T10:00:00'), carried: false },
      ],
    });
    expect(count('2026-02', { clients: [renewed] }).renewals).toBe(1);
    expect(count('2026-03', { clients: [renewed] }).renewals).toBe(0);
  });
});

describe('renewals, one per service', () => {
  const renewedTwice = client({
    firstServiceStartsOn: '2026-01-15',
    serviceEndsOn: '2026-04-14',
    milestones: { launched: sp('2026-01-18T10:00:00') },
    renewals: [
      { serviceEndsOn: '2026-02-14', renewedAt: sp('2026-02-10T10:00:00'), carried: false },
      { serviceEndsOn: '2026-03-14', renewedAt: sp('2026-03-31T23:59:59.999'), carried: false },
    ],
  });

  it('counts two renewals of one client in the two months they were recorded', () => {
    expect(count('2026-02', { clients: [renewedTwice] }).renewals).toBe(1);
    expect(count('2026-03', { clients: [renewedTwice] }).renewals).toBe(1);
  });

  it('counts a renewal at the month’s last millisecond in that month, not the next', () => {
    const at = (renewedAt: string) =>
      client({
        renewals: [{ serviceEndsOn: '2026-03-31', renewedAt: sp(renewedAt), carried: false }],
      });
    expect(count('2026-03', { clients: [at('2026-03-31T23:59:59.999')] }).renewals).toBe(1);
    expect(count('2026-04', { clients: [at('2026-03-31T23:59:59.999')] }).renewals).toBe(0);
    expect(count('2026-04', { clients: [at('2026-04-01T00:00:00')] }).renewals).toBe(1);
  });

  it('meets a renewed service’s renewal contact when it was renewed by closing time', () => {
    // The service to 20 March: its renewal contact was due on the 17th at 20:00.
    const renewedAt = (at: string) =>
      client({
        serviceEndsOn: '2026-04-20',
        milestones: { launched: sp('2026-01-18T10:00:00') },
        renewals: [{ serviceEndsOn: '2026-03-20', renewedAt: sp(at), carried: false }],
      });
    expect(count('2026-03', { clients: [renewedAt('2026-03-17T20:00:00')] }).deadlinesMissed).toBe(
      0,
    );
    expect(
      count('2026-03', { clients: [renewedAt('2026-03-17T20:00:00.001')] }).deadlinesMissed,
    ).toBe(1);
    // Carried over from the old stage (its service not known for sure): not judged again.
    const carried = renewedAt('2026-03-17T20:00:00.001');
    carried.renewals = carried.renewals.map((r) => ({ ...r, carried: true }));
    const counts = count('2026-03', { clients: [carried] });
    expect(counts.deadlinesMissed).toBe(0);
    expect(counts.renewals).toBe(1);
  });

  it('loses a client renewed once when its new service ends unrenewed', () => {
    // Renewed in February until 14 March; unrenewed, lost 7 days later, on 21 March.
    const lapsed = client({
      firstServiceStartsOn: '2026-01-15',
      serviceEndsOn: '2026-03-14',
      renewals: [
        { serviceEndsOn: '2026-02-14', renewedAt: sp('2026-02-10T10:00:00'), carried: false },
      ],
    });
    expect(count('2026-03', { clients: [lapsed] }).lostAfterFirstMonth).toBe(1);
    expect(count('2026-02', { clients: [lapsed] }).lostAfterFirstMonth).toBe(0);
  });

  it('keeps a loss by date when the renewal came after it, and counts the renewal in its month', () => {
    // The service to 24 February, lost on 3 March at midnight, renewed on 2 April.
    const back = (renewedAt: string) =>
      client({
        firstServiceStartsOn: '2026-01-15',
        serviceEndsOn: '2026-05-24',
        renewals: [{ serviceEndsOn: '2026-02-24', renewedAt: sp(renewedAt), carried: false }],
      });
    const late = back('2026-04-02T10:00:00');
    expect(count('2026-03', { clients: [late] }).lostAfterFirstMonth).toBe(1);
    expect(count('2026-04', { clients: [late] })).toMatchObject({
      renewals: 1,
      lostAfterFirstMonth: 0,
    });
    // Renewed a millisecond before the loss: never lost.
    expect(
      count('2026-03', { clients: [back('2026-03-02T23:59:59.999')] }).lostAfterFirstMonth,
    ).toBe(0);
  });
});

describe('refunds in the first 10 days', () => {
  const started = (firstServiceRefundOn: string | null) =>
    client({ firstServiceStartsOn: '2026-03-01', firstServiceRefundOn });

  it('a refund asked on the 10th day counts; on the 11th, the client earns the bonus', () => {
    expect(count('2026-03', { clients: [started('2026-03-10')] }).refundsInFirstDays).toBe(1);
    const asked11th = count('2026-03', { clients: [started('2026-03-11')] });
    expect(asked11th.refundsInFirstDays).toBe(0);
    expect(asked11th.noRefundInFirstDays).toBe(1);
  });

  it('in the month so far, the 10 days are open through the 10th day', () => {
    const clients = [started(null)];
    const tenth = count('2026-03', { clients }, sp('2026-03-10T23:59:59'));
    expect(tenth).toMatchObject({ refundWindowsOpen: 1, noRefundInFirstDays: 0 });
    const eleventh = count('2026-03', { clients }, sp('2026-03-11T00:00:00'));
    expect(eleventh).toMatchObject({ refundWindowsOpen: 0, noRefundInFirstDays: 1 });
  });

  it('judges the first days in the month the 10th day falls in', () => {
    const lateMarch = client({
      firstServiceStartsOn: '2026-03-25',
      firstServiceRefundOn: '2026-03-27',
    });
    expect(count('2026-03', { clients: [lateMarch] }).refundsInFirstDays).toBe(0);
    expect(count('2026-04', { clients: [lateMarch] }).refundsInFirstDays).toBe(1);
  });
});

describe('the month', () => {
  it('is counted so far while it is the current one, and complete after', () => {
    const current = countMonth(input('2026-04', {}), policy, april);
    expect(current).toMatchObject({ complete: false, asOf: april });
    const past = countMonth(input('2026-03', {}), policy, april);
    expect(past).toMatchObject({ complete: true, asOf: sp('2026-04-01T00:00:00') });
  });

  it('averages the month’s satisfaction answers and counts the low ones', () => {
    const answers = [
      { answeredAt: sp('2026-03-02T10:00:00'), score: 5 },
      { answeredAt: sp('2026-03-31T23:00:00'), score: 2 },
      { answeredAt: sp('2026-04-01T00:00:00'), score: 1 },
    ];
    expect(count('2026-03', { answers }).satisfaction).toEqual({
      answers: 2,
      average: 3.5,
      low: 1,
    });
    expect(count('2026-02', { answers }).satisfaction).toEqual({
      answers: 0,
      average: null,
      low: 0,
    });
  });
});
