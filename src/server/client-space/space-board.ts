import type { Database } from '../../../db/client.ts';
import { policy } from '../../policy/index.ts';
import type { ContactViewer } from './contact-viewer.ts';
import {
  opensInSpace,
  pageCountOf,
  SPACE_COLUMNS,
  type SpaceBoardRequest,
  type SpaceColumn,
  spaceColumnOf,
} from './space-board-columns.ts';
import {
  awaitingContactQuery,
  type PieceSlice,
  pieceSliceQuery,
  statusCountsQuery,
  visibleProjectsQuery,
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
  const slices = slicesOf(request, cardsPerColumn, listPageSize);
  // One batch: each column's count; the pieces awaiting this contact; the visible projects;
  // the shown pieces (a statement per column on the board), each with the newest version
  // sent to the client — except in production, whose versions are not read.
  const [countRows, awaitingRows, projectRows, ...sliceRows] = await db.batch([
    statusCountsQuery(db, viewer),
    awaitingContactQuery(db, viewer),
    visibleProjectsQuery(db, viewer),
    ...slices.map((slice) => pieceSliceQuery(db, viewer, slice)),
  ]);
  const pieceRows = sliceRows.flat();
  const awaiting = new Set(awaitingRows.map((row) => row.pieceId));
  const cards = pieceRows.map((row) => {
    const opens = opensInSpace(row.status);
    const version = row.sent ? sentVersionOf(row.sent) : null;
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
  const totals = new Map<SpaceColumn, number>();
  for (const row of countRows) {
    const column = spaceColumnOf(row.status);
    totals.set(column, (totals.get(column) ?? 0) + row.pieces);
  }
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

/** What a view shows: each column's first cards, or one page of the list. */
function slicesOf(request: SpaceBoardRequest, perColumn: number, pageSize: number): PieceSlice[] {
  if (request.view === 'board')
    return SPACE_COLUMNS.map((column) => ({ column, offset: 0, limit: perColumn }));
  return [{ column: request.column, offset: (request.page - 1) * pageSize, limit: pageSize }];
}

const NO_THUMBNAIL = { kind: 'none' } as const;

type SentVersion = {
  number: number;
  fileType: string;
  fileWidth: number | null;
  fileHeight: number | null;
};

/** The newest sent version as the slice's statement returns it (see newestSentVersion). */
function sentVersionOf(json: string): SentVersion {
  const [number, fileType, fileWidth, fileHeight] = JSON.parse(json) as [
    number,
    string,
    number | null,
    number | null,
  ];
  return { number, fileType, fileWidth, fileHeight };
}

/** The card's thumbnail: the newest version sent to the client, through the space's file route. */
function spaceThumbnailOf(pieceId: string, version: SentVersion) {
  const url = spaceFileUrl(pieceId, version.number);
  if (version.fileType === 'application/pdf') return { kind: 'pdf', url } as const;
  return { kind: 'image', url, width: version.fileWidth, height: version.fileHeight } as const;
}
