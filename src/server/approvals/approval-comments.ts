import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { type CommentTarget, pieceComments, pieceVersions } from '../../../db/schema/index.ts';
import { policy } from '../../policy/index.ts';
import { recordEvent, recordEventWhen } from '../audit/record-event.ts';
import type { Actor, Viewer } from '../auth/viewer.ts';
import type { OpenApproval } from './approval-links.ts';
import { approvalNewsMail, piecePageUrl } from './approval-mail.ts';
import { mayWorkOnPiece } from './approval-rules.ts';
import { contactCommentWrites } from './contact-comment-writes.ts';
import { contactMayActSql } from './contact-may-act.ts';
import { firstViewWrites } from './first-view.ts';
import { mayReviewInternally } from './internal-review-rules.ts';
import { loadPieceContext } from './piece-context.ts';

export type CommentInput = { target: CommentTarget; body: string; pinX?: number; pinY?: number };

/** A pin belongs to the image only; on the text or the piece as a whole it is dropped. */
const pinOf = (input: CommentInput) =>
  input.target === 'image' && input.pinX !== undefined && input.pinY !== undefined
    ? { pinX: input.pinX, pinY: input.pinY }
    : { pinX: null, pinY: null };

type ContactCommentProblem = 'closed' | 'not_found' | 'answered';

/**
 * A contact's comment on the version of their link, while they may still act. CS is
 * e-mailed at once; the comment, its e-mail and its audit event are one batch.
 */
export async function addContactComment(
  db: Database,
  approval: OpenApproval,
  input: CommentInput & { origin: string; ip: string | null },
  now: Date,
): Promise<{ ok: true; commentId: string } | { ok: false; error: ContactCommentProblem }> {
  if (!approval.mayAct) return { ok: false, error: 'closed' };
  const commentId = crypto.randomUUID();
  const mail = approvalNewsMail(
    { name: approval.cs.name, locale: approval.cs.locale },
    {
      kind: 'commented',
      title: approval.piece.title,
      version: approval.version.number,
      client: approval.client.name,
      contact: approval.contact.name,
      message: input.body,
      url: piecePageUrl(input.origin, approval.piece.id),
    },
  );
  const [inserted] = await db.batch([
    ...contactCommentWrites(db, {
      commentId,
      pieceId: approval.piece.id,
      versionId: approval.version.id,
      roundId: approval.round.id,
      contactId: approval.contact.id,
      contactName: approval.contact.name,
      target: input.target,
      ...pinOf(input),
      body: input.body,
      mail: {
        id: crypto.randomUUID(),
        idempotencyKey: `approval-comment:${commentId}`,
        to: approval.cs.email,
        ...mail,
      },
      event: {
        ip: input.ip,
        data: {
          commentId,
          contactId: approval.contact.id,
          contactName: approval.contact.name,
          version: approval.version.number,
          target: input.target,
        },
      },
      now,
    }),
    // Without JavaScript the page could not say it was shown: the first comment does.
    ...firstViewWrites(db, approval, input.ip, now),
  ]);
  return inserted.length > 0 ? { ok: true, commentId } : { ok: false, error: 'closed' };
}

/**
 * Whether the agency has taken a comment up: it has a reply (even an internal note) or is
 * resolved. Its words then stay as they were answered, and deleting it would take the
 * agency's replies with it (the thread's foreign key cascades, for deleting pieces).
 */
const answeredSql = (commentId: string) =>
  sql`(exists (select 1 from ${pieceComments} where ${pieceComments.parentId} = ${commentId}) or exists (select 1 from ${pieceComments} where ${pieceComments.id} = ${commentId} and ${pieceComments.resolvedAt} is not null))`;

/**
 * Changes or removes one of the contact's own comments, until they decide and while the
 * agency has not answered or resolved it (then 'answered'; nothing is written).
 */
