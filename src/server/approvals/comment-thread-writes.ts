import { and, eq, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { insertWhen } from '../../../db/insert-when.ts';
import { pieceComments, pieceVersions } from '../../../db/schema/index.ts';
import { policy } from '../../policy/index.ts';
import { recordEventWhen } from '../audit/record-event.ts';
import type { Actor, Viewer } from '../auth/viewer.ts';
import { NOT_FOUND, type RefusalTable } from '../forms/refusals.ts';
import { mayWorkOnPiece } from './approval-rules.ts';
import { replyIsInternal } from './comment-threads.ts';
import { mayReviewInternally } from './internal-review-rules.ts';
import { loadPieceContext } from './piece-context.ts';

/** What refuses a reply, a resolve or a reopen. */
export const COMMENT_THREAD_REFUSALS = {
  // Another client's comment, or one of a piece the member may not see, does not exist for them.
  not_found: NOT_FOUND,
  // The head of a department who reviews the piece but does not work on it replies
  // (internally) and leaves resolving to the people who do.
  reviewer_may_not_resolve: {
    status: 403,
    code: 'not_allowed',
    messageKey: 'commentThreads.reviewerMayNotResolve',
  },
  already_resolved: {
    status: 409,
    code: 'already_resolved',
    messageKey: 'commentThreads.alreadyResolved',
  },
  not_resolved: { status: 409, code: 'not_resolved', messageKey: 'commentThreads.notResolved' },
  // The same reply by the same person in the thread just now: a double click, a second tab, a
  // replay (within policy.approvals.sameReplyWithinSeconds).
  already_replied: {
    status: 409,
    code: 'already_replied',
    messageKey: 'commentThreads.alreadyReplied',
  },
} as const satisfies RefusalTable<string>;

type ThreadProblem = keyof typeof COMMENT_THREAD_REFUSALS;

type ThreadRequest = { pieceId: string; commentId: string; actor: Actor; user: Viewer };

/**
 * The thread a comment belongs to on a piece the member may work on or review inside the
 * agency: its first comment (the comment itself, or the one it answers) with its version's
 * number, and whether the member works on the piece (a reviewer only does not); null when
 * there is none for them. Answering an earlier version's comment is allowed too.
 */
async function findThread(db: Database, request: ThreadRequest) {
  const context = await loadPieceContext(db, request.pieceId);
  if (!context) return null;
  const works = mayWorkOnPiece(request.user, context.piece);
  if (!works && !mayReviewInternally(request.user.roles, context.piece.discipline, policy))
    return null;
  const parentOfComment = sql`(select ${pieceComments.parentId} from ${pieceComments} where ${pieceComments.id} = ${request.commentId} and ${pieceComments.pieceId} = ${request.pieceId})`;
  const [root] = await db
    .select({
      id: pieceComments.id,
      versionId: pieceComments.versionId,
      version: pieceVersions.number,
      target: pieceComments.target,
      internal: pieceComments.internal,
    })
    .from(pieceComments)
    .innerJoin(pieceVersions, eq(pieceVersions.id, pieceComments.versionId))
    .where(
      and(
        eq(pieceComments.pieceId, request.pieceId),
        isNull(pieceComments.parentId),
        or(eq(pieceComments.id, request.commentId), sql`${pieceComments.id} = ${parentOfComment}`),
      ),
    );
  return root ? { ...root, works } : null;
}

/**
 * An agency member's reply in a comment's thread (see `replyIsInternal` for who sees it).
 * No e-mail goes to the client: they see the answer on their page and on the next version.
 * The reply and its event are one batch; if the thread was deleted meanwhile, neither is
 * written, and the same text by the same person in the thread within a short time (the
 * policy's `sameReplyWithinSeconds`) is written once (409 after).
 */
export async function replyToComment(
  db: Database,
  input: ThreadRequest & { body: string; internalOnly: boolean },
  now: Date,
): Promise<{ ok: true; replyId: string; internal: boolean } | { ok: false; error: ThreadProblem }> {
  const root = await findThread(db, input);
  if (!root) return { ok: false, error: 'not_found' };
  const replyId = crypto.randomUUID();
  // A reviewer who does not work on the piece never speaks to the client (as their comments).
  const internal = replyIsInternal(root, input) || !root.works;
  const threadStands = sql`exists (select 1 from ${pieceComments} where ${pieceComments.id} = ${root.id})`;
  // Only a moment ago: a double click, a second tab, a replay. The same words later are new.
  const justNow = now.getTime() - policy.approvals.sameReplyWithinSeconds * 1000;
  const saidAlready = sql`exists (select 1 from ${pieceComments} where ${pieceComments.parentId} = ${root.id} and ${pieceComments.authorUserId} = ${input.actor.id} and ${pieceComments.body} = ${input.body} and ${pieceComments.createdAt} >= ${justNow})`;
  const written = sql`exists (select 1 from ${pieceComments} where ${pieceComments.id} = ${replyId})`;
  const [inserted] = await db.batch([
    insertWhen(
      db,
      pieceComments,
      {
        id: replyId,
        pieceId: input.pieceId,
        versionId: root.versionId,
        authorUserId: input.actor.id,
        authorName: input.actor.name,
        target: root.target,
        body: input.body,
        internal,
        parentId: root.id,
        createdAt: now,
        updatedAt: now,
      },
      sql`${threadStands} and not ${saidAlready}`,
    ).returning({ id: pieceComments.id }),
    recordEventWhen(
      db,
      {
        actorId: input.actor.id,
        action: 'approval_comment_replied',
        subjectType: 'piece',
        subjectId: input.pieceId,
        ip: input.actor.ip,
        data: { commentId: root.id, replyId, version: root.version, internal },
      },
      now,
      written,
    ),
  ]);
  if (inserted.length > 0) return { ok: true, replyId, internal };
  // Not written: the thread is gone, or this reply is there already.
  const [stands] = await db
    .select({ id: pieceComments.id })
    .from(pieceComments)
    .where(eq(pieceComments.id, root.id));
  return { ok: false, error: stands ? 'already_replied' : 'not_found' };
}

/**
 * Marks a thread resolved, or reopens it, on its first comment. Doing it twice is refused
 * (409), also when two people do it at once: only the request whose update changed the row
 * writes the event, so the history tells it once.
 */
export async function setThreadResolved(
  db: Database,
  input: ThreadRequest & { resolved: boolean },
  now: Date,
): Promise<{ ok: true; commentId: string } | { ok: false; error: ThreadProblem }> {
  const root = await findThread(db, input);
  if (!root) return { ok: false, error: 'not_found' };
  if (!root.works) return { ok: false, error: 'reviewer_may_not_resolve' };
  const [changed] = await db.batch([
    db
      .update(pieceComments)
      .set(
        input.resolved
          ? { resolvedAt: now, resolvedBy: input.actor.id }
          : { resolvedAt: null, resolvedBy: null },
      )
      .where(
        and(
          eq(pieceComments.id, root.id),
          input.resolved ? isNull(pieceComments.resolvedAt) : isNotNull(pieceComments.resolvedAt),
        ),
      )
      .returning({ id: pieceComments.id }),
    // changes(): the rows the update just before it in this batch changed.
    recordEventWhen(
      db,
      {
        actorId: input.actor.id,
        action: input.resolved ? 'approval_thread_resolved' : 'approval_thread_reopened',
        subjectType: 'piece',
        subjectId: input.pieceId,
        ip: input.actor.ip,
        data: { commentId: root.id, version: root.version },
      },
      now,
      sql`changes() > 0`,
    ),
  ]);
  if (changed.length > 0) return { ok: true, commentId: root.id };
  return { ok: false, error: input.resolved ? 'already_resolved' : 'not_resolved' };
}
