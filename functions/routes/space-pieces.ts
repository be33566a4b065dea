import type { Context } from 'hono';
import { Hono } from 'hono';
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
import { recordFirstView } from '../../src/server/approvals/first-view.ts';
import { openSpaceApproval } from '../../src/server/client-space/space-piece.ts';
import { findSpaceVersionFile } from '../../src/server/client-space/space-piece-files.ts';
import type { ApiEnv } from '../http/api-env.ts';
import { clientIp, requestOrigin } from '../http/client-info.ts';
import { fileHeaders } from '../http/file-headers.ts';
import { readInput } from '../http/read-input.ts';
import { done, refuseWith } from '../http/respond.ts';
import { signedInContact } from '../http/space-guard.ts';

/** The space's page of a piece, where every form returns. */
const spacePiecePage = (id: string) => `/space/pieces/${encodeURIComponent(id)}`;

/**
 * The approval the signed-in contact acts on, through their own link to the piece's round
 * (the same decision as the e-mailed link); 404 for anything else — another client's piece,
 * a hidden project, a round they were not sent — with nothing written.
 */
async function openForContact(
  c: Context<ApiEnv>,
  options: { withContents?: boolean } = {},
): Promise<OpenApproval | Response> {
  const { db, clock } = c.get('deps');
  const approval = await openSpaceApproval(
    db,
    signedInContact(c),
    c.req.param('id') ?? '',
    clock(),
    options,
  );
  return approval ?? refuseWith(c, APPROVAL_REFUSALS, 'not_found');
}

/** Why a contact can no longer comment: their own decision, or the round's end. */
const reasonClosed = (approval: OpenApproval) => (approval.hasDecided ? 'decided' : 'closed');

/** A contact's approvals in the client space (#18): the link's actions, by the session. */
export const spacePieceRoutes = new Hono<ApiEnv>()
  .get('/:id/versions/:number/file', async (c) => {
    // Only a version sent to the contact's client, of a piece they see (see findSpaceVersionFile).
    const number = c.req.param('number');
    const { db, files } = c.get('deps');
    const version = /^[1-9]\d{0,8}$/.test(number)
      ? await findSpaceVersionFile(db, signedInContact(c), c.req.param('id'), Number(number))
      : null;
    const object = version ? await files.get(version.fileKey) : null;
    if (!version || !object) return refuseWith(c, APPROVAL_REFUSALS, 'not_found');
    c.set('embeddable', true);
    c.header('Cache-Control', 'private, no-store');
    return c.body(object.body, 200, fileHeaders('inline', version));
  })
  .post('/:id/viewed', async (c) => {
    const approval = await openForContact(c, { withContents: false });
    if (approval instanceof Response) return approval;
    const { db, clock } = c.get('deps');
    await recordFirstView(db, approval, clientIp(c), clock());
    return c.body(null, 204);
  })
  .post('/:id/comments', async (c) => {
    const approval = await openForContact(c, { withContents: false });
    if (approval instanceof Response) return approval;
    const input = await readInput(c, commentInput);
    const { db, clock } = c.get('deps');
    const back = spacePiecePage(approval.piece.id);
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
  })
  .post('/:id/comments/:commentId', async (c) => {
    const approval = await openForContact(c);
    if (approval instanceof Response) return approval;
    const { body } = await readInput(c, commentChangeInput);
    return changeComment(c, approval, body);
  })
  .post('/:id/comments/:commentId/delete', async (c) => {
    const approval = await openForContact(c);
    if (approval instanceof Response) return approval;
    return changeComment(c, approval, null);
  })
  .post('/:id/decision', async (c) => {
    const approval = await openForContact(c);
    if (approval instanceof Response) return approval;
    const input = await readInput(c, decisionInput);
    const { db, clock } = c.get('deps');
    const back = spacePiecePage(approval.piece.id);
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
      notice:
        input.decision === 'approved' ? 'approvals.thanksApproved' : 'approvals.thanksChanges',
    });
  });

/** Edits (a new body) or deletes (null) one of the contact's own comments. */
async function changeComment(c: Context<ApiEnv>, approval: OpenApproval, body: string | null) {
  const { db, clock } = c.get('deps');
  const back = spacePiecePage(approval.piece.id);
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
