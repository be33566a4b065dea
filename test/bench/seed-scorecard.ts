import type { Database } from '../../db/client.ts';
import {
  changeRequests,
  clientContacts,
  clientMilestones,
  clientRefunds,
  clientRenewals,
  clients,
  clientTeamMembers,
  satisfactionSurveys,
  taskRequests,
  userRoles,
  users,
} from '../../db/schema/index.ts';
import type { PartnerRole } from '../../src/policy/index.ts';
import { addDaysToIsoDate, policy, zonedTimeToInstant } from '../../src/policy/index.ts';
import type { PipelineStage } from '../../src/server/deadlines/deadline-rules.ts';
import { insertChunked } from './seed-chunks.ts';
import { seedBenchScorecardPieces } from './seed-scorecard-pieces.ts';

/**
 * The month the admin scorecard is measured on: October 2026, closed two months before the
 * bench's clock, which no other bench seed reaches (their records are of the last days, or
 * spread over years at one a day): the month holds only this seed's records at 1× and at 10×.
 */
export const SCORECARD_BENCH_MONTH = '2026-10';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CLIENTS = 120;
const TEAM: [PartnerRole, number][] = [
  ['cs', 6],
  ['paid_traffic', 16],
  ['design', 8],
];
const at = (day: string, time: string) => zonedTimeToInstant(day, time, policy.agency.timeZone);
const october = (day: number) => `${SCORECARD_BENCH_MONTH}-${String(day).padStart(2, '0')}`;
const after = (from: Date, ms: number) => new Date(from.getTime() + ms);
const renewalOf = (i: number, serviceEndsOn: string) => ({
  clientId: `score-client-${i}`,
  serviceEndsOn,
  renewedUntil: `2026-11${serviceEndsOn.slice(7)}`,
  renewedAt: at(addDaysToIsoDate(serviceEndsOn, -3), '15:00'),
});

/** One client's pipeline: new in October (paid, launched…), or ending its service in it. */
function pipelineOf(i: number) {
  if (i % 2 === 0) {
    const paid = at(october(1 + (i % 25)), '10:00');
    const received = after(paid, DAY);
    // Every fifth contact and every fourth launch late.
    const stages: [PipelineStage, Date][] = [
      ['paid', paid],
      ['contacted', after(paid, i % 5 === 0 ? 2 * HOUR : 30 * 60_000)],
      ['questionnaire_received', received],
      ['strategy_agreed', after(received, 20 * HOUR)],
      ['launched', after(received, i % 4 === 0 ? 80 * HOUR : 60 * HOUR)],
      ['checked_in', after(received, 9 * DAY)],
    ];
    return { stages, endsOn: null, renewal: null };
  }
  // Paid in July; its service ends in October: lost, or renewed 3 days before, to November.
  const paid = at(`2026-07-${String(1 + (i % 28)).padStart(2, '0')}`, '10:00');
  const endsOn = october(1 + (i % 28));
  const stages: [PipelineStage, Date][] = [
    ['paid', paid],
    ['contacted', after(paid, 20 * 60_000)],
    ['questionnaire_received', after(paid, DAY)],
    ['strategy_agreed', after(paid, 2 * DAY)],
    ['launched', after(paid, 3 * DAY)],
    ['checked_in', after(paid, 10 * DAY)],
  ];
  if (i % 3 === 0) stages.push(['lost', at(endsOn, '12:00')]);
  const renewal = i % 3 ? renewalOf(i, endsOn) : null;
  return { stages, endsOn: renewal?.renewedUntil ?? endsOn, renewal };
}

/**
 * 30 partners (6 CS, 16 paid traffic, 8 design) and a month of their work: 120 clients,
 * half new in October (the pipeline from payment to check-in, some contacts and launches
 * late, some refunds in the first days), half ending their service in it (renewed or lost);
 * per client 5 changes, 3 pieces due (each sent to the client, a third after its due day),
 * 2 tasks and 3 satisfaction answers.
 */
