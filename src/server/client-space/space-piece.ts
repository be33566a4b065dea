import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import {
  approvalLinks,
  approvalRounds,
  pieces,
  pieceVersions,
  projects,
} from '../../../db/schema/index.ts';
import { type OpenApproval, openApprovalByLink } from '../approvals/approval-links.ts';
import { approvalViewOf } from '../approvals/approval-page.ts';
import { readClientComments } from '../approvals/client-comments.ts';
import { drawnPins, withPins } from '../approvals/comment-pins.ts';
import { threadsOf } from '../approvals/comment-threads.ts';
import type { ContactViewer } from './contact-viewer.ts';
import { seenInSpace, sentToClient } from './project-visibility.ts';
import { opensInSpace, spaceColumnOf } from './space-board-columns.ts';
import { spacePieceColumns } from './space-board-queries.ts';

/**
 * The contact's own link to the piece's newest round that sent them one, still theirs (not
 * revoked, nor the round withdrawn): the space acts through it, so a decision there and one
 * through the e-mailed link are the same decision, held once by (round, contact).
 */
function contactLinkOf(viewer: ContactViewer, pieceId: string | typeof pieces.id) {
  return sql<
    string | null
  >`(select ${approvalLinks.id} from ${approvalLinks} inner join ${approvalRounds} on ${approvalRounds.id} = ${approvalLinks.roundId} inner join ${pieceVersions} on ${pieceVersions.id} = ${approvalRounds.versionId} where ${approvalRounds.pieceId} = ${pieceId} and ${approvalLinks.contactId} = ${viewer.contactId} and ${approvalLinks.revokedAt} is null and ${approvalRounds.status} <> 'revoked' order by ${pieceVersions.number} desc, ${approvalLinks.createdAt} desc limit 1)`;
}

/** The newest version of the piece sent to the client, as a subquery of its id. */
function newestSentVersion(db: Database, pieceId: string) {
  return db
    .select({ id: pieceVersions.id })
    .from(pieceVersions)
    .where(and(eq(pieceVersions.pieceId, pieceId), sentToClient()))
    .orderBy(desc(pieceVersions.number))
    .limit(1);
}

/**
 * A piece's page in the client space: for a contact who was sent its round, the same approval
 * experience as the e-mailed link (opened through their own link, the session vouching for
 * them instead of the link's age); for any other contact of the client, the newest version
 * sent to the client, read-only. A piece of another client, of a hidden project or still in
 * production is null (404). Two round trips at most.
 */
export async function loadSpacePiecePage(
  db: Database,
  viewer: ContactViewer,
  pieceId: string,
  now: Date,
) {
  const [[piece], [version], commentRows] = await db.batch([
    db
      .select({
        ...spacePieceColumns,
        linkId: contactLinkOf(viewer, pieces.id).as('link_id'),
      })
      .from(pieces)
      .innerJoin(projects, eq(projects.id, pieces.projectId))
      .where(and(eq(pieces.id, pieceId), seenInSpace(viewer))),
    db
      .select({
        id: pieceVersions.id,
        number: pieceVersions.number,
        contentType: pieceVersions.contentType,
        width: pieceVersions.width,
        height: pieceVersions.height,
        text: pieceVersions.text,
      })
      .from(pieceVersions)
      .where(and(eq(pieceVersions.pieceId, pieceId), sentToClient()))
      .orderBy(desc(pieceVersions.number))
      .limit(1),
    // Never an internal comment or reply: the clients' own read (see readClientComments).
    readClientComments(db, sql`(${newestSentVersion(db, pieceId)})`),
  ]);
  if (!piece || !version || !opensInSpace(piece.status)) return null;
  const summary = { ...piece, column: spaceColumnOf(piece.status) };
  const opened = piece.linkId
    ? await openApprovalByLink(db, piece.linkId, now, { expiring: false })
    : null;
  if (opened?.ok)
    return { mode: 'approval', piece: summary, ...approvalViewOf(opened.approval) } as const;
  // Not an approver of the round (or no longer one): what was sent, and what was said on it.
  const comments = threadsOf(withPins(commentRows.filter((row) => row.versionId === version.id)));
  return { mode: 'read', piece: summary, version, comments, pins: drawnPins(comments) } as const;
}

export type SpacePiecePage = NonNullable<Awaited<ReturnType<typeof loadSpacePiecePage>>>;

/**
 * The approval a contact acts on from the space (comment, change, decide): the one their own
 * link to the piece opens, or null — another client's piece, a hidden project, a contact who
 * was not sent the round — which the routes answer with 404, nothing written.
 */
export async function openSpaceApproval(
  db: Database,
  viewer: ContactViewer,
  pieceId: string,
  now: Date,
  options: { withContents?: boolean } = {},
): Promise<OpenApproval | null> {
  const [found] = await db
    .select({ linkId: contactLinkOf(viewer, pieces.id).as('link_id') })
    .from(pieces)
    // Joined so that drizzle names every column with its table (the subquery joins three).
    .innerJoin(projects, eq(projects.id, pieces.projectId))
    .where(and(eq(pieces.id, pieceId), seenInSpace(viewer)));
  if (!found?.linkId) return null;
  const opened = await openApprovalByLink(db, found.linkId, now, { ...options, expiring: false });
  return opened.ok ? opened.approval : null;
}
