import type { Context } from 'hono';
import { Hono } from 'hono';
import { replyInput } from '../../src/server/approvals/approval-input.ts';
import { commentAnchor } from '../../src/server/approvals/comment-pins.ts';
import {
  COMMENT_THREAD_REFUSALS,
  replyToComment,
  setThreadResolved,
} from '../../src/server/approvals/comment-thread-writes.ts';
import type { ApiEnv } from '../http/api-env.ts';
import { actingPerson } from '../http/client-info.ts';
import { readInput } from '../http/read-input.ts';
import { done, refuseWith } from '../http/respond.ts';

/** A thread on the agency's page of its piece, where its forms return. */
const threadOnPage = (pieceId: string, commentId: string) =>
  `/pieces/${encodeURIComponent(pieceId)}#${commentAnchor(commentId)}`;

/**
 * Replies to a comment and resolving or reopening its thread, under /api/pieces/:id: the
 * agency's side only (a client link has no such routes; see ACCESS_RULES).
 */
export const commentThreadRoutes = new Hono<ApiEnv>()
  .post('/:id/comments/:commentId/replies', async (c) => {
    const { reply, internalOnly } = await readInput(c, replyInput);
    const { db, clock } = c.get('deps');
    const pieceId = c.req.param('id');
    const commentId = c.req.param('commentId');
    const result = await replyToComment(
      db,
      { body: reply, internalOnly, pieceId, commentId, ...actingPerson(c) },
      clock(),
    );
    if (!result.ok)
      return refuseWith(c, COMMENT_THREAD_REFUSALS, result.error, {
        back: threadOnPage(pieceId, commentId),
      });
    return done(c, {
      location: threadOnPage(pieceId, result.replyId),
      body: { id: result.replyId, internal: result.internal },
      notice: result.internal ? 'commentThreads.repliedInternal' : 'commentThreads.replied',
    });
  })
  .post('/:id/comments/:commentId/resolve', (c) => resolve(c, true))
  .post('/:id/comments/:commentId/reopen', (c) => resolve(c, false));

/** Resolves (true) or reopens (false) the thread of the comment in the path. */
async function resolve(c: Context<ApiEnv>, resolved: boolean) {
  const { db, clock } = c.get('deps');
  const pieceId = c.req.param('id') ?? '';
  const commentId = c.req.param('commentId') ?? '';
  const result = await setThreadResolved(
    db,
    { pieceId, commentId, resolved, ...actingPerson(c) },
    clock(),
  );
  if (!result.ok)
    return refuseWith(c, COMMENT_THREAD_REFUSALS, result.error, {
      back: threadOnPage(pieceId, commentId),
    });
  return done(c, {
    location: threadOnPage(pieceId, result.commentId),
    body: { resolved },
    notice: resolved ? 'commentThreads.resolvedNotice' : 'commentThreads.reopenedNotice',
  });
}
