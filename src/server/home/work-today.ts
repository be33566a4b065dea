import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { aliased } from '../../../db/aliased.ts';
import type { Database } from '../../../db/client.ts';
import { prebuiltRead } from '../../../db/prebuilt-read.ts';
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

// The home's reads of a person's work are printed once (see prebuiltRead: drizzle printing
// the home's statements on every request was a quarter of its CPU), the person a placeholder.
const PERSON = sql.placeholder('person');

/** The first pieces in a status, nearest due date first, of a CS's clients or a designer's projects. */
export function readPiecesIn(db: Database, owner: PieceOwner, status: PieceStatus) {
  const by = 'csOf' in owner ? 'csOf' : 'designerOf';
  const key = `${by} ${status}`;
  const read = piecesInReads.get(key) ?? piecesInRead(by, status);
  piecesInReads.set(key, read);
  return read(db, { person: 'csOf' in owner ? owner.csOf : owner.designerOf });
}

const piecesInReads = new Map<string, ReturnType<typeof piecesInRead>>();

/** readPiecesIn's statement for one kind of owner and one status. */
function piecesInRead(by: 'csOf' | 'designerOf', status: PieceStatus) {
  return prebuiltRead((db) => {
    // A CS's pieces are found through their clients; a designer's through the ids of their
    // projects (a subquery: joined, SQLite may read every piece to match the projects).
    const whose = and(
      by === 'csOf'
        ? eq(clients.csUserId, PERSON)
        : inArray(
            pieces.projectId,
            db.select({ id: projects.id }).from(projects).where(eq(projects.designerId, PERSON)),
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
  });
}

/** The questionnaires a CS's clients have open (not yet submitted), oldest first. */
export const readOpenQuestionnaires = (db: Database, csId: string) =>
  openQuestionnaires(db, { person: csId });

const openQuestionnaires = prebuiltRead((db) => {
  // Through the ids of the CS's clients: joined, SQLite may read every questionnaire.
  const theirClients = db
    .select({ id: clients.id })
    .from(clients)
    .where(eq(clients.csUserId, PERSON));
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
});

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
export const readTasksToMe = (db: Database, viewer: Viewer) => tasksToMe(db, { person: viewer.id });

const tasksToMe = prebuiltRead((db) =>
  db
    .select(TASK_COLUMNS)
    .from(taskRequests)
    .innerJoin(clients, eq(clients.id, taskRequests.clientId))
    .where(
      or(
        and(
          eq(taskRequests.assigneeId, PERSON),
          inArray(taskRequests.status, ['open', 'accepted']),
        ),
        and(
          isNull(taskRequests.assigneeId),
          eq(taskRequests.status, 'open'),
          // onTeam writes the person's id into its SQL: the placeholder goes there as is.
          onTeam(PERSON as unknown as string, TASK_CLIENT, TASK_ROLE),
        ),
      ),
    )
    .orderBy(asc(taskRequests.dueOn), asc(taskRequests.createdAt))
    .limit(HOME_ITEMS),
);

/** The requests a person asked for that are not finished (open, accepted or returned), newest first. */
export const readMyRequests = (db: Database, viewer: Viewer) =>
  myRequests(db, { person: viewer.id });

const myRequests = prebuiltRead((db) =>
  db
    .select(TASK_COLUMNS)
    .from(taskRequests)
    .innerJoin(clients, eq(clients.id, taskRequests.clientId))
    .where(
      and(
        eq(taskRequests.requesterId, PERSON),
        inArray(taskRequests.status, ['open', 'accepted', 'returned']),
      ),
    )
    .orderBy(desc(taskRequests.updatedAt))
    .limit(HOME_ITEMS),
);

/** A block from its query's rows: how many matched, and the first of them. */
export function blockOf<Row extends { matched: number }>(rows: Row[]) {
  return {
    count: rows[0]?.matched ?? 0,
    items: rows.map(({ matched: _, ...item }) => item),
  };
}
