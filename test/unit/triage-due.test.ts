import { describe, expect, it } from 'vitest';
import { policy } from '../../src/policy/index.ts';
import { triageDueAt } from '../../src/server/client-requests/triage-rules.ts';

// São Paulo is UTC-3; the agency is open 10:00–20:00 on business days; triage takes 8 business hours.
const due = (submitted: string) => triageDueAt(new Date(submitted), policy).toISOString();

describe('when a request must be triaged', () => {
  it('is eight open hours later on the same day when they fit before closing', () => {
    expect(due('2026-03-10T13:00:00.000Z')).toBe('2026-03-10T21:00:00.000Z');
  });

  it('ends exactly at closing when sent eight hours before it, and the next morning a millisecond later', () => {
    expect(due('2026-03-10T15:00:00.000Z')).toBe('2026-03-10T23:00:00.000Z');
    expect(due('2026-03-10T15:00:00.001Z')).toBe('2026-03-11T13:00:00.001Z');
  });

  it('counts from opening when sent before it', () => {
    expect(due('2026-03-10T10:00:00.000Z')).toBe('2026-03-10T21:00:00.000Z');
  });

  it('carries a Friday evening request over the weekend to Monday', () => {
    // Friday 19:00: one hour on Friday, seven on Monday from 10:00.
    expect(due('2026-03-13T22:00:00.000Z')).toBe('2026-03-16T20:00:00.000Z');
    // Saturday afternoon: the whole eight hours on Monday.
    expect(due('2026-03-14T17:00:00.000Z')).toBe('2026-03-16T21:00:00.000Z');
  });

  it('follows the policy’s number of hours', () => {
    const rules = {
      ...policy,
      clientSpace: {
        ...policy.clientSpace,
        triage: { ...policy.clientSpace.triage, businessHours: 2 },
      },
    };
    expect(triageDueAt(new Date('2026-03-10T13:00:00.000Z'), rules).toISOString()).toBe(
      '2026-03-10T15:00:00.000Z',
    );
  });
});
