import { describe, expect, it } from 'vitest';
import { policy } from '../../../src/policy/index.ts';
import {
  triageNoticeDue,
  triageReminderAt,
} from '../../../src/server/client-requests/triage-notice-rules.ts';
import { triageDueAt } from '../../../src/server/client-requests/triage-rules.ts';

// The demo policy: 10:00–20:00 in São Paulo (UTC−3), triage within 8 business hours, the
// reminder 2 business hours before.
const at = (iso: string) => new Date(iso);
const MS = 1;

describe('triage deadline notices', () => {
  it('a request sent on Tuesday at noon is due at 20:00 and reminded at 18:00 (local)', () => {
    const due = triageDueAt(at('2026-03-10T15:00:00Z'), policy);
    expect(due).toEqual(at('2026-03-10T23:00:00Z'));
    expect(triageReminderAt(due, policy)).toEqual(at('2026-03-10T21:00:00Z'));
  });

  it('sent on Friday at 19:00, it is due on Monday at 17:00, reminded on Monday at 15:00', () => {
    const due = triageDueAt(at('2026-03-13T22:00:00Z'), policy);
    expect(due).toEqual(at('2026-03-16T20:00:00Z'));
    expect(triageReminderAt(due, policy)).toEqual(at('2026-03-16T18:00:00Z'));
  });

  it('a reminder crosses the weekend back: due Monday at 11:00, reminded Friday at 19:00', () => {
    const due = triageDueAt(at('2026-03-13T16:00:00Z'), policy);
    expect(due).toEqual(at('2026-03-16T14:00:00Z'));
    expect(triageReminderAt(due, policy)).toEqual(at('2026-03-13T22:00:00Z'));
  });

  it('each notice at its exact instant, each once', () => {
    const dueAt = at('2026-03-10T23:00:00Z');
    const fresh = { dueAt, remindedAt: null, escalatedAt: null };
    const reminderAt = at('2026-03-10T21:00:00Z');
    expect(triageNoticeDue(fresh, new Date(reminderAt.getTime() - MS), policy)).toBeNull();
    expect(triageNoticeDue(fresh, reminderAt, policy)).toBe('reminder');
    expect(triageNoticeDue(fresh, new Date(dueAt.getTime() - MS), policy)).toBe('reminder');
    const reminded = { ...fresh, remindedAt: reminderAt };
    expect(triageNoticeDue(reminded, new Date(dueAt.getTime() - MS), policy)).toBeNull();
    expect(triageNoticeDue(reminded, dueAt, policy)).toBe('escalation');
    // Never reminded (the job did not run in time): the escalation alone, once.
    expect(triageNoticeDue(fresh, dueAt, policy)).toBe('escalation');
    expect(
      triageNoticeDue({ ...reminded, escalatedAt: dueAt }, at('2026-03-12T00:00:00Z'), policy),
    ).toBeNull();
  });
});
