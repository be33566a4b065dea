import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { aliased } from '../../../db/aliased.ts';
import type { Database } from '../../../db/client.ts';
import { prebuiltRead } from '../../../db/prebuilt-read.ts';
import {
  approvalLinks,
  approvalRounds,
  PIECE_STATUSES,
  type PieceStatus,
  pieces,
  pieceVersions,
  projects,
} from '../../../db/schema/index.ts';
import { contactDecided } from '../approvals/contact-may-act.ts';
import type { ContactViewer } from './contact-viewer.ts';
import { seenInSpace } from './project-visibility.ts';
import {
  opensInSpace,
  SPACE_COLUMNS,
  type SpaceColumn,
  spaceColumnOf,
} from './space-board-columns.ts';

// The board's reads are built once (see prebuiltRead: drizzle building seven statements on
// every request was a quarter of the board's CPU) with these placeholders for the viewer.
const CLIENT = sql.placeholder('clientId');
const CONTACT = sql.placeholder('contactId');
// seenInSpace reads only the client's id, here the placeholder sent with each call's value.
const ANY_VIEWER = { clientId: CLIENT } as unknown as Pick<ContactViewer, 'clientId'>;
const viewerValues = (viewer: ContactViewer) => ({
  clientId: viewer.clientId,
  contactId: viewer.contactId,
});

/** The piece statuses each column holds (the agency's review is production to the client). */
export const statusesOf = (column: SpaceColumn): PieceStatus[] =>
  PIECE_STATUSES.filter((status) => spaceColumnOf(status) === column);

/**
 * What the space shows of a piece, on the board's cards and on the piece's own page: its
 * title, kind, status, due day and project (joined by the query that uses it).
 */
export const spacePieceColumns = {
  id: pieces.id,
  title: pieces.title,
  kind: pieces.kind,
  status: pieces.status,
  dueOn: pieces.dueOn,
  projectName: aliased(projects.name, 'project_name'),
};

/** Which of the visible pieces a query reads: of some columns, a slice in the board's order. */
export type PieceSlice = { column: SpaceColumn | null; offset: number; limit: number };

/**
 * The newest version of the piece sent to the client (a round exists only once its version
 * was sent), as `[number, contentType, width, height]` in JSON, or null: read in the slice's
 * own statement, only for the few pieces it shows.
 */
const newestSentVersion = sql<
  string | null
>`(select json_array(${pieceVersions.number}, ${pieceVersions.contentType}, ${pieceVersions.width}, ${pieceVersions.height})
  from ${approvalRounds} inner join ${pieceVersions} on ${pieceVersions.id} = ${approvalRounds.versionId}
  where ${approvalRounds.pieceId} = ${pieces.id} order by ${pieceVersions.number} desc limit 1)`;

/**
 * A slice of the visible pieces by due date then title (then id, so pages never overlap),
 * cut in SQL: each column's first cards come from the index of a client's pieces by status
 * and due date, so a board of 500 pieces reads and maps only the few it shows. With the
 * newest version sent to the client of each, except in production (a piece there shows
 * nothing of its work: its versions are not read). One prebuilt read per column, and one for
 * every column (the whole list).
 */
const sliceReadOf = (column: SpaceColumn | null) =>
  prebuiltRead((db) =>
    db
      .select({
        ...spacePieceColumns,
        sent: (column !== 'in_production' ? newestSentVersion : sql<string | null>`null`).as(
          'sent_version',
        ),
      })
      .from(pieces)
      .innerJoin(projects, eq(projects.id, pieces.projectId))
      .where(
        and(
          seenInSpace(ANY_VIEWER),
          column ? inArray(pieces.status, statusesOf(column)) : undefined,
        ),
      )
      .orderBy(asc(pieces.dueOn), asc(pieces.title), asc(pieces.id))
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset')),
  );
const sliceReads = new Map(
  [null, ...SPACE_COLUMNS].map((column) => [column, sliceReadOf(column)] as const),
);

/** A slice of the visible pieces (see sliceReadOf), in the batch's shape. */
export const pieceSliceQuery = (db: Database, viewer: ContactViewer, slice: PieceSlice) =>
  (sliceReads.get(slice.column) ?? sliceReadOf(slice.column))(db, {
    ...viewerValues(viewer),
    limit: slice.limit,
    offset: slice.offset,
  });

const statusCounts = prebuiltRead((db) =>
  db
    .select({ status: pieces.status, pieces: sql<number>`count(*)`.mapWith(Number) })
    .from(pieces)
    .innerJoin(projects, eq(projects.id, pieces.projectId))
    .where(seenInSpace(ANY_VIEWER))
    .groupBy(pieces.status),
);

/** How many visible pieces hold each status (a status with none is absent). */
export const statusCountsQuery = (db: Database, viewer: ContactViewer) =>
  statusCounts(db, viewerValues(viewer));

const OPENING_STATUSES = PIECE_STATUSES.filter(opensInSpace);

const awaitingContact = prebuiltRead((db) =>
  db
    .select({ pieceId: approvalRounds.pieceId })
    .from(approvalLinks)
    .innerJoin(approvalRounds, eq(approvalRounds.id, approvalLinks.roundId))
    .innerJoin(pieces, eq(pieces.id, approvalRounds.pieceId))
    .innerJoin(projects, eq(projects.id, pieces.projectId))
    .where(
      and(
        eq(approvalLinks.contactId, CONTACT),
        eq(approvalRounds.status, 'open'),
        isNull(approvalLinks.revokedAt),
        sql`not ${contactDecided(approvalRounds.id, CONTACT)}`,
        seenInSpace(ANY_VIEWER),
        // In production the contact has nothing to open, so nothing awaits them.
        inArray(pieces.status, OPENING_STATUSES),
      ),
    ),
);

/**
 * The visible pieces awaiting this contact, in any column: an open round that sent them a
 * link they have not decided on (read from the contact's links: a handful).
 */
export const awaitingContactQuery = (db: Database, viewer: ContactViewer) =>
  awaitingContact(db, viewerValues(viewer));

const visibleProjects = prebuiltRead((db) =>
  db
    .select({ id: projects.id, name: projects.name })
    .from(projects)
    .where(and(eq(projects.clientId, CLIENT), eq(projects.visibleToClient, true)))
    .orderBy(asc(projects.name)),
);

/** The client's projects shown in the space, by name. */
export const visibleProjectsQuery = (db: Database, viewer: ContactViewer) =>
  visibleProjects(db, viewerValues(viewer));
