import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '../../db/client.ts';
import { agencyTime, scorecardRecords } from './scorecard-records.ts';

// The clock: 20 March 2026, midday in São Paulo; March is counted so far.
export const SCORECARD_NOW = agencyTime('2026-03-20 12:00');

/**
 * A small agency: a CS (cs1) with three clients; paid traffic pt1 (clients A and C), pt2
 * (client B), idle (no work) and gone (inactive, on A's team; pt2 is on it as a designer without the role); designers de1 (A's, and the
 * designer of pieces P1 and P3) and de2 (uploaded P1's first version); an admin (boss).
 */
export async function seedScorecardAgency(db: Database) {
  const r = scorecardRecords(db);
  const writes: BatchItem<'sqlite'>[] = [
    ...r.person('cs1', ['cs']),
    ...r.person('pt1', ['paid_traffic']),
    ...r.person('pt2', ['paid_traffic']),
    ...r.person('idle', ['paid_traffic']),
    ...r.person('gone', ['paid_traffic'], false),
    ...r.person('de1', ['design']),
    ...r.person('de2', ['design']),
    ...r.person('boss', ['admin']),
    // A: paid 2 March, contacted in time; questionnaire on the 3rd, launched an hour late,
    // no strategy nor check-in recorded (both missed); no refund in its first days.
    ...r.client('client-a', 'cs1'),
    r.team('client-a', 'pt1', 'paid_traffic'),
    r.team('client-a', 'gone', 'paid_traffic'),
    r.team('client-a', 'de1', 'design'),
    // pt2 on A's team as a designer, a role pt2 does not hold: the row counts for nothing.
    r.team('client-a', 'pt2', 'design'),
    r.milestone('client-a', 'paid', '2026-03-02 10:00'),
    r.milestone('client-a', 'contacted', '2026-03-02 10:30'),
    r.milestone('client-a', 'questionnaire_received', '2026-03-03 12:00'),
    r.milestone('client-a', 'launched', '2026-03-06 13:00'),
    // B: paid in February, contacted in time; its first days end 6 March, without a refund.
    ...r.client('client-b', 'cs1'),
    r.team('client-b', 'pt2', 'paid_traffic'),
    r.milestone('client-b', 'paid', '2026-02-25 10:00'),
    r.milestone('client-b', 'contacted', '2026-02-25 10:20'),
    // C: came before Ponte (no payment recorded), asked its money back on its 4th day.
    ...r.client('client-c', 'cs1', { startsOn: '2026-03-05' }),
    r.team('client-c', 'pt1', 'paid_traffic'),
    r.refund('client-c', '2026-03-05', '2026-03-08', 'cs1'),
    // Pieces due 12 March: P1 first sent to the internal review the day before (met); P3
    // first sent to the client the day after (missed); P2's project has no designer.
    ...r.piece('p1', 'client-a', 'de1', '2026-03-12'),
    ...r.version('p1', 1, 'de2', { to: 'review', at: '2026-03-11 09:00' }),
    ...r.version('p1', 2, 'de1', { to: 'client', at: '2026-03-12 10:00' }),
    ...r.piece('p3', 'client-a', 'de1', '2026-03-12'),
    ...r.version('p3', 1, 'de1', { to: 'client', at: '2026-03-13 09:00' }),
    ...r.piece('p2', 'client-a', null, null),
    // Changes: P1's post change (de1, in time); a targeting change done an hour late (pt1);
    // a post change asked yesterday, due tomorrow (de1, ahead); P2's targeting change (pt1).
    r.change('client-a', 'post', '2026-03-13 10:00', '2026-03-14 10:00', 'p1'),
    r.change('client-a', 'targetingOrText', '2026-03-10 10:00', '2026-03-10 15:00'),
    r.change('client-a', 'post', '2026-03-19 14:00', null),
    r.change('client-a', 'targetingOrText', '2026-03-16 10:00', '2026-03-16 11:00', 'p2'),
    // pt1's tasks: done on its due day's last minute (met); never done (missed); returned
    // on its due day (nobody's); due in February and done in March (February's).
    r.task('client-a', 'pt1', '2026-03-05', { status: 'completed', at: '2026-03-05 23:59' }),
    r.task('client-a', 'pt1', '2026-03-04', { status: 'accepted', at: '2026-03-01 10:00' }),
    r.task('client-a', 'pt1', '2026-03-06', { status: 'returned', at: '2026-03-06 23:59' }),
    r.task('client-a', 'pt1', '2026-02-27', { status: 'completed', at: '2026-03-02 10:00' }),
    // Answers: P1's approval (5); A's check-in (2, low); two on each side of 1 March 00:00.
    r.answer('client-a', 'piece_approved', 'p1-v2-round', '2026-03-15 10:00', 5),
    r.answer('client-a', 'check_in', 'client-a', '2026-03-16 10:00', 2),
    r.answer('client-b', 'request_done', 'request-1', '2026-02-28 23:59', 3),
    r.answer('client-b', 'request_done', 'request-2', '2026-03-01 00:00', 4),
  ];
  await db.batch(writes as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
}
