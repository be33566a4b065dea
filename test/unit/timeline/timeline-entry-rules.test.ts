import { describe, expect, it } from 'vitest';
import { TIMELINE_ENTRY_KINDS } from '../../../db/schema/index.ts';
import { type PartnerRole, policy } from '../../../src/policy/index.ts';
import type { TeamFacts } from '../../../src/server/clients/team-rules.ts';
import { timelineEntryInput } from '../../../src/server/timeline/timeline-entry-input.ts';
import {
  latestReportablePeriod,
  mayWriteKind,
  reportPeriodProblem,
  visibilityChangeProblem,
  writableKinds,
} from '../../../src/server/timeline/timeline-rules.ts';

const facts: TeamFacts = {
  client: { csUserId: 'carla' },
  team: [
    { userId: 'paulo', role: 'paid_traffic' },
    { userId: 'davi', role: 'design' },
  ],
};
const person = (id: string, ...roles: (PartnerRole | 'admin')[]) => ({ id, roles });

describe('who writes which kind on a client’s timeline', () => {
  it('the policy names every kind the database knows, and only those', () => {
    expect(Object.keys(policy.timeline.writersByKind).sort()).toEqual(
      [...TIMELINE_ENTRY_KINDS].sort(),
    );
    for (const kind of policy.timeline.acknowledgementKinds)
      expect(TIMELINE_ENTRY_KINDS).toContain(kind);
  });

  it('the client’s CS and admins write every kind; another CS none', () => {
    expect(writableKinds(person('carla', 'cs'), facts, TIMELINE_ENTRY_KINDS, policy)).toEqual([
      ...TIMELINE_ENTRY_KINDS,
    ]);
    expect(writableKinds(person('ana', 'admin'), facts, TIMELINE_ENTRY_KINDS, policy)).toHaveLength(
      5,
    );
    expect(writableKinds(person('outra', 'cs'), facts, TIMELINE_ENTRY_KINDS, policy)).toEqual([]);
  });

  it('paid traffic on the team: media payments and notes; off the team, or without the role, nothing', () => {
    expect(
      writableKinds(person('paulo', 'paid_traffic'), facts, TIMELINE_ENTRY_KINDS, policy),
    ).toEqual(['media_payment', 'note']);
    expect(mayWriteKind(person('pedro', 'paid_traffic'), facts, 'note', policy)).toBe(false);
    // Taken out of the role, the team membership no longer counts.
    expect(mayWriteKind(person('paulo'), facts, 'note', policy)).toBe(false);
    expect(mayWriteKind(person('davi', 'design'), facts, 'note', policy)).toBe(false);
  });
});

describe('the month a report covers', () => {
  it('is over: last month at most, unless the policy allows the month running', () => {
    expect(latestReportablePeriod('2026-03-01', policy)).toBe('2026-02');
    expect(latestReportablePeriod('2026-01-31', policy)).toBe('2025-12');
    expect(reportPeriodProblem('2026-02', '2026-03-01', policy)).toBeNull();
    expect(reportPeriodProblem('2026-03', '2026-03-31', policy)).toBe('future');
    const running = { timeline: { ...policy.timeline, reportCurrentMonth: true } };
    expect(reportPeriodProblem('2026-03', '2026-03-01', running)).toBeNull();
    expect(reportPeriodProblem('2026-04', '2026-03-31', running)).toBe('future');
  });
});

describe('visibility after the e-mail', () => {
  it('a client entry already e-mailed cannot become internal; before the e-mail it can', () => {
    expect(visibilityChangeProblem('client', 'internal', true)).toBe('already_sent');
    expect(visibilityChangeProblem('client', 'internal', false)).toBeNull();
    expect(visibilityChangeProblem('internal', 'client', true)).toBeNull();
  });
});

describe('the entry form’s fields', () => {
  const parse = (body: Record<string, unknown>, today = '2026-03-10') =>
    timelineEntryInput(policy, today).safeParse(body);

  it('a decision dated today is fine, tomorrow is in the future', () => {
    const decision = { kind: 'decision', title: 'T', visibility: 'internal', decided: 'D' };
    expect(parse({ ...decision, occurredOn: '2026-03-10' }).success).toBe(true);
    expect(parse({ ...decision, occurredOn: '2026-03-11' }).success).toBe(false);
  });

  it('action items: blank rows are no items; a half-filled row is refused on its own fields', () => {
    const minutes = {
      kind: 'minutes',
      title: 'T',
      visibility: 'internal',
      occurredOn: '2026-03-10',
      discussed: 'D',
      actionWhat: ['Banner', '', ''],
      actionAssignee: ['design:davi', 'cs', 'cs'],
      actionDue: ['2026-03-20', '', ''],
    };
    const ok = parse(minutes);
    expect(ok.success && ok.data.draft.actionItems).toEqual([
      { what: 'Banner', role: 'design', assigneeId: 'davi', dueOn: '2026-03-20' },
    ]);
    const half = parse({
      ...minutes,
      actionWhat: ['Banner', ''],
      actionDue: ['2026-03-20', '2026-03-21'],
    });
    expect(half.success).toBe(false);
    expect(half.error?.issues.map((i) => i.path.join('.'))).toEqual(['actionWhat.1']);
    const badRole = parse({ ...minutes, actionAssignee: ['finance'] });
    expect(badRole.error?.issues.map((i) => i.path.join('.'))).toEqual(['actionAssignee.0']);
  });

  it('keeps only the kind’s own fields; the amount in minor units', () => {
    const parsed = parse({
      kind: 'media_payment',
      title: 'Boleto',
      visibility: 'client',
      dueOn: '2026-03-20',
      amount: '1.234,56',
      summary: 'not a field of this kind',
    });
    expect(parsed.success && parsed.data.draft.fields).toEqual({
      dueOn: '2026-03-20',
      amount: 123456,
    });
    expect(parsed.success && parsed.data.draft.occurredOn).toBe('2026-03-20');
  });
});
