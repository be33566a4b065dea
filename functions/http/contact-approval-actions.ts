import type { Context } from 'hono';
import { policy } from '../../src/policy/index.ts';
import {
  addContactComment,
  changeContactComment,
} from '../../src/server/approvals/approval-comments.ts';
import {
  commentChangeInput,
  commentInput,
  decisionInput,
} from '../../src/server/approvals/approval-input.ts';
import type { OpenApproval } from '../../src/server/approvals/approval-links.ts';
import { APPROVAL_REFUSALS } from '../../src/server/approvals/approval-refusals.ts';
import { decideApproval } from '../../src/server/approvals/decide-approval.ts';
import type { ApiEnv } from './api-env.ts';
import { clientIp, requestOrigin } from './client-info.ts';
import { readInput } from './read-input.ts';
import { done, refuseWith } from './respond.ts';

// A contact's actions on an opened approval, the same whether it was opened by the e-mailed
// link's token or by the client space's session (#18): only where the page is differs.

/** Why a contact can no longer comment: their own decision, or the round's end. */
const reasonClosed = (approval: OpenApproval) => (approval.hasDecided ? 'decided' : 'closed');

/** A new comment of the contact's, back to `back` at the comment. */
export async function commentOnApproval(c: Context<ApiEnv>, approval: OpenApproval, back: string) {
  const input = await readInput(c, commentInput);
  const { db, clock } = c.get('deps');
  const result = await addContactComment(
    db,
    approval,
    { ...input, origin: requestOrigin(c), ip: clientIp(c) },
    clock(),
  );
  if (!result.ok) return refuseWith(c, APPROVAL_REFUSALS, reasonClosed(approval), { back });
  return done(c, {
    location: `${back}#comment-${result.commentId}`,
    body: { id: result.commentId },
    notice: 'approvals.commented',
  });
}

/** Edits (`edit`: the body comes in the request) or deletes one of the contact's own comments. */
export async function changeApprovalComment(
  c: Context<ApiEnv>,
  approval: OpenApproval,
  change: 'edit' | 'delete',
  back: string,
) {
  const body = change === 'edit' ? (await readInput(c, commentChangeInput)).body : null;
  const { db, clock } = c.get('deps');
  const result = await changeContactComment(
    db,
    approval,
    { commentId: c.req.param('commentId') ?? '', body, ip: clientIp(c) },
    clock(),
  );
  if (!result.ok)
    return refuseWith(
      c,
      APPROVAL_REFUSALS,
      result.error === 'closed' ? reasonClosed(approval) : result.error,
      { back },
    );
  return done(c, {
    location: back,
    body: { changed: true },
    notice: body === null ? 'approvals.commentDeleted' : 'approvals.commentEdited',
  });
}

/** The contact's decision on the version: once, whichever way they came. */
export async function decideOnApproval(c: Context<ApiEnv>, approval: OpenApproval, back: string) {
  const input = await readInput(c, decisionInput);
  const { db, clock } = c.get('deps');
  const result = await decideApproval(
    db,
    approval,
    { ...input, origin: requestOrigin(c), ip: clientIp(c) },
    policy,
    clock(),
  );
  if (!result.ok) return refuseWith(c, APPROVAL_REFUSALS, result.error, { back });
  return done(c, {
    location: back,
    body: { decision: input.decision },
    notice: input.decision === 'approved' ? 'approvals.thanksApproved' : 'approvals.thanksChanges',
  });
}
