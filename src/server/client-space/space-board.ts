import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { aliased } from '../../../db/aliased.ts';
import type { Database } from '../../../db/client.ts';
import {
  approvalLinks,
  approvalRounds,
  pieces,
  pieceVersions,
  projects,
} from '../../../db/schema/index.ts';
import { contactDecided } from '../approvals/contact-may-act.ts';
import type { ContactViewer } from './contact-viewer.ts';
import { seenInSpace } from './project-visibility.ts';
import { opensInSpace, SPACE_COLUMNS, spaceColumnOf } from './space-board-columns.ts';
import { spaceFileUrl } from './space-piece-files.ts';

/**
 * The client space's board, in one round trip: the contact's client's visible projects and
 * their pieces, each in its column, with a thumbnail only of the newest version sent to the
 * client (never work still inside the agency), and whether it waits for this contact.
 */
export async function loadSpaceBoard(db: Database, viewer: ContactViewer) {
  // Four reads, one batch, no subquery per piece: the pieces; the rounds of the client's
  // visible pieces (a round exists only once its version was sent to the client); the pieces
  // awaiting this contact; the visible projects.
  const [pieceRows, roundRows, awaitingRows, projectRows] = await db.batch([
    db
      .select({
        id: pieces.id,
        title: pieces.title,
        kind: pieces.kind,
        status: pieces.status,
        dueOn: pieces.dueOn,
        projectName: aliased(projects.name, 'project_name'),
      })
      .from(pieces)
      .innerJoin(projects, eq(projects.id, pieces.projectId))
      .where(seenInSpace(viewer))
      .orderBy(asc(pieces.dueOn), asc(pieces.title)),
    db
      .select({
        pieceId: approvalRounds.pieceId,
        number: pieceVersions.number,
        fileType: pieceVersions.contentType,
        fileWidth: pieceVersions.width,
        fileHeight: pieceVersions.height,
      })
      .from(approvalRounds)
      .innerJoin(pieceVersions, eq(pieceVersions.id, approvalRounds.versionId))
      .innerJoin(pieces, eq(pieces.id, approvalRounds.pieceId))
      .innerJoin(projects, eq(projects.id, pieces.projectId))
      .where(seenInSpace(viewer)),
    // The pieces awaiting this contact: an open round that sent them a link they have not
    // decided on (read from the contact's links: a handful, not a subquery per round).
    db
      .select({ pieceId: approvalRounds.pieceId })
      .from(approvalLinks)
      .innerJoin(approvalRounds, eq(approvalRounds.id, approvalLinks.roundId))
      .where(
        and(
          eq(approvalLinks.contactId, viewer.contactId),
          eq(approvalRounds.status, 'open'),
          isNull(approvalLinks.revokedAt),
          sql`not ${contactDecided(approvalRounds.id, viewer.contactId)}`,
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
  return {
    projects: projectRows,
    cards,
    columns: SPACE_COLUMNS.map((column) => ({
      column,
      cards: cards.filter((card) => card.column === column),
    })),
    awaitingYou: cards.filter((card) => card.awaitsYou).length,
  };
}

export type SpaceBoard = Awaited<ReturnType<typeof loadSpaceBoard>>;
export type SpaceCard = SpaceBoard['cards'][number];

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
