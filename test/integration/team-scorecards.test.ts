import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policy } from '../../src/policy/index.ts';
import {
  loadTeamScorecards,
  type PartnerScorecard,
  type TeamMonth,
} from '../../src/server/scorecard/team-scorecards.ts';
import { SCORECARD_NOW as NOW, seedScorecardAgency } from '../support/scorecard-agency.ts';
import { DRIVERS, openTestDatabase, type TestDatabase } from '../support/test-databases.ts';

const partnerIn = (month: TeamMonth, id: string): PartnerScorecard => {
  const found = month.partners.find((p) => p.partnerId === id);
  if (!found) throw new Error(`${id} is not on ${month.month}'s scorecard`);
  return found;
};

describe.each(DRIVERS)('the team scorecards (%s)', (driver) => {
  let database: TestDatabase;
  let february: TeamMonth;
  let march: TeamMonth;

  beforeAll(async () => {
    database = await openTestDatabase(driver);
    await seedScorecardAgency(database.db);
    [february, march] = (await loadTeamScorecards(
      database.db,
      { from: '2026-02', to: '2026-03' },
      policy,
      NOW,
    )) as [TeamMonth, TeamMonth];
  });
  afterAll(() => database.close());

  it('lists every active partner with a scorecard role, by name: not the inactive, not an admin', () => {
    expect(march.partners.map((p) => p.partnerId)).toEqual([
      'cs1',
      'de1',
      'de2',
      'idle',
      'pt1',
      'pt2',
    ]);
    expect(partnerIn(march, 'pt1')).toMatchObject({ roles: ['paid_traffic'], paid: true });
    expect(partnerIn(march, 'cs1')).toMatchObject({ roles: ['cs'], paid: false });
  });

  it('counts a client’s pipeline, first days and refunds for its CS and its paid traffic', () => {
    const pt1 = partnerIn(march, 'pt1').scorecard.counts;
    expect(pt1.firstContacts).toEqual({ onTime: 1, missed: 0, ahead: 0 });
    expect(pt1.launches).toEqual({ onTime: 0, missed: 1, ahead: 0 });
    expect(pt1.noRefundInFirstDays).toBe(1);
    expect(pt1.refundsInFirstDays).toBe(1);
    const cs1 = partnerIn(march, 'cs1').scorecard.counts;
    expect(cs1.launches.missed).toBe(1);
    expect(cs1.noRefundInFirstDays).toBe(2);
    expect(cs1.refundsInFirstDays).toBe(1);
    // A's pipeline is not the designer's; B's is pt2's.
    expect(partnerIn(march, 'de1').scorecard.counts.launches.missed).toBe(0);
    expect(partnerIn(march, 'pt2').scorecard.counts.noRefundInFirstDays).toBe(1);
    expect(partnerIn(february, 'pt2').scorecard.counts.firstContacts.onTime).toBe(1);
  });

  it('gives a change to its piece’s designer, else to the client’s team by its kind', () => {
    expect(partnerIn(march, 'de1').scorecard.counts.changes).toEqual({
      onTime: 1,
      missed: 0,
      ahead: 1,
    });
    // The late targeting change, and the one on a piece whose project has no designer.
    expect(partnerIn(march, 'pt1').scorecard.counts.changes).toEqual({
      onTime: 1,
      missed: 1,
      ahead: 0,
    });
    // Not for pt2, on A's team as a designer without holding the role.
    expect(partnerIn(march, 'pt2').scorecard.counts.changes).toEqual({
      onTime: 0,
      missed: 0,
      ahead: 0,
    });
    expect(partnerIn(march, 'cs1').scorecard.counts.changes).toEqual({
      onTime: 0,
      missed: 0,
      ahead: 0,
    });
  });

  it('judges a task by the end of its due day, and a piece’s due day by when it was first sent', () => {
    // pt1: strategy, launch and check-in of A, the late change, the task never done.
    expect(partnerIn(march, 'pt1').scorecard.counts.deadlinesMissed).toBe(5);
    expect(partnerIn(february, 'pt1').scorecard.counts.deadlinesMissed).toBe(1);
    // de1: P3, sent the day after its due day; P1 was first sent (to the review) the day before.
    expect(partnerIn(march, 'de1').scorecard.counts.deadlinesMissed).toBe(1);
    expect(partnerIn(march, 'de2').scorecard.counts.deadlinesMissed).toBe(0);
  });

  it('gives an answer to the client’s CS, and a piece’s to its designer and uploaders', () => {
    const cs1 = partnerIn(march, 'cs1').scorecard.counts.satisfaction;
    // 5, 2 and the answer at 1 March 00:00; the one a minute before is February's.
    expect(cs1).toEqual({ answers: 3, average: 11 / 3, low: 1 });
    expect(partnerIn(february, 'cs1').scorecard.counts.satisfaction.answers).toBe(1);
    for (const designer of ['de1', 'de2']) {
      expect(partnerIn(march, designer).scorecard.counts.satisfaction).toEqual({
        answers: 1,
        average: 5,
        low: 0,
      });
    }
    expect(partnerIn(march, 'pt1').scorecard.counts.satisfaction.answers).toBe(0);
  });

  it('gives a partner with no work zero lines, and the best of the month the bonus', () => {
    const idle = partnerIn(march, 'idle').scorecard;
    expect(idle.lines.map((l) => [l.kind, l.count])).toEqual([
      ['base', 1],
      ['renewedAfterFirstMonth', 0],
      ['lostAfterFirstMonth', 0],
      ['refundInFirstDays', 0],
      ['noRefundInFirstDays', 0],
      ['missedLaunch', 0],
    ]);
    expect(idle.totalMinorUnits).toBe(policy.incentives.base.minorUnits);
    // pt2 earned +20 (no refund); pt1 −70 (a refund, a missed launch, +20): pt2 is the best.
    expect(partnerIn(march, 'pt1').scorecard.variableMinorUnits).toBe(-7000);
    expect(march.best).toEqual({
      partnerIds: ['pt2'],
      eachMinorUnits: policy.incentives.bestOfMonth.minorUnits,
    });
    expect(partnerIn(march, 'pt2').scorecard.lines.at(-1)?.kind).toBe('bestOfMonth');
    expect(february.best).toBeNull();
  });

  it('counts the current month so far, and a past month complete', () => {
    expect(march.complete).toBe(false);
    expect(partnerIn(march, 'cs1').scorecard).toMatchObject({ complete: false, asOf: NOW });
    expect(february.complete).toBe(true);
  });
});
