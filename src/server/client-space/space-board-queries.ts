import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { aliased } from '../../../db/aliased.ts';
import type { Database } from '../../../db/client.ts';
import {
  approvalRounds,
  PIECE_STATUSES,
  type PieceStatus,
  pieces,
  pieceVersions,
  projects,
} from '../../../db/schema/index.ts';
import type { ContactViewer } from './contact-viewer.ts';
import { seenInSpace } from './project-visibility.ts';
import { type SpaceColumn, spaceColumnOf } from './space-board-columns.ts';

/** The piece statuses each column holds (the agency's review is production to the client). */
export const statusesOf = (column: SpaceColumn): PieceStatus[] =>
  PIECE_STATUSES.filter((status) => spaceColumnOf(status) === column);

/** Which of the visible pieces a query reads: of some columns, a slice in the board's order. */
export type PieceSlice = { column: SpaceColumn | null; offset: number; limit: number };

/**
 * A slice of the visible pieces by due date then title (then id, so pages never overlap),
 * cut in SQL: each column's first cards come from the index of a client's pieces by status
 * and due date, so a board of 500 pieces reads and maps only the few it shows.
 */
function sliceWhere(viewer: ContactViewer, slice: PieceSlice): SQL | undefined {
  return and(
    seenInSpace(viewer),
    slice.column ? inArray(pieces.status, statusesOf(slice.column)) : undefined,
  );
}

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
 * A slice of the visible pieces, with the newest version sent to the client of each when
 * `thumbnails` (a piece in production shows nothing of its work: its versions are not read).
 */
export const pieceSliceQuery = (
  db: Database,
  viewer: ContactViewer,
  slice: PieceSlice,
  thumbnails: boolean,
) =>
  db
    .select({
      id: pieces.id,
      title: pieces.title,
      kind: pieces.kind,
      status: pieces.status,
      dueOn: pieces.dueOn,
      projectName: aliased(projects.name, 'project_name'),
      sent: (thumbnails ? newestSentVersion : sql<string | null>`null`).as('sent_version'),
    })
    .from(pieces)
    .innerJoin(projects, eq(projects.id, pieces.projectId))
    .where(sliceWhere(viewer, slice))
    .orderBy(asc(pieces.dueOn), asc(pieces.title), asc(pieces.id))
    .limit(slice.limit)
    .offset(slice.offset);

/** How many visible pieces hold each status (a status with none is absent). */
export const statusCountsQuery = (db: Database, viewer: ContactViewer) =>
  db
    .select({ status: pieces.status, pieces: sql<number>`count(*)`.mapWith(Number) })
    .from(pieces)
    .innerJoin(projects, eq(projects.id, pieces.projectId))
    .where(seenInSpace(viewer))
    .groupBy(pieces.status);