export async function changeContactComment(
  db: Database,
  approval: OpenApproval,
  change: { commentId: string; body: string | null; ip: string | null },
  now: Date,
): Promise<{ ok: true } | { ok: false; error: ContactCommentProblem }> {
  const own = approval.comments.some(
    (comment) => comment.id === change.commentId && comment.authorContactId === approval.contact.id,
  );
  if (!own) return { ok: false, error: 'not_found' };
  if (!approval.mayAct) return { ok: false, error: 'closed' };
  const target = and(
    eq(pieceComments.id, change.commentId),
    eq(pieceComments.authorContactId, approval.contact.id),
    contactMayActSql(approval),
    sql`not ${answeredSql(change.commentId)}`,
  );
  const removing = change.body === null;
  // The event is written only if the change was: changes() counts the rows the statement
  // just before it in this batch changed (a refused edit or a lost race changed none).
  const changedNow = sql`changes() > 0`;
  const [changed] = await db.batch([
    removing
      ? db.delete(pieceComments).where(target).returning({ id: pieceComments.id })
      : db
          .update(pieceComments)
          .set({ body: change.body ?? '', updatedAt: now })
          .where(target)
          .returning({ id: pieceComments.id }),
    recordEventWhen(
      db,
      {
        actorId: null,
        action: removing ? 'approval_comment_deleted' : 'approval_comment_edited',
        subjectType: 'piece',
        subjectId: approval.piece.id,
        ip: change.ip,
        data: {
          commentId: change.commentId,
          contactId: approval.contact.id,
          version: approval.version.number,
        },
      },
      now,
      changedNow,
    ),
  ]);
  if (changed.length > 0) return { ok: true };
  const [answered] = await db
    .select({ id: pieceComments.id })
    .from(pieceComments)
    .where(and(eq(pieceComments.id, change.commentId), answeredSql(change.commentId)));
  return { ok: false, error: answered ? 'answered' : 'closed' };
}

/**
 * An agency member's comment on a version (the newest unless one is named). It is internal,
 * kept on the agency's side, unless it is explicitly made visible to the client.
 */
export async function addAgencyComment(
  db: Database,
  input: CommentInput & {
    pieceId: string;
    versionNumber?: number;
    // Fail closed: a comment is the agency's own unless it is explicitly shown to the client.
    visibleToClient?: boolean;
    actor: Actor;
    user: Viewer;
  },
  now: Date,
): Promise<{ ok: true; commentId: string } | { ok: false; error: 'not_found' | 'no_version' }> {
  const context = await loadPieceContext(db, input.pieceId);
  const works = !!context && mayWorkOnPiece(input.user, context.piece);
  // The head of the piece's department reviews it inside the agency, and comments on it.
  const reviews =
    !!context && mayReviewInternally(input.user.roles, context.piece.discipline, policy);
  if (!context || !(works || reviews)) return { ok: false, error: 'not_found' };
  const number = input.versionNumber ?? context.piece.latestVersion;
  if (number < 1) return { ok: false, error: 'no_version' };
  const [version] = await db
    .select({ id: pieceVersions.id })
    .from(pieceVersions)
    .where(and(eq(pieceVersions.pieceId, input.pieceId), eq(pieceVersions.number, number)));
  if (!version) return { ok: false, error: 'not_found' };
  const commentId = crypto.randomUUID();
  // A reviewer who does not work on the piece never speaks to the client (#17).
  const internal = input.visibleToClient !== true || !works;
  await db.batch([
    db.insert(pieceComments).values({
      id: commentId,
      pieceId: input.pieceId,
      versionId: version.id,
      authorUserId: input.actor.id,
      authorName: input.actor.name,
      target: input.target,
      ...pinOf(input),
      body: input.body,
      internal,
      createdAt: now,
      updatedAt: now,
    }),
    recordEvent(
      db,
      {
        actorId: input.actor.id,
        action: 'approval_commented',
        subjectType: 'piece',
        subjectId: input.pieceId,
        ip: input.actor.ip,
        data: { commentId, version: number, target: input.target, internal },
      },
      now,
    ),
  ]);
  return { ok: true, commentId };
}
