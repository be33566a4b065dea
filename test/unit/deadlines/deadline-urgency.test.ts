import { describe, expect, it } from 'vitest';
import { policy } from '../../../src/policy/index.ts';
import {
  deadlineUrgency,
  endOfDueDay,
  urgencyRulesOf,
} from '../../../src/server/deadlines/deadline-rules.ts';

// Agency time is UTC−3: 23:59 in São Paulo is 02:59 UTC the next day.
const sp = (isoLocal: string) => new Date(`${isoLocal}-03:00`);
const zone = policy.agency.timeZone;
const rules = urgencyRulesOf(policy);
const urgency = (dueAt: string, now: string) => deadlineUrgency(sp(dueAt), sp(now), rules);

describe('the urgency of a deadline', () => {
  it('is overdue from the very instant it falls due', () => {
    expect(urgency('2026-03-10T15:00:00', '2026-03-10T14:59:59.999')).toBe('today');
    expect(urgency('2026-03-10T15:00:00', '2026-03-10T15:00:00')).toBe('overdue');
    expect(urgency('2026-03-10T15:00:00', '2026-03-12T09:00:00')).toBe('overdue');
  });

  it('is today until midnight in the agency’s time zone, not in UTC', () => {
    // 23:59 in São Paulo is already the 11th in UTC: still today for the agency.
    expect(urgency('2026-03-10T23:59:00', '2026-03-10T08:00:00')).toBe('today');
    expect(urgency('2026-03-11T00:00:00', '2026-03-10T23:00:00')).toBe('soon');
    // At 22:00 on the 10th in São Paulo (01:00 UTC on the 11th), 00:30 the next day shares
    // the UTC date but not the agency's: soon, not today.
    const now = new Date('2026-03-11T01:00:00Z');
    expect(deadlineUrgency(new Date('2026-03-11T02:30:00Z'), now, rules)).toBe('today');
    expect(deadlineUrgency(new Date('2026-03-11T03:30:00Z'), now, rules)).toBe('soon');
  });

  it('is soon within the window, at its exact edge included, and later beyond', () => {
    expect(policy.deadlineUrgency.soonWithinHours).toBe(48);
    expect(urgency('2026-03-12T15:00:00', '2026-03-10T15:00:00')).toBe('soon');
    expect(urgency('2026-03-12T15:00:00.001', '2026-03-10T15:00:00')).toBe('later');
    expect(urgency('2026-03-20T10:00:00', '2026-03-10T15:00:00')).toBe('later');
  });
});

describe('a deadline kept as a calendar day', () => {
  it('falls due at the last instant of that day in the agency’s time zone', () => {
    expect(endOfDueDay('2026-03-10', zone)).toEqual(
      new Date(sp('2026-03-11T00:00:00').getTime() - 1),
    );
  });

  it('is today all that day and overdue from the next', () => {
    const due = endOfDueDay('2026-03-10', zone);
    expect(deadlineUrgency(due, sp('2026-03-10T00:00:00'), rules)).toBe('today');
    expect(deadlineUrgency(due, sp('2026-03-10T23:59:59'), rules)).toBe('today');
    expect(deadlineUrgency(due, sp('2026-03-11T00:00:00'), rules)).toBe('overdue');
    expect(deadlineUrgency(due, sp('2026-03-09T12:00:00'), rules)).toBe('soon');
  });
});
