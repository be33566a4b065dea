import { type AnyColumn, and, eq, gte, isNotNull, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { RowsOf } from '../../../db/batch-rows.ts';
import type { Database } from '../../../db/client.ts';
import { prebuiltRead } from '../../../db/prebuilt-read.ts';
import {
  approvalRounds,
  changeRequests,
  clientMilestones,
  clientRefunds,
  clientRenewals,
  clients,
  clientTeamMembers,
  pieces,
  pieceVersions,
  projects,
  satisfactionSurveys,
  taskRequests,
  userRoles,
  users,
} from '../../../db/schema/index.ts';
import type { Policy } from '../../policy/index.ts';
import { OUTER_CLIENT_ID } from '../clients/team-membership.ts';
import type { ScorecardBounds } from './scorecard-range.ts';

// Each read's SQL is printed once (prebuiltRead): the bounds are placeholders.
const P = {
  roles: sql.placeholder('roles'),
  start: sql.placeholder('start'),
  end: sql.placeholder('end'),
  firstDay: sql.placeholder('firstDay'),
  dayAfter: sql.placeholder('dayAfter'),
  milestonesFrom: sql.placeholder('milestonesFrom'),
  serviceEndsFrom: sql.placeholder('serviceEndsFrom'),
  serviceEndsTo: sql.placeholder('serviceEndsTo'),
  serviceStartsFrom: sql.placeholder('serviceStartsFrom'),
  changesFrom: sql.placeholder('changesFrom'),
};

// Why JSON: a month of 120 clients is some 3,000 records, and the driver's cost is per value
// returned (in the bench's profile, turning rows into objects was half the page's CPU). Each
// read but the partners' returns ONE row: its records as one JSON array SQLite builds, of one
// tuple per record (documented beside each read), grouped in JS (a GROUP BY sorted them
// first: twice the statement's cost). A list nested in a record is a subquery's JSONB, which
// json_array takes as JSON as it is; its JSON text would lose its JSON subtype in the subquery
// and need json() to parse it again (a sixth of the clients' read).
const tuples = (...values: (SQL | SQL.Aliased | AnyColumn)[]) =>
  sql<string>`json_group_array(json_array(${sql.join(values, sql`, `)}))`.as('records');

/**
 * The clients whose pipeline can count in the range, each found through an index: a milestone
 * recently enough (a deadline it starts, a loss, a first payment), a renewal recorded from then
 * on (counted in the range, or after it: a renewed service's renewal contact missed in it, or
 * its loss by date), a service end whose renewal deadline or loss by date can fall in it, a
 * service start whose first days can end in it. Which of their deadlines do fall in the
 * range, the rules decide.
 */
const candidateClients = sql`select ${clientMilestones.clientId} from ${clientMilestones}
  where ${clientMilestones.occurredAt} >= ${P.milestonesFrom} and ${clientMilestones.occurredAt} < ${P.end}
  union select ${clientRenewals.clientId} from ${clientRenewals}
  where ${clientRenewals.renewedAt} >= ${P.milestonesFrom}
  union select ${clients.id} from ${clients}
  where ${clients.serviceEndsOn} >= ${P.serviceEndsFrom} and ${clients.serviceEndsOn} < ${P.serviceEndsTo}
  union select ${clients.id} from ${clients}
  where ${clients.serviceStartsOn} >= ${P.serviceStartsFrom} and ${clients.serviceStartsOn} < ${P.dayAfter}`;

// The changes asked for that can fall due in the range.
const changesInReach = sql`${changeRequests.requestedAt} >= ${P.changesFrom} and ${changeRequests.requestedAt} < ${P.end}`;

// The answers given in the range.
const answersInRange = and(
  gte(satisfactionSurveys.answeredAt, P.start),
  lt(satisfactionSurveys.answeredAt, P.end),
  isNotNull(satisfactionSurveys.score),
  isNull(satisfactionSurveys.voidedAt),
) as SQL;

/**
 * The people holding a scorecard role, one row per such role, active or not (one who left
 * keeps the complete months they worked: see isOnMonth).
 */
const readPartners = prebuiltRead((db) =>
  db
    .select({ id: users.id, name: users.name, role: userRoles.role, active: users.active })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(sql`${userRoles.role} in (select value from json_each(${P.roles}))`),
);

/**
 * The candidate clients: `[id, csUserId, serviceStartsOn, serviceEndsOn, {stage: ms},
 * {serviceStartsOn: refundRequestedOn}, [[serviceEndsOn, renewedAt, renewedUntil], …], [[userId, role,
 * addedAt], …]]` (a refund per service, the renewals, the team). The client's id is spelled
 * out in the subqueries: drizzle leaves a one-table select's columns unqualified, and a bare
 * "id" there would be the refund's own. The team comes with the client, through the team's
 * key, rather than from a second pass over the candidates in the teams' read.
 */
const readClients = prebuiltRead((db) =>
  db
    .select({
      records: tuples(
        clients.id,
        clients.csUserId,
        clients.serviceStartsOn,
        clients.serviceEndsOn,
        sql`(select jsonb_group_object(${clientMilestones.kind}, ${clientMilestones.occurredAt}) from ${clientMilestones} where ${clientMilestones.clientId} = ${OUTER_CLIENT_ID})`,
        sql`(select jsonb_group_object(${clientRefunds.serviceStartsOn}, ${clientRefunds.requestedOn}) from ${clientRefunds} where ${clientRefunds.clientId} = ${OUTER_CLIENT_ID})`,
        sql`(select jsonb_group_array(json_array(${clientRenewals.serviceEndsOn}, ${clientRenewals.renewedAt}, ${clientRenewals.renewedUntil})) from ${clientRenewals} where ${clientRenewals.clientId} = ${OUTER_CLIENT_ID})`,
        sql`(select jsonb_group_array(json_array(${clientTeamMembers.userId}, ${clientTeamMembers.role}, ${clientTeamMembers.addedAt})) from ${clientTeamMembers} where ${clientTeamMembers.clientId} = ${OUTER_CLIENT_ID})`,
      ),
    })
    .from(clients)
    .where(sql`${clients.id} in (${candidateClients})`),
);

// The traffic pieces due in the range: their due day is their client's paid-traffic team's.
const trafficPiecesDue = sql`${pieces.discipline} = 'traffic' and ${pieces.dueOn} >= ${P.firstDay} and ${pieces.dueOn} < ${P.dayAfter}`;

/**
 * The teams of the other clients the records name: those of the changes in reach (a change
 * without a designer goes to the client's team by its kind) and those of the traffic pieces
 * due: `[clientId, userId, role, addedAt]`. A candidate's team comes with it (readClients), so
 * a client among both is read twice and kept once (teamsOf).
 */
const readTeams = prebuiltRead((db) =>
  db
    .select({
      records: tuples(
        clientTeamMembers.clientId,
        clientTeamMembers.userId,
        clientTeamMembers.role,
        clientTeamMembers.addedAt,
      ),
    })
    .from(clientTeamMembers)
    .where(
      sql`${clientTeamMembers.clientId} in (select ${changeRequests.clientId} from ${changeRequests} where ${changesInReach} union select ${pieces.clientId} from ${pieces} where ${trafficPiecesDue})`,
    ),
);

/**
 * The changes asked for that can fall due in the range: `[clientId, kind, requestedAt, doneAt,
 * designerId, discipline]`, the designer of the project of the piece a change touches and the
 * piece's discipline (null: no piece).
 */
const readChanges = prebuiltRead((db) =>
  db
    .select({
      records: tuples(
        changeRequests.clientId,
        changeRequests.kind,
        changeRequests.requestedAt,
        changeRequests.doneAt,
        projects.designerId,
        pieces.discipline,
      ),
    })
    .from(changeRequests)
    .leftJoin(pieces, eq(pieces.id, changeRequests.pieceId))
    .leftJoin(projects, eq(projects.id, pieces.projectId))
    .where(changesInReach),
);

/**
 * The other deadlines falling due in the range: `[personId, dueOn, doneAt, returnedAt,
 * trafficClientId]`, of
 * - the tasks assigned to someone, done when completed, at its last update (a completed or
 *   returned task is never touched again), returned at its last update when returned;
 * - the design pieces with a designer (the person) and the traffic pieces (their client, whose
 *   paid-traffic team they are), done when first sent on.
 */
const readOtherDeadlines = prebuiltRead((db) => {
  const tasks = db
    .select({
      personId: sql`${taskRequests.assigneeId}`.as('person_id'),
      dueOn: sql`${taskRequests.dueOn}`.as('due_on'),
      doneAt:
        sql`case when ${taskRequests.status} = 'completed' then ${taskRequests.updatedAt} end`.as(
          'done_at',
        ),
      returnedAt:
        sql`case when ${taskRequests.status} = 'returned' then ${taskRequests.updatedAt} end`.as(
          'returned_at',
        ),
      trafficClientId: sql`null`.as('traffic_client_id'),
    })
    .from(taskRequests)
    .where(
      and(
        gte(taskRequests.dueOn, P.firstDay),
        lt(taskRequests.dueOn, P.dayAfter),
        isNotNull(taskRequests.assigneeId),
      ),
    );
  const designs = db
    .select({
      personId: sql`case when ${pieces.discipline} = 'design' then ${projects.designerId} end`.as(
        'person_id',
      ),
      dueOn: sql`${pieces.dueOn}`.as('due_on'),
      // First sent on: to the agency's review or to the client (pieces.firstSentAt).
      doneAt: sql`${pieces.firstSentAt}`.as('done_at'),
      returnedAt: sql`null`.as('returned_at'),
      trafficClientId:
        sql`case when ${pieces.discipline} = 'traffic' then ${pieces.clientId} end`.as(
          'traffic_client_id',
        ),
    })
    .from(pieces)
    .innerJoin(projects, eq(projects.id, pieces.projectId))
    .where(
      and(
        gte(pieces.dueOn, P.firstDay),
        lt(pieces.dueOn, P.dayAfter),
        sql`(${pieces.discipline} = 'traffic' or ${projects.designerId} is not null)`,
      ),
    );
  const all = tasks.unionAll(designs).as('deadlines');
  return db
    .select({
      records: tuples(all.personId, all.dueOn, all.doneAt, all.returnedAt, all.trafficClientId),
    })
    .from(all);
});

// Who uploaded the versions of the answer's piece (`[userId, …]`), null for another answer
// (not looked for: most answers are not about a piece).
const uploadersOfPiece = sql`case when ${approvalRounds.pieceId} is not null then (select jsonb_group_array(distinct ${pieceVersions.createdBy}) from ${pieceVersions} where ${pieceVersions.pieceId} = ${approvalRounds.pieceId} and ${pieceVersions.createdBy} is not null) end`;

/**
 * The answers given in the range: `[csUserId, answeredAt, score, pieceId, designerId,
 * uploaders]`, the client's CS and, for an answer about a piece's approval, the piece, its
 * designer and who uploaded its versions.
 */
const readAnswers = prebuiltRead((db) =>
  db
    .select({
      records: tuples(
        clients.csUserId,
        satisfactionSurveys.answeredAt,
        satisfactionSurveys.score,
        approvalRounds.pieceId,
        projects.designerId,
        uploadersOfPiece,
      ),
    })
    .from(satisfactionSurveys)
    .innerJoin(clients, eq(clients.id, satisfactionSurveys.clientId))
    .leftJoin(
      approvalRounds,
      and(
        eq(satisfactionSurveys.trigger, 'piece_approved'),
        eq(approvalRounds.id, satisfactionSurveys.subjectId),
      ),
    )
    .leftJoin(pieces, eq(pieces.id, approvalRounds.pieceId))
    .leftJoin(projects, eq(projects.id, pieces.projectId))
    .where(answersInRange),
);

/**
 * Every record a range of months' scorecards are counted from, as reads for one batch (one
 * round trip): the partners, the clients whose pipeline can count (milestones, refunds) and
 * their teams, the changes, tasks and pieces that can fall due, the answers given.
 */
export function readScorecardRecords(db: Database, bounds: ScorecardBounds, rules: Policy) {
  const values = {
    roles: JSON.stringify(rules.incentives.scorecardRoles),
    start: bounds.start,
    end: bounds.end,
    firstDay: bounds.firstDay,
    dayAfter: bounds.dayAfter,
    milestonesFrom: bounds.milestonesFrom,
    serviceEndsFrom: bounds.serviceEndsFrom,
    serviceEndsTo: bounds.serviceEndsTo,
    serviceStartsFrom: bounds.serviceStartsFrom,
    changesFrom: bounds.changesFrom,
  };
  return [
    readPartners(db, values),
    readClients(db, values),
    readTeams(db, values),
    readChanges(db, values),
    readOtherDeadlines(db, values),
    readAnswers(db, values),
  ] as const;
}

/** The rows of readScorecardRecords once its batch has run. */
export type ScorecardRecords = RowsOf<ReturnType<typeof readScorecardRecords>>;
