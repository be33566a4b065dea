import { and, eq, gte, inArray, isNotNull, isNull, lt, ne, type SQL, sql } from 'drizzle-orm';
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

// The changes asked for that can fall due in the range.
const changesInReach = and(
  gte(changeRequests.requestedAt, P.changesFrom),
  lt(changeRequests.requestedAt, P.end),
) as SQL;

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

/** The candidate clients with each of their milestones (none: one row, the stage null). */
const readClientMilestones = prebuiltRead((db) =>
  db
    .select({
      clientId: clients.id,
      csUserId: clients.csUserId,
      serviceStartsOn: clients.serviceStartsOn,
      serviceEndsOn: clients.serviceEndsOn,
      stage: clientMilestones.kind,
      occurredAt: clientMilestones.occurredAt,
    })
    .from(clients)
    .leftJoin(clientMilestones, eq(clientMilestones.clientId, clients.id))
    .where(sql`${clients.id} in (${candidateClients})`),
);

/** The candidate clients' refunds, per service. */
const readRefunds = prebuiltRead((db) =>
  db
    .select({
      clientId: clientRefunds.clientId,
      serviceStartsOn: clientRefunds.serviceStartsOn,
      requestedOn: clientRefunds.requestedOn,
    })
    .from(clientRefunds)
    .where(sql`${clientRefunds.clientId} in (${candidateClients})`),
);

/** The changes that can fall due in the range, with the designer of the piece they touch. */
const readChanges = prebuiltRead((db) =>
  db
    .select({
      clientId: changeRequests.clientId,
      pieceId: changeRequests.pieceId,
      designerId: projects.designerId,
      kind: changeRequests.kind,
      requestedAt: changeRequests.requestedAt,
      doneAt: changeRequests.doneAt,
    })
    .from(changeRequests)
    .leftJoin(pieces, eq(pieces.id, changeRequests.pieceId))
    .leftJoin(projects, eq(projects.id, pieces.projectId))
    .where(changesInReach),
);

/**
 * The teams of the clients the records name: the candidates (their pipeline) and those of the
 * changes in reach (a change without a piece goes to the client's team by its kind).
 */
const readTeams = prebuiltRead((db) =>
  db
    .select({
      clientId: clientTeamMembers.clientId,
      userId: clientTeamMembers.userId,
      role: clientTeamMembers.role,
    })
    .from(clientTeamMembers)
    .where(
      sql`${clientTeamMembers.clientId} in (${candidateClients} union select ${changeRequests.clientId} from ${changeRequests} where ${changesInReach})`,
    ),
);

/** The tasks assigned to someone and due in the range (a returned one is nobody's to do). */
const readTasks = prebuiltRead((db) =>
  db
    .select({
      assigneeId: sql<string>`${taskRequests.assigneeId}`,
      dueOn: taskRequests.dueOn,
      status: taskRequests.status,
      updatedAt: taskRequests.updatedAt,
    })
    .from(taskRequests)
    .where(
      and(
        gte(taskRequests.dueOn, P.firstDay),
        lt(taskRequests.dueOn, P.dayAfter),
        isNotNull(taskRequests.assigneeId),
        ne(taskRequests.status, 'returned'),
      ),
    ),
);

/**
 * The pieces due in the range with a designer, and when each was first sent on: to the
 * agency's own review or to the client, whichever came first (each the oldest by its index).
 */
const readPieces = prebuiltRead((db) =>
  db
    .select({
      designerId: sql<string>`${projects.designerId}`,
      dueOn: sql<string>`${pieces.dueOn}`,
      firstRoundAt: sql<
        number | null
      >`(select min(${approvalRounds.createdAt}) from ${approvalRounds} where ${approvalRounds.pieceId} = ${pieces.id})`,
      firstReviewAt: sql<
        number | null
      >`(select min(${internalReviews.createdAt}) from ${internalReviews} where ${internalReviews.pieceId} = ${pieces.id})`,
    })
    .from(pieces)
    .innerJoin(projects, eq(projects.id, pieces.projectId))
    .where(
      and(
        gte(pieces.dueOn, P.firstDay),
        lt(pieces.dueOn, P.dayAfter),
        isNotNull(projects.designerId),
      ),
    ),
);

/** The answers given in the range, with the client's CS and, for a piece's, the piece. */
const readAnswers = prebuiltRead((db) =>
  db
    .select({
      csUserId: clients.csUserId,
      answeredAt: sql<number>`${satisfactionSurveys.answeredAt}`,
      score: sql<number>`${satisfactionSurveys.score}`,
      pieceId: approvalRounds.pieceId,
      designerId: projects.designerId,
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

/** Who uploaded the versions of the pieces answered about in the range. */
const readUploaders = prebuiltRead((db) =>
  db
    .selectDistinct({
      pieceId: pieceVersions.pieceId,
      userId: sql<string>`${pieceVersions.createdBy}`,
    })
    .from(pieceVersions)
    .where(
      and(
        isNotNull(pieceVersions.createdBy),
        inArray(
          pieceVersions.pieceId,
          db
            .select({ pieceId: approvalRounds.pieceId })
            .from(satisfactionSurveys)
            .innerJoin(approvalRounds, eq(approvalRounds.id, satisfactionSurveys.subjectId))
            .where(and(answersInRange, eq(satisfactionSurveys.trigger, 'piece_approved'))),
        ),
      ),
    ),
);

/**
 * Every record a range of months' scorecards are counted from, as reads for one batch (one
 * round trip): the partners, the clients whose pipeline can count with their milestones,
 * refunds and teams, the changes, tasks and pieces that can fall due, the answers given.
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
    readClientMilestones(db, values),
    readRefunds(db, values),
    readTeams(db, values),
    readChanges(db, values),
    readTasks(db, values),
    readPieces(db, values),
    readAnswers(db, values),
    readUploaders(db, values),
  ] as const;
}

/** The rows of readScorecardRecords once its batch has run. */
export type ScorecardRecords = RowsOf<ReturnType<typeof readScorecardRecords>>;
