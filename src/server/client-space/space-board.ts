import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { approvalLinks, approvalRounds, pieces, projects } from '../../../db/schema/index.ts';
import { policy } from '../../policy/index.ts';
import { contactDecided } from '../approvals/contact-may-act.ts';
import type { ContactViewer } from './contact-viewer.ts';
import { seenInSpace } from './project-visibility.ts';
import {
  opensInSpace,
  pageCountOf,
  SPACE_COLUMNS,
  type SpaceBoardRequest,
  type SpaceColumn,
  spaceColumnOf,
} from './space-board-columns.ts';
import {
  columnCountsQuery,
  type ShownPieces,
  sentVersionsQuery,
  shownCardsQuery,
  shownPiecesOf,
  spaceColumnSql,
} from './space-board-queries.ts';
import { spaceFileUrl } from './space-piece-files.ts';

/**
 * The client space's board, in one round trip: of the contact's client's visible projects,
 * each column's first pieces (the board) or one page of the list (of every piece or of one
 * column), with each column's count, a thumbnail only of the newest version sent to the client
 * (never work still inside the agency), and whether a piece waits for this contact.
 */
export async function loadSpaceBoard(
  db: Database,
  viewer: ContactViewer,
  request: SpaceBoardRequest = { view: 'board' },
) {
  const { cardsPerColumn, listPageSize } = policy.clientSpace.board;
  const shown = shownPiecesOf(db, viewer, shownBy(request, cardsPerColumn, listPageSize));
  // Five reads, one batch: the shown pieces; the rounds of those pieces only; each column's
  // count; the pieces awaiting this contact; the visible projects.
  const [pieceRows, roundRows, countRows, awaitingRows, projectRows] = await db.batch([
    shownCardsQuery(db, shown),
    sentVersionsQuery(db, shown),
    columnCountsQuery(db, viewer),
    // The visible pieces awaiting this contact, in any column: an open round that sent them a
    // link they have not decided on (read from the contact's links: a handful).
    db
      .select({ pieceId: approvalRounds.pieceId })
      .from(approvalLinks)
      .innerJoin(approvalRounds, eq(approvalRounds.id, approvalLinks.roundId))
      .innerJoin(pieces, eq(pieces.id, approvalRounds.pieceId))
      .innerJoin(projects, eq(projects.id, pieces.projectId))
      .where(
        and(
          eq(approvalLinks.contactId, viewer.contactId),
          eq(approvalRounds.status, 'open'),
          isNull(approvalLinks.revokedAt),
          sql`not ${contactDecided(approvalRounds.id, viewer.contactId)}`,
          seenInSpace(viewer),
          // In production the contact has nothing to open, so nothing awaits them.
          ne(spaceColumnSql, 'in_production'),
        ),
      ),
    db
      .select({ id: projects.id, name: projects.name })
      .from(projects)
      .where(and(eq(projects.clientId, viewer.clientId), eq(projects.visibleToClient, true)))
      .orderBy(asc(projects.name)),
  ]);
  const sent = newestSentOf(roundRows);
  const awaiting = new Set(awaitingRows.map((row) => row.pieceId));
  const cards = pieceRows.map((row) => {
    const opens = opensInSpace(row.status);
    const version = sent.get(row.id);
    return {
      id: row.id,
      title: row.title,
      kind: row.kind,
      dueOn: row.dueOn,
      projectName: row.projectName,
      column: spaceColumnOf(row.status),
      opens,
      // Only a piece the contact may open: one in production has no round open.
      awaitsYou: opens && awaiting.has(row.id),
      // A piece in production shows nothing of its work, even a version sent before.
      thumbnail: opens && version ? spaceThumbnailOf(row.id, version) : NO_THUMBNAIL,
    };
  });
  const totals = new Map(countRows.map((row) => [row.column, row.pieces]));
  const totalOf = (column: SpaceColumn) => totals.get(column) ?? 0;
  const allPieces = SPACE_COLUMNS.reduce((sum, column) => sum + totalOf(column), 0);
  const listed = request.view === 'list' && request.column ? totalOf(request.column) : allPieces;
  return {
    projects: projectRows,
    cards,
    /** Every visible piece, whatever the view shows (none: the board's empty state). */
    allPieces,
    columns: SPACE_COLUMNS.map((column) => ({
      column,
      total: totalOf(column),
      cards: cards.filter((card) => card.column === column),
    })),
    list:
      request.view === 'list'
        ? {
            column: request.column,
            page: request.page,
            pages: pageCountOf(listed, listPageSize),
            total: listed,
          }
        : null,
    awaitingYou: awaiting.size,
  };
}

export type SpaceBoard = Awaited<ReturnType<typeof loadSpaceBoard>>;
export type SpaceCard = SpaceBoard['cards'][number];

/** The ranks a view shows: each column's first cards, or one page of the list. */
function shownBy(request: SpaceBoardRequest, perColumn: number, pageSize: number): ShownPieces {
  if (request.view === 'board') return { perColumn: true, column: null, after: 0, upTo: perColumn };
  const after = (request.page - 1) * pageSize;
  return { perColumn: false, column: request.column, after, upTo: after + pageSize };
}

const NO_THUMBNAIL = { kind: 'none' } as const;

type SentVersion = {
  pieceId: string;
  number: number;
  fileType: string;
  fileWidth: number | null;
  fileHeight: number | null;
};

/** Per piece, the newest version sent to the client. */
function newestSentOf(rounds: SentVersion[]) {
  const newest = new Map<string, SentVersion>();
  for (const round of rounds) {
    const seen = newest.get(round.pieceId);
    if (!seen || round.number > seen.number) newest.set(round.pieceId, round);
  }
  return newest;
}

/** The card's thumbnail: the newest version sent to the client, through the space's file route. */
function spaceThumbnailOf(pieceId: string, version: SentVersion) {
  const url = spaceFileUrl(pieceId, version.number);
  if (version.fileType === 'application/pdf') return { kind: 'pdf', url } as const;
  return { kind: 'image', url, width: version.fileWidth, height: version.fileHeight } as const;
}
