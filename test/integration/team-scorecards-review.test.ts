import type { BatchItem } from 'drizzle-orm/batch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policy } from '../../src/policy/index.ts';
import { loadPartnerScorecardPage } from '../../src/server/scorecard/partner-scorecard-page.ts';
import type { ScorecardCounts } from '../../src/server/scorecard/scorecard-rules.ts';
import { loadTeamScorecards, type TeamMonth } from '../../src/server/scorecard/team-scorecards.ts';
import { agencyTime, scorecardRecords } from '../support/scorecard-records.ts';
import { DRIVERS, openTestDatabase, type TestDatabase } from '../support/test-databases.ts';

// February and March, counted on 2 April: both complete.
const NOW = agencyTime('2026-04-02 12:00');

/**
 * The situations the review of the scorecard found miscounted, each with its own partners so
 * that one partner's counts are one situation's.
 */
describe.each(DRIVERS)('the team scorecards, as the review asked (%s)', (driver) => {
  let database: TestDatabase;
  let february: TeamMonth;
  let march: TeamMonth;
  const counts = (month: TeamMonth, id: string): ScorecardCounts => {
    const found = month.partners.find((p) => p.partnerId === id);
    if (!found) throw new Error(`${id} is not on ${month.month}'s scorecard`);
    return found.scorecard.counts;
  };
  const lines = (month: TeamMonth, id: string) =>
    Object.fromEntries(
      (month.partners.find((p) => p.partnerId === id)?.scorecard.lines ?? []).map((l) => [
        l.kind,
        l.count,
      ]),
    );

  beforeAll(async () => {
    database = await openTestDatabase(driver);
    const r = scorecardRecords(database.db);
    const writes: BatchItem<'sqlite'>[] = [
      ...r.person('cs', ['cs']),
      ...[
        'pt-paid',
        'pt-paid-late',
        'pt-before',
        'pt-old',
        'pt-new',
        'pt-task',
        'pt-traffic',
      ].flatMap((id) => r.person(id, ['paid_traffic'])),
      ...r.person('de-traffic', ['design']),
      ...r.person('pt-left', ['paid_traffic'], false),
      ...r.person('cs-pt', ['cs', 'paid_traffic']),
      ...r.person('pt-runs', ['paid_traffic']),
      // Paid the day after the recorded service start; refunds stored under the recorded start.
      // The first days run from the payment (3 March): the 12th is the 10th day, the 13th not.
      ...r.client('asked-5th', 'cs', { startsOn: '2026-03-02' }),
      r.milestone('asked-5th', 'paid', '2026-03-03 10:00'),
      r.refund('asked-5th', '2026-03-02', '2026-03-05', 'cs'),
      r.team('asked-5th', 'pt-paid', 'paid_traffic'),
      ...r.client('asked-12th', 'cs', { startsOn: '2026-03-02' }),
      r.milestone('asked-12th', 'paid', '2026-03-03 10:00'),
      r.refund('asked-12th', '2026-03-02', '2026-03-12', 'cs'),
      r.team('asked-12th', 'pt-paid', 'paid_traffic'),
      ...r.client('asked-13th', 'cs', { startsOn: '2026-03-02' }),
      r.milestone('asked-13th', 'paid', '2026-03-03 10:00'),
      r.refund('asked-13th', '2026-03-02', '2026-03-13', 'cs'),
      r.team('asked-13th', 'pt-paid-late', 'paid_traffic'),
      // Paid in January, renewed: the renewed service's refund is not the first service's.
      ...r.client('renewed-refund', 'cs', { startsOn: '2026-03-05', endsOn: '2026-04-04' }),
      r.milestone('renewed-refund', 'paid', '2026-01-05 10:00'),
      r.renewal('renewed-refund', '2026-03-04', '2026-02-28 10:00', '2026-04-04'),
      r.refund('renewed-refund', '2026-03-05', '2026-03-08', 'cs'),
      r.team('renewed-refund', 'pt-paid-late', 'paid_traffic'),
      // Before Ponte (no payment recorded), renewed before the recorded start, its refund asked.
      ...r.client('renewed-before', 'cs', { startsOn: '2026-03-05', endsOn: '2026-04-04' }),
      r.renewal('renewed-before', '2026-03-04', '2026-03-04 10:00', '2026-04-04'),
      r.refund('renewed-before', '2026-03-05', '2026-03-08', 'cs'),
      r.team('renewed-before', 'pt-before', 'paid_traffic'),
      // Before Ponte, renewed, lost within the renewed service's first month: after the first.
      ...r.client('lost-before', 'cs', { startsOn: '2026-02-15', endsOn: '2026-03-14' }),
      r.renewal('lost-before', '2026-02-14', '2026-02-10 10:00', '2026-03-14'),
      r.milestone('lost-before', 'lost', '2026-03-03 10:00'),
      r.team('lost-before', 'pt-before', 'paid_traffic'),
      // Before Ponte, with a refund of a service before the recorded one: renewed too.
      ...r.client('refund-earlier', 'cs', { startsOn: '2026-03-05', endsOn: '2026-04-04' }),
      r.refund('refund-earlier', '2026-02-03', '2026-02-05', 'cs'),
      r.team('refund-earlier', 'pt-before', 'paid_traffic'),
      // pt-old on the team all along, pt-new from 1 March: February's loss and change are not
      // the newcomer's; March's change is both's.
      ...r.client('lost-feb', 'cs', { startsOn: '2025-12-01' }),
      r.milestone('lost-feb', 'lost', '2026-02-05 10:00'),
      r.change('lost-feb', 'targetingOrText', '2026-02-23 10:00', null),
      r.change('lost-feb', 'targetingOrText', '2026-03-10 10:00', null),
      r.team('lost-feb', 'pt-old', 'paid_traffic'),
      r.team('lost-feb', 'pt-new', 'paid_traffic', '2026-03-01 00:00'),
      // Tasks given back: the day after the due day (missed); at the due day's last minute
      // (nobody's).
      ...r.client('tasks', 'cs'),
      r.task('tasks', 'pt-task', '2026-03-04', { status: 'returned', at: '2026-03-05 00:00' }),
      r.task('tasks', 'pt-task', '2026-03-10', { status: 'returned', at: '2026-03-10 23:59' }),
      // A traffic piece and a design piece in a project with a designer, both never sent, and a
      // change on the traffic piece never done.
      ...r.client('pieces', 'cs'),
      r.team('pieces', 'pt-traffic', 'paid_traffic'),
      ...r.piece('ad', 'pieces', 'de-traffic', '2026-03-10', 'traffic'),
      ...r.piece('post', 'pieces', 'de-traffic', '2026-03-11'),
      r.change('pieces', 'targetingOrText', '2026-03-16 10:00', null, 'ad'),
      // pt-left renewed a client in February, then was deactivated.
      ...r.client('left-renewed', 'cs', { startsOn: '2025-12-01' }),
      // Carried over from the old stage: no service end then, the renewal's day instead.
      r.renewal('left-renewed', '2026-02-10', '2026-02-10 10:00'),
      r.team('left-renewed', 'pt-left', 'paid_traffic'),
      // cs-pt, CS and paid traffic: CS only of one client (pt-runs runs its ads), both of the
      // other; each renewed in March.
      ...r.client('cs-only', 'cs-pt', { startsOn: '2025-12-01' }),
      r.renewal('cs-only', '2026-03-05', '2026-03-05 10:00'),
      r.team('cs-only', 'pt-runs', 'paid_traffic'),
      ...r.client('cs-and-traffic', 'cs-pt', { startsOn: '2025-12-01' }),
      r.renewal('cs-and-traffic', '2026-03-06', '2026-03-06 10:00'),
      r.team('cs-and-traffic', 'cs-pt', 'paid_traffic'),
    ];
    await database.db.batch(writes as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
    [february, march] = (await loadTeamScorecards(
      database.db,
      { from: '2026-02', to: '2026-03' },
      policy,
      NOW,
    )) as [TeamMonth, TeamMonth];
  });
  afterAll(() => database.close());

  it('finds a refund stored under the recorded start and judges it from the payment day', () => {
    expect(counts(march, 'pt-paid')).toMatchObject({
      refundsInFirstDays: 2,
      noRefundInFirstDays: 0,
    });
    expect(lines(march, 'pt-paid')).toMatchObject({ refundInFirstDays: 2, noRefundInFirstDays: 0 });
    // The 13th is the 11th day; the renewed service's refund is not the first service's.
    expect(counts(march, 'pt-paid-late')).toMatchObject({
      refundsInFirstDays: 0,
      noRefundInFirstDays: 1,
    });
    expect(counts(february, 'pt-paid-late').renewals).toBe(1);
  });

  it('gives a client that came before Ponte and renewed no first days; its loss is after the first month', () => {
    expect(counts(march, 'pt-before')).toMatchObject({
      renewals: 1,
      refundsInFirstDays: 0,
      noRefundInFirstDays: 0,
      refundWindowsOpen: 0,
      lostAfterFirstMonth: 1,
    });
    expect(lines(march, 'pt-before')).toMatchObject({
      renewedAfterFirstMonth: 1,
      lostAfterFirstMonth: 1,
      refundInFirstDays: 0,
    });
  });

  it('counts a team member’s records from the day they joined the team', () => {
    expect(counts(february, 'pt-old')).toMatchObject({ lostAfterFirstMonth: 1 });
    expect(counts(february, 'pt-old').changes.missed).toBe(1);
    expect(counts(february, 'pt-new')).toMatchObject({
      lostAfterFirstMonth: 0,
      deadlinesMissed: 0,
    });
    expect(counts(march, 'pt-new').changes).toEqual({ onTime: 0, missed: 1, ahead: 0 });
    expect(counts(march, 'pt-old').changes).toEqual({ onTime: 0, missed: 1, ahead: 0 });
  });

  it('counts a task given back after its due day as missed, and one given back in time for nobody', () => {
    expect(counts(march, 'pt-task').deadlinesMissed).toBe(1);
  });

  it('gives a traffic piece’s due day and changes to the paid-traffic team, a design piece’s to the designer', () => {
    expect(counts(march, 'pt-traffic')).toMatchObject({ deadlinesMissed: 2 });
    expect(counts(march, 'pt-traffic').changes.missed).toBe(1);
    expect(counts(march, 'de-traffic')).toMatchObject({ deadlinesMissed: 1 });
    expect(counts(march, 'de-traffic').changes.missed).toBe(0);
  });

  it('keeps a partner who left on the complete months they have records in, and only those', () => {
    expect(counts(february, 'pt-left').renewals).toBe(1);
    expect(lines(february, 'pt-left')).toMatchObject({ base: 1, renewedAfterFirstMonth: 1 });
    expect(march.partners.map((p) => p.partnerId)).not.toContain('pt-left');
  });

  it('gives a partner who left no page of their own', async () => {
    expect(await loadPartnerScorecardPage(database.db, 'pt-left', policy, NOW)).toBeNull();
    expect(await loadPartnerScorecardPage(database.db, 'pt-old', policy, NOW)).not.toBeNull();
  });

  it('pays a partner who is CS and paid traffic only on the clients they run as paid traffic', () => {
    // Both renewals are in cs-pt's figures; one is in their money lines, one in pt-runs'.
    expect(counts(march, 'cs-pt').renewals).toBe(2);
    expect(lines(march, 'cs-pt')).toMatchObject({ renewedAfterFirstMonth: 1 });
    expect(lines(march, 'pt-runs')).toMatchObject({ renewedAfterFirstMonth: 1 });
  });
});
