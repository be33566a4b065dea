import { and, eq, gte, isNotNull, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { RowsOf } from '../../../db/batch-rows.ts';
import type { Database } from '../../../db/client.ts';
import { prebuiltRead } from '../../../db/prebuilt-read.ts';
import {
  approvalRounds,
  changeRequests,
  clientMilestones,
  clientRefunds,
  clients,
  clientTeamMembers,
  internalReviews,
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
// read returns one row per client or per person, its records one JSON value built by SQLite.

/**
 * The clients whose pipeline can count in the range, each found through an index: a milestone
 * recently enough (a deadline it starts, a renewal, a loss, a first payment), a service end
 * whose renewal deadline or loss by date can fall in it, a service start whose first days can
 * end in it. Which of their deadlines do fall in the range, the rules decide.
 */
const candidateClients = sql`select ${clientMilestones.clientId} from ${clientMilestones}
  where ${clientMilestones.occurredAt} >= ${P.milestonesFrom} and ${clientMilestones.occurredAt} < ${P.end}
  union select ${clients.id} from ${clients}
  where ${clients.serviceEndsOn} >= ${P.serviceEndsFrom} and ${clients.serviceEndsOn} < ${P.serviceEndsTo}
  union select ${clients.id} from ${clients}
  where ${clients.serviceStartsOn} >= ${P.serviceStartsFrom} and ${clients.serviceStartsOn} < ${P.dayAfter}`;

/** A client's team as `[[userId, role], …]`, correlated on the query's client id. */
const teamOf = (clientId: SQL | typeof changeRequests.clientId) =>
  sql<string>`(select json_group_array(json_array(${clientTeamMembers.userId}, ${clientTeamMembers.role})) from ${clientTeamMembers} where ${clientTeamMembers.clientId} = ${clientId})`;

// The answers given in the range.
const answersInRange = and(
  gte(satisfactionSurveys.answeredAt, P.start),
  lt(satisfactionSurveys.answeredAt, P.end),
  isNotNull(satisfactionSurveys.score),
  isNull(satisfactionSurveys.voidedAt),
) as SQL;

/** The active people holding a scorecard role, one row per such role. */
const readPartners = prebuiltRead((db) =>
  db
    .select({ id: users.id, name: users.name, role: userRoles.role })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(
      and(
        eq(users.active, true),
        sql`${userRoles.role} in (select value from json_each(${P.roles}))`,
      ),
    ),
);

/**
 * The candidate clients: their CS, service days, milestones (`{stage: ms}`), team and refunds
 * (`{serviceStartsOn: requestedOn}`: one per service). The client's id is spelled out in the
 * subqueries: drizzle leaves a one-table select's columns unqualified, and a bare "id" there
 * would be the refund's own.
 */
const readClients = prebuiltRead((db) =>
  db
    .select({
      clientId: clients.id,
      csUserId: clients.csUserId,
      serviceStartsOn: clients.serviceStartsOn,
      serviceEndsOn: clients.serviceEndsOn,
      milestones: sql<string>`(select json_group_object(${clientMilestones.kind}, ${clientMilestones.occurredAt}) from ${clientMilestones} where ${clientMilestones.clientId} = ${OUTER_CLIENT_ID})`,
      team: teamOf(OUTER_CLIENT_ID),
      refunds: sql<string>`(select json_group_object(${clientRefunds.serviceStartsOn}, ${clientRefunds.requestedOn}) from ${clientRefunds} where ${clientRefunds.clientId} = ${OUTER_CLIENT_ID})`,
    })
    .from(clients)
    .where(sql`${clients.id} in (${candidateClients})`),
);

/**
 * The changes asked for that can fall due in the range, per client and the designer of the
 * piece they touch (`[[kind, requestedAt, doneAt], …]`); without a designer, with the
 * client's team, whom such a change goes to by its kind.
 */
const readChanges = prebuiltRead((db) =>
  db
    .select({
      clientId: changeRequests.clientId,
      designerId: projects.designerId,
      changes: sql<string>`json_group_array(json_array(${changeRequests.kind}, ${changeRequests.requestedAt}, ${changeRequests.doneAt}))`,
      team: sql<
        string | null
      >`case when ${projects.designerId} is null then ${teamOf(changeRequests.clientId)} end`,
    })
    .from(changeRequests)
    .leftJoin(pieces, eq(pieces.id, changeRequests.pieceId))
    .leftJoin(projects, eq(projects.id, pieces.projectId))
    .where(
      and(gte(changeRequests.requestedAt, P.changesFrom), lt(changeRequests.requestedAt, P.end)),
    )
    .groupBy(changeRequests.clientId, projects.designerId),
);

// When a piece was first sent on: to the agency's own review or to the client, whichever
// came first (each the oldest by its index); null while neither happened.
const firstRound = sql`(select min(${approvalRounds.createdAt}) from ${approvalRounds} where ${approvalRounds.pieceId} = ${pieces.id})`;
const firstReview = sql`(select min(${internalReviews.createdAt}) from ${internalReviews} where ${internalReviews.pieceId} = ${pieces.id})`;
const firstSent = sql`min(coalesce(${firstRound}, ${firstReview}), coalesce(${firstReview}, ${firstRound}))`;

/**
 * The other deadlines falling due in the range, per person (`[[dueOn, doneAt], …]`):
 * - the tasks assigned to them, done when completed, at its last update (a completed task is
 *   never touched again); a returned task is left out: its assignee gave it back, it was not
 *   theirs to miss;
 * - the pieces they are the designer of, done when first sent on.
 */
const readOtherDeadlines = prebuiltRead((db) =>
  db
    .select({
      personId: sql<string>`${taskRequests.assigneeId}`.as('person_id'),
      deadlines:
        sql<string>`json_group_array(json_array(${taskRequests.dueOn}, case when ${taskRequests.status} = 'completed' then ${taskRequests.updatedAt} end))`.as(
          'deadlines',
        ),
    })
    .from(taskRequests)
    .where(
      and(
        gte(taskRequests.dueOn, P.firstDay),
        lt(taskRequests.dueOn, P.dayAfter),
        isNotNull(taskRequests.assigneeId),
        sql`${taskRequests.status} <> 'returned'`,
      ),
    )
    .groupBy(taskRequests.assigneeId)
    .unionAll(
      db
        .select({
          personId: sql<string>`${projects.designerId}`.as('person_id'),
          deadlines: sql<string>`json_group_array(json_array(${pieces.dueOn}, ${firstSent}))`.as(
            'deadlines',
          ),
        })
        .from(pieces)
        .innerJoin(projects, eq(projects.id, pieces.projectId))
        .where(
          and(
            gte(pieces.dueOn, P.firstDay),
            lt(pieces.dueOn, P.dayAfter),
            isNotNull(projects.designerId),
          ),
        )
        .groupBy(projects.designerId),
    ),
);

// Who uploaded the versions of the answer's piece (`[userId, …]`), null for another answer.
const uploadersOfPiece = sql`(select json_group_array(distinct ${pieceVersions.createdBy}) from ${pieceVersions} where ${pieceVersions.pieceId} = ${approvalRounds.pieceId} and ${pieceVersions.createdBy} is not null)`;

/**
 * The answers given in the range, per client's CS (`[[answeredAt, score, pieceId,
 * designerId, uploaders], …]`: for an answer about a piece's approval, the piece, its
 * designer and who uploaded its versions).
 */
const readAnswers = prebuiltRead((db) =>
  db
    .select({
      csUserId: clients.csUserId,
      answers: sql<string>`json_group_array(json_array(${satisfactionSurveys.answeredAt}, ${satisfactionSurveys.score}, ${approvalRounds.pieceId}, ${projects.designerId}, json(${uploadersOfPiece})))`,
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
    .where(answersInRange)
    .groupBy(clients.csUserId),
);

/**
 * Every record a range of months' scorecards are counted from, as reads for one batch (one
 * round trip): the partners, the clients whose pipeline can count (with milestones, team and
 * refunds), the changes, tasks and pieces that can fall due, the answers given.
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
    readChanges(db, values),
    readOtherDeadlines(db, values),
    readAnswers(db, values),
  ] as const;
}

/** The rows of readScorecardRecords once its batch has run. */
export type ScorecardRecords = RowsOf<ReturnType<typeof readScorecardRecords>>;
