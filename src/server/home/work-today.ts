import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { aliased } from '../../../db/aliased.ts';
import type { Database } from '../../../db/client.ts';
import {
  clients,
  onboardings,
  type PieceStatus,
  pieces,
  projects,
  taskRequests,
} from '../../../db/schema/index.ts';
import type { Viewer } from '../auth/viewer.ts';
import { onTeam } from '../clients/team-membership.ts';
import { HOME_ITEMS } from './finance-today.ts';

// Every row carries the count of all that matched, so a block's count and its first items
// are one query: the window runs over the matches before the limit cuts them.
const matched = sql<number>`count(*) over ()`.mapWith(Number);
// The task's own client and role, spelled out for the team check's subquery.
const TASK_CLIENT = sql.raw('"task_requests"."client_id"');
const TASK_ROLE = sql.raw('"task_requests"."assignee_role"');

/** Whose pieces a block lists: the clients a CS is in charge of, or the projects given to a designer. */
export type PieceOwner = { csOf: string } | { designerOf: string };

/** The first pieces in a status, nearest due date first, of a CS's clients or a designer's projects. */
export function readPiecesIn(db: Database, owner: PieceOwner, status: PieceStatus) {
  // A CS's pieces are found through their clients; a designer's through the ids of their
  // projects (a subquery: joined, SQLite may read every piece to match the projects).
  const whose = and(
    'csOf' in owner
      ? eq(clients.csUserId, owner.csOf)
      : inArray(
          pieces.projectId,
          db
            .select({ id: projects.id })
            .from(projects)
            .where(eq(projects.designerId, owner.designerOf)),
        ),
    eq(pieces.status, status),
  );
  // A piece-heavy CS has thousands awaiting clients: counted apart (once, from the index of
  // pieces by client and status), the first few are a top-N sort, where a window's count
  // (or one ranking both statuses) kept and sorted every row.
  const count = db
    .select({ n: sql<number>`count(*)` })
    .from(pieces)
    .innerJoin(clients, eq(clients.id, pieces.clientId))
    .where(whose);
  return (
    db
      .select({
        id: pieces.id,
        title: pieces.title,
        dueOn: pieces.dueOn,
        clientName: aliased(clients.name, 'client_name'),
        matched: sql<number>`(${count})`.mapWith(Number),
      })
      .from(pieces)
      .innerJoin(clients, eq(clients.id, pieces.clientId))
      .where(whose)
      // Same-day pieces in the order they were made: sorted by what the index holds (client,
      // status, due date, row), the thousands a CS may have are never read for their titles.
      .orderBy(sql`${pieces.dueOn} is null`, asc(pieces.dueOn), sql`"pieces"."rowid"`)
      .limit(HOME_ITEMS)
  );
}

/** The questionnaires a CS's clients have open (not yet submitted), oldest first. */
export function readOpenQuestionnaires(db: Database, csId: string) {
  // Through the ids of the CS's clients: joined, SQLite may read every questionnaire.
  const theirClients = db
    .select({ id: clients.id })
    .from(clients)
    .where(eq(clients.csUserId, csId));
  return db
    .select({
      clientId: clients.id,
      clientName: clients.name,
      startedAt: onboardings.createdAt,
      matched,
    })
    .from(onboardings)
    .innerJoin(clients, eq(clients.id, onboardings.clientId))
    .where(and(inArray(onboardings.clientId, theirClients), eq(onboardings.status, 'open')))
    .orderBy(asc(onboardings.createdAt))
    .limit(HOME_ITEMS);
}

const TASK_COLUMNS = {
  id: taskRequests.id,
  what: taskRequests.what,
  status: taskRequests.status,
  dueOn: taskRequests.dueOn,
  clientName: aliased(clients.name, 'client_name'),
  matched,
};

/**
 * The requests a person is to act on, nearest due first: given to them by name and not
 * finished, or still open without a name on a client whose team they are on in the role asked
 * (as the tasks page lets them act).
 */
export function readTasksToMe(db: Database, viewer: Viewer) {
  return db
    .select(TASK_COLUMNS)
    .from(taskRequests)
    .innerJoin(clients, eq(clients.id, taskRequests.clientId))
    .where(
      or(
        and(
          eq(taskRequests.assigneeId, viewer.id),
          inArray(taskRequests.status, ['open', 'accepted']),
        ),
        and(
          isNull(taskRequests.assigneeId),
          eq(taskRequests.status, 'open'),
          onTeam(viewer.id, TASK_CLIENT, TASK_ROLE),
        ),
      ),
    )
    .orderBy(asc(taskRequests.dueOn), asc(taskRequests.createdAt))
    .limit(HOME_ITEMS);
}

/** The requests a person asked for that are not finished (open, accepted or returned), newest first. */
export function readMyRequests(db: Database, viewer: Viewer) {
  return db
    .select(TASK_COLUMNS)
    .from(taskRequests)
    .innerJoin(clients, eq(clients.id, taskRequests.clientId))
    .where(
      and(
        eq(taskRequests.requesterId, viewer.id),
        inArray(taskRequests.status, ['open', 'accepted', 'returned']),
      ),
    )
    .orderBy(desc(taskRequests.updatedAt))
    .limit(HOME_ITEMS);
}

/** A block from its query's rows: how many matched, and the first of them. */
export function blockOf<Row extends { matched: number }>(rows: Row[]) {
  return {
    count: rows[0]?.matched ?? 0,
    items: rows.map(({ matched: _, ...item }) => item),
  };
}
