import type { Context } from 'hono';
import { Hono } from 'hono';
import type { OpenApproval } from '../../src/server/approvals/approval-links.ts';
import { APPROVAL_REFUSALS } from '../../src/server/approvals/approval-refusals.ts';
import { recordFirstView } from '../../src/server/approvals/first-view.ts';
import { openSpaceApproval } from '../../src/server/client-space/space-piece.ts';
import { findSpaceVersionFile } from '../../src/server/client-space/space-piece-files.ts';
import type { ApiEnv } from '../http/api-env.ts';
import { clientIp } from '../http/client-info.ts';
import {
  changeApprovalComment,
  commentOnApproval,
  decideOnApproval,
} from '../http/contact-approval-actions.ts';
import { fileHeaders } from '../http/file-headers.ts';
import { refuseWith } from '../http/respond.ts';
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
    return commentOnApproval(c, approval, spacePiecePage(approval.piece.id));
  })
  .post('/:id/comments/:commentId', async (c) => {
    const approval = await openForContact(c);
    if (approval instanceof Response) return approval;
    return changeApprovalComment(c, approval, 'edit', spacePiecePage(approval.piece.id));
  })
  .post('/:id/comments/:commentId/delete', async (c) => {
    const approval = await openForContact(c);
    if (approval instanceof Response) return approval;
    return changeApprovalComment(c, approval, 'delete', spacePiecePage(approval.piece.id));
  })
  .post('/:id/decision', async (c) => {
    const approval = await openForContact(c);
    if (approval instanceof Response) return approval;
    return decideOnApproval(c, approval, spacePiecePage(approval.piece.id));
  });