export async function seedBenchScorecard(db: Database, now: Date) {
  const people = TEAM.flatMap(([role, count]) =>
    Array.from({ length: count }, (_, k) => ({ id: `score-${role}-${k}`, role })),
  );
  await insertChunked(
    db,
    users,
    people.map(({ id }) => ({ id, email: `${id}@ponte.example`, name: id, createdAt: now })),
  );
  await insertChunked(
    db,
    userRoles,
    people.map(({ id, role }) => ({ userId: id, role })),
  );
  const person = (role: PartnerRole, i: number) =>
    `score-${role}-${i % (TEAM.find(([r]) => r === role)?.[1] ?? 1)}`;
  const ids = Array.from({ length: CLIENTS }, (_, i) => `score-client-${i}`);
  const pipelines = ids.map((_, i) => pipelineOf(i));
  await insertChunked(
    db,
    clients,
    ids.map((id, i) => ({
      id,
      name: `Cliente do placar ${i}`,
      csUserId: person('cs', i),
      serviceStartsOn: null,
      serviceEndsOn: pipelines[i]?.endsOn ?? null,
      createdAt: now,
    })),
  );
  await insertChunked(
    db,
    clientContacts,
    ids.map((clientId) => ({
      id: `${clientId}-contact`,
      clientId,
      name: 'Contato',
      email: `${clientId}@cliente.example`,
      createdAt: now,
    })),
  );
  await insertChunked(
    db,
    clientTeamMembers,
    // On the team from the client's payment: they count its whole month.
    ids.flatMap((clientId, i) =>
      (['paid_traffic', 'design'] as const).map((role) => ({
        clientId,
        userId: person(role, i),
        role,
        addedAt: pipelines[i]?.stages[0]?.[1] ?? now,
      })),
    ),
  );
  await insertChunked(
    db,
    clientMilestones,
    ids.flatMap((clientId, i) =>
      (pipelines[i]?.stages ?? []).map(([kind, occurredAt]) => ({ clientId, kind, occurredAt })),
    ),
  );
  const renewals = pipelines.flatMap((p) => p.renewal ?? []);
  await insertChunked(db, clientRenewals, renewals);
  await insertChunked(
    db,
    clientRefunds,
    ids.flatMap((clientId, i) => {
      const paid = pipelines[i]?.stages[0]?.[1];
      if (i % 6 !== 0 || !paid) return [];
      const paidOn = october(1 + (i % 25));
      return [
        {
          id: `${clientId}-refund`,
          clientId,
          serviceStartsOn: paidOn,
          requestedOn: addDaysToIsoDate(paidOn, 3),
          recordedBy: person('cs', i),
          recordedAt: now,
        },
      ];
    }),
  );
  await insertChunked(
    db,
    changeRequests,
    ids.flatMap((clientId, i) =>
      Array.from({ length: 5 }, (_, k) => {
        const requestedAt = at(october(1 + ((i + 5 * k) % 28)), '10:00');
        const kind = k % 2 === 0 ? ('post' as const) : ('targetingOrText' as const);
        const hours = kind === 'post' ? 40 : k === 3 ? 6 : 3;
        return {
          id: `${clientId}-change-${k}`,
          clientId,
          kind,
          summary: 'Ajuste',
          requestedAt,
          dueAt: requestedAt,
          doneAt: after(requestedAt, hours * HOUR),
        };
      }),
    ),
  );
  await seedBenchScorecardPieces(db, ids, person, october, now);
  await insertChunked(
    db,
    taskRequests,
    ids.flatMap((clientId, i) =>
      [0, 1].map((k) => {
        const dueOn = october(1 + ((i + 11 * k) % 28));
        return {
          id: `${clientId}-task-${k}`,
          clientId,
          requesterId: person('cs', i),
          requesterRole: 'cs' as const,
          assigneeRole: k === 0 ? ('paid_traffic' as const) : ('design' as const),
          assigneeId: k === 0 ? person('paid_traffic', i) : person('design', i),
          what: 'Tarefa',
          why: 'Rotina',
          dueOn,
          status: 'completed' as const,
          createdAt: at(addDaysToIsoDate(dueOn, -3), '10:00'),
          updatedAt: at(addDaysToIsoDate(dueOn, i % 7 === 0 ? 1 : 0), '16:00'),
        };
      }),
    ),
  );
  await insertChunked(
    db,
    satisfactionSurveys,
    ids.flatMap((clientId, i) =>
      (['check_in', 'piece_approved', 'request_done'] as const).map((trigger, k) => ({
        id: `${clientId}-survey-${k}`,
        clientId,
        contactId: `${clientId}-contact`,
        trigger,
        subjectId: trigger === 'piece_approved' ? `${clientId}-piece-0-round` : `${clientId}-${k}`,
        tokenHash: `${clientId}-survey-${k}`,
        createdAt: at(october(1 + ((i + 9 * k) % 28)), '09:00'),
        expiresAt: at(october(28), '09:00'),
        answeredAt: at(october(1 + ((i + 9 * k) % 28)), '18:00'),
        score: 1 + ((i + k) % 5),
      })),
    ),
  );
}
