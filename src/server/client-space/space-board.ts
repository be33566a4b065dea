import { and, asc, eq, sql } from 'drizzle-orm';
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
import { seenInSpace, sentToClient } from './project-visibility.ts';
import { opensInSpace, SPACE_COLUMNS, spaceColumnOf } from './space-board-columns.ts';
import { spaceFileUrl } from './space-piece-files.ts';

/**
 * The client space's board, in one round trip: the contact's client's visible projects and
 * their pieces, each in its column, with a thumbnail only of the newest version sent to the
 * client (never work still inside the agency), and whether it waits for this contact.
 */
export async function loadSpaceBoard(db: Database, viewer: ContactViewer) {
  // The newest version of the piece the client was sent.
  const sentVersion = sql`(select max(${pieceVersions.number}) from ${pieceVersions} where ${pieceVersions.pieceId} = ${pieces.id} and ${sentToClient()})`;
  const [pieceRows, projectRows] = await db.batch([
    db
      .select({
        id: pieces.id,
        title: pieces.title,
        kind: pieces.kind,
        status: pieces.status,
        dueOn: pieces.dueOn,
        projectId: pieces.projectId,
        projectName: aliased(projects.name, 'project_name'),
        sentVersion: aliased(pieceVersions.number, 'sent_version'),
        fileType: aliased(pieceVersions.contentType, 'file_type'),
        fileWidth: aliased(pieceVersions.width, 'file_width'),
        fileHeight: aliased(pieceVersions.height, 'file_height'),
        // An open round that sent this contact a link, not yet decided by them.
        awaitsYou:
          sql<boolean>`exists (select 1 from ${approvalLinks} inner join ${approvalRounds} on ${approvalRounds.id} = ${approvalLinks.roundId} where ${approvalRounds.pieceId} = ${pieces.id} and ${approvalRounds.status} = 'open' and ${approvalLinks.contactId} = ${viewer.contactId} and ${approvalLinks.revokedAt} is null and not ${contactDecided(approvalRounds.id, approvalLinks.contactId)})`
            .mapWith(Boolean)
            .as('awaits_you'),
      })
      .from(pieces)
      .innerJoin(projects, eq(projects.id, pieces.projectId))
      .leftJoin(
        pieceVersions,
        and(eq(pieceVersions.pieceId, pieces.id), sql`${pieceVersions.number} = ${sentVersion}`),
      )
      .where(seenInSpace(viewer))
      .orderBy(asc(pieces.dueOn), asc(pieces.title)),
    db
      .select({ id: projects.id, name: projects.name })
      .from(projects)
      .where(and(eq(projects.clientId, viewer.clientId), eq(projects.visibleToClient, true)))
      .orderBy(asc(projects.name)),
  ]);
  const cards = pieceRows.map((row) => {
    const opens = opensInSpace(row.status);
    return {
      id: row.id,
      title: row.title,
      kind: row.kind,
      dueOn: row.dueOn,
      projectName: row.projectName,
      column: spaceColumnOf(row.status),
      opens,
      awaitsYou: row.awaitsYou,
      // A piece in production shows nothing of its work, even a version sent before.
      thumbnail: opens ? spaceThumbnailOf(row) : ({ kind: 'none' } as const),
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

/** The card's thumbnail: the newest version sent to the client, through the space's file route. */
function spaceThumbnailOf(row: {
  id: string;
  sentVersion: number | null;
  fileType: string | null;
  fileWidth: number | null;
  fileHeight: number | null;
}) {
  if (!row.sentVersion || !row.fileType) return { kind: 'none' } as const;
  const url = spaceFileUrl(row.id, row.sentVersion);
  if (row.fileType === 'application/pdf') return { kind: 'pdf', url } as const;
  return { kind: 'image', url, width: row.fileWidth, height: row.fileHeight } as const;
}
