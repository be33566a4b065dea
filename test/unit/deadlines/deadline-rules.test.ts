import { describe, expect, it } from 'vitest';
import { policy } from '../../../src/policy/index.ts';
import {
  changeDueAt,
  contactDueAt,
  isLost,
  nextDeadline,
  pipelineDeadlines,
} from '../../../src/server/deadlines/deadline-rules.ts';

// Agency time is UTC−3: 19:59 in São Paulo is 22:59 UTC.
const sp = (isoLocal: string) => new Date(`${isoLocal}-03:00`);

describe('contact deadline of a newly paid client', () => {
  it('is an hour after payment during business hours', () => {
    expect(contactDueAt(sp('2026-03-10T14:00:00'), policy)).toEqual(sp('2026-03-10T15:00:00'));
  });

  it('paid at 19:59 is due at 20:59 the same day; paid at 20:01, at 11:00 the next day', () => {
    expect(contactDueAt(sp('2026-03-10T19:59:00'), policy)).toEqual(sp('2026-03-10T20:59:00'));
    expect(contactDueAt(sp('2026-03-10T20:00:00'), policy)).toEqual(sp('2026-03-11T11:00:00'));
    expect(contactDueAt(sp('2026-03-10T20:01:00'), policy)).toEqual(sp('2026-03-11T11:00:00'));
  });

  it('crosses midnight and weekends: Friday night is due Monday at 11:00', () => {
    expect(contactDueAt(sp('2026-03-13T21:30:00'), policy)).toEqual(sp('2026-03-16T11:00:00'));
    expect(contactDueAt(sp('2026-03-14T12:00:00'), policy)).toEqual(sp('2026-03-16T11:00:00'));
  });

  it('skips a holiday: paid the evening before Good Friday 2026 is due the Monday', () => {
    expect(contactDueAt(sp('2026-04-02T21:00:00'), policy)).toEqual(sp('2026-04-06T11:00:00'));
  });

  it('paid before opening is due at 11:00 the same business day', () => {
    expect(contactDueAt(sp('2026-03-10T07:00:00'), policy)).toEqual(sp('2026-03-10T11:00:00'));
  });
});

describe('the pipeline', () => {
  const received = sp('2026-03-10T15:00:00');

  it('starts the strategy (24 h) and launch (72 h) deadlines when the questionnaire arrives', () => {
    const deadlines = pipelineDeadlines({ questionnaire_received: received }, null, policy);
    expect(deadlines.map((d) => [d.kind, d.dueAt.toISOString()])).toEqual([
      ['strategy', sp('2026-03-11T15:00:00').toISOString()],
      ['launch', sp('2026-03-13T15:00:00').toISOString()],
    ]);
  });

  it('puts the most overdue first, and forgets what is done', () => {
    const deadlines = pipelineDeadlines(
      {
        paid: sp('2026-03-09T10:30:00'),
        contacted: sp('2026-03-09T11:00:00'),
        questionnaire_received: received,
        strategy_agreed: received,
      },
      null,
      policy,
    );
    expect(nextDeadline(deadlines)?.kind).toBe('launch');
  });

  it('checks in 7 days after launch and asks for renewal 3 days before the end', () => {
    const deadlines = pipelineDeadlines(
      { launched: sp('2026-03-12T10:00:00') },
      '2026-06-30',
      policy,
    );
    expect(deadlines.find((d) => d.kind === 'checkIn')?.dueAt).toEqual(sp('2026-03-19T10:00:00'));
    expect(deadlines.find((d) => d.kind === 'renewal')?.dueAt).toEqual(sp('2026-06-27T20:00:00'));
  });

  it('counts a client as lost 7 days after the end without renewal, not a moment before', () => {
    expect(isLost({}, '2026-06-30', policy, sp('2026-07-06T23:59:59'))).toBe(false);
    expect(isLost({}, '2026-06-30', policy, sp('2026-07-07T00:00:00'))).toBe(true);
    expect(
      isLost(
        { renewed: sp('2026-06-29T10:00:00') },
        '2026-06-30',
        policy,
        sp('2026-08-01T00:00:00'),
      ),
    ).toBe(false);
  });

  it('gives changes 48 h for a post and 4 h for targeting or text', () => {
    const asked = sp('2026-03-10T19:00:00');
    expect(changeDueAt(asked, 'post', policy)).toEqual(sp('2026-03-12T19:00:00'));
    expect(changeDueAt(asked, 'targetingOrText', policy)).toEqual(sp('2026-03-10T23:00:00'));
  });
});
