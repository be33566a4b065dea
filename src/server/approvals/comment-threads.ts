import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { approvalRounds, pieceComments, pieceVersions } from '../../../db/schema/index.ts';

// A thread is a comment and the replies to it, one level deep: a reply to a reply is
// attached to the first comment. It is resolved (and reopened) on that first comment.

type Threadable = { id: string; parentId: string | null };

/**
 * The comments as threads, in the order of their first comments, each with its replies in
 * the order given. A reply whose first comment is not in the list (a client never receives
 * an internal one) is left out with it.
 */
export function threadsOf<Comment extends Threadable>(
  comments: readonly Comment[],
): (Comment & { replies: Comment[] })[] {
  const roots = comments
    .filter((comment) => comment.parentId === null)
    .map((comment) => ({ ...comment, replies: [] as Comment[] }));
  const byId = new Map(roots.map((root) => [root.id, root]));
  for (const comment of comments) {
    if (comment.parentId !== null) byId.get(comment.parentId)?.replies.push(comment);
  }
  return roots;
}

/**
 * Whether an agency reply stays inside the agency. A reply to an internal comment always
 * does; a reply in a thread the client sees (their own comment, or one the agency showed
 * them) is shown to them unless it is marked "internal only".
 */
export function replyIsInternal(
  thread: { internal: boolean },
  asked: { internalOnly: boolean },
): boolean {
  return thread.internal || asked.internalOnly;
}

/**
 * The client's open threads on a piece, for the board: comments a contact wrote (not
 * replies), not resolved, on the newest version or on the one the client saw before it (the
 * newest earlier version sent to them) — feedback still waiting for an answer; older feedback
 * has been superseded twice. Uses the index on (piece_id, resolved_at).
 */
export function openClientThreadsOf(pieceId: SQLWrapper, latestVersion: SQLWrapper): SQL<number> {
  // Aliased apart from the versions the count joins.
  const sent = alias(pieceVersions, 'sent_version');
  const sentBefore = sql`(select max(${sent.number}) from ${pieceVersions} ${sql.identifier('sent_version')} inner join ${approvalRounds} on ${approvalRounds.versionId} = ${sent.id} where ${sent.pieceId} = ${pieceId} and ${sent.number} < ${latestVersion})`;
  return sql<number>`(select count(*) from ${pieceComments} inner join ${pieceVersions} on ${pieceVersions.id} = ${pieceComments.versionId} where ${pieceComments.pieceId} = ${pieceId} and ${pieceComments.resolvedAt} is null and ${pieceComments.authorContactId} is not null and ${pieceComments.parentId} is null and ${pieceVersions.number} >= coalesce(${sentBefore}, ${latestVersion}))`.mapWith(
    Number,
  );
}
