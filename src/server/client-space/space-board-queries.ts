import { and, asc, eq, gt, lte, type SQL, sql } from 'drizzle-orm';
import { aliased } from '../../../db/aliased.ts';
import type { Database } from '../../../db/client.ts';
import { approvalRounds, pieces, pieceVersions, projects } from '../../../db/schema/index.ts';
import type { ContactViewer } from './contact-viewer.ts';
import { seenInSpace } from './project-visibility.ts';
import { SPACE_COLUMNS, type SpaceColumn } from './space-board-columns.ts';

/**
 * A piece's column in SQL, as spaceColumnOf says in TypeScript: its own status when the
 * client has something to see, else in production. The statuses are the code's own
 * constants, written in as literals so the grouping and the window see one expression.
 */
const OPEN_COLUMNS = SPACE_COLUMNS.filter((column) => column !== 'in_production')
  .map((column) => `'${column}'`)
  .join(', ');
export const spaceColumnSql = sql<SpaceColumn>`case when ${pieces.status} in (${sql.raw(OPEN_COLUMNS)}) then ${pieces.status} else 'in_production' end`;

/** Which of the visible pieces a view shows: ranks (from 1, in the board's order) in a range. */
export type ShownPieces = {
  /** Rank within each column (the board) or within the whole list. */
  perColumn: boolean;
  /** Only one column's pieces (the list of a column's "see all"). */
  column: SpaceColumn | null;
  after: number;
  upTo: number;
};

/**
 * The pieces a view shows, as a common table: the visible pieces ranked by due date then
 * title (then id, so pages never overlap), cut to the range — in SQL, so a board of 500
 * pieces reads and maps only the few it shows.
 */
export function shownPiecesOf(db: Database, viewer: ContactViewer, shown: ShownPieces) {
  const partition = shown.perColumn ? sql`partition by ${spaceColumnSql}` : sql``;
  const where: SQL[] = [seenInSpace(viewer)];
  if (shown.column) where.push(sql`${spaceColumnSql} = ${shown.column}`);
  const ranked = db
    .select({
      id: pieces.id,
      title: pieces.title,
      kind: pieces.kind,
      status: pieces.status,
      dueOn: pieces.dueOn,
      projectName: aliased(projects.name, 'project_name'),
      rank: sql<number>`row_number() over (${partition} order by ${pieces.dueOn}, ${pieces.title}, ${pieces.id})`.as(
        'view_rank',
      ),
    })
    .from(pieces)
    .innerJoin(projects, eq(projects.id, pieces.projectId))
    .where(and(...where))
    .as('ranked');
  return db.$with('shown').as(
    db
      .select()
      .from(ranked)
      .where(and(gt(ranked.rank, shown.after), lte(ranked.rank, shown.upTo))),
  );
}

type Shown = ReturnType<typeof shownPiecesOf>;

/** The shown pieces, in the board's order. */
export const shownCardsQuery = (db: Database, shown: Shown) =>
  db.with(shown).select().from(shown).orderBy(asc(shown.dueOn), asc(shown.title), asc(shown.id));

/**
 * The versions sent to the client of the shown pieces only (a round exists only once its
 * version was sent), for their thumbnails.
 */
export const sentVersionsQuery = (db: Database, shown: Shown) =>
  db
    .with(shown)
    .select({
      pieceId: approvalRounds.pieceId,
      number: pieceVersions.number,
      fileType: pieceVersions.contentType,
      fileWidth: pieceVersions.width,
      fileHeight: pieceVersions.height,
    })
    .from(shown)
    .innerJoin(approvalRounds, eq(approvalRounds.pieceId, shown.id))
    .innerJoin(pieceVersions, eq(pieceVersions.id, approvalRounds.versionId));

/** How many visible pieces each column holds (a column with none is absent). */
export const columnCountsQuery = (db: Database, viewer: ContactViewer) =>
  db
    .select({
      column: spaceColumnSql.as('space_column'),
      pieces: sql<number>`count(*)`.mapWith(Number).as('column_pieces'),
    })
    .from(pieces)
    .innerJoin(projects, eq(projects.id, pieces.projectId))
    .where(seenInSpace(viewer))
    .groupBy(spaceColumnSql);
