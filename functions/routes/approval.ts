import type { Context } from 'hono';
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { createTranslator } from '../../src/i18n/index.ts';
import {
  type OpenApproval,
  openApprovalByToken,
} from '../../src/server/approvals/approval-links.ts';
import { APPROVAL_REFUSALS } from '../../src/server/approvals/approval-refusals.ts';
import { recordFirstView } from '../../src/server/approvals/first-view.ts';
import { findVersionSentToContact } from '../../src/server/approvals/versions-sent.ts';
import type { ApiEnv } from '../http/api-env.ts';
import { clientIp } from '../http/client-info.ts';
import {
  changeApprovalComment,
  commentOnApproval,
  decideOnApproval,
} from '../http/contact-approval-actions.ts';
import { fileHeaders } from '../http/file-headers.ts';
import { refuseLink, refuseWith } from '../http/respond.ts';

/** The client's page of a link, where every form returns. */
const approvalPage = (token: string) => `/approval/${token}`;

/** Token in the path: the address must not travel on in a Referer, or sit in a cache. */
const tokenHeaders = createMiddleware<ApiEnv>(async (c, next) => {
  await next();
  c.header('Referrer-Policy', 'no-referrer');
  c.header('Cache-Control', 'no-store');
});

/**
 * Opens the approval of the token in the path and answers in its contact's language;
 * a bad link gets 404 (unknown) or 410 (revoked, expired) with a clear message.
 */
async function openByPath(
  c: Context<ApiEnv>,
  options: { withContents?: boolean } = {},
): Promise<OpenApproval | Response> {
  const { db, clock } = c.get('deps');
  const opened = await openApprovalByToken(db, c.req.param('token') ?? '', clock(), options);
  if (!opened.ok) return refuseLink(c, opened.error, 'approvals');
  c.set('locale', opened.approval.contact.locale);
  c.set('t', createTranslator(opened.approval.contact.locale));
  return opened.approval;
}

/** The client's side of approvals: reached by a personal link, no account (see ACCESS_RULES). */
export const approvalRoutes = new Hono<ApiEnv>()
  .use('/:token/*', tokenHeaders)
  .get('/:token/file', async (c) => {
    const approval = await openByPath(c, { withContents: false });
    if (approval instanceof Response) return approval;
    // Loading the file records nothing: a scanner or a preview may fetch it too.
    const object = await c.get('deps').files.get(approval.version.fileKey);
    if (!object) return refuseWith(c, APPROVAL_REFUSALS, 'not_found');
    // Inline: the approval page shows a PDF in a frame.
    c.set('embeddable', true);
    return c.body(object.body, 200, fileHeaders('inline', approval.version));
  })
  .get('/:token/versions/:number/file', async (c) => {
    // An earlier version, for the comparison: only one this contact was sent (any other is
    // unknown here, 404, as a version that does not exist).
    const approval = await openByPath(c, { withContents: false });
    if (approval instanceof Response) return approval;
    const number = c.req.param('number');
    const { db, files } = c.get('deps');
    const version = /^[1-9]\d{0,8}$/.test(number)
      ? await findVersionSentToContact(
          db,
          { pieceId: approval.piece.id, contactId: approval.contact.id },
          Number(number),
        )
      : null;
    const object = version ? await files.get(version.fileKey) : null;
    if (!version || !object) return refuseWith(c, APPROVAL_REFUSALS, 'not_found');
    c.set('embeddable', true);
    return c.body(object.body, 200, fileHeaders('inline', version));
  })
  .post('/:token/viewed', async (c) => {
    // Sent by the page's script once it is shown; without JavaScript, the first comment or
    // decision records the view instead. A GET never does: mail scanners fetch links.
    const approval = await openByPath(c, { withContents: false });
    if (approval instanceof Response) return approval;
    const { db, clock } = c.get('deps');
    await recordFirstView(db, approval, clientIp(c), clock());
    return c.body(null, 204);
  })
  .post('/:token/comments', async (c) => {
    const approval = await openByPath(c, { withContents: false });
    if (approval instanceof Response) return approval;
    return commentOnApproval(c, approval, approvalPage(c.req.param('token')));
  })
  .post('/:token/comments/:commentId', async (c) => {
    const approval = await openByPath(c);
    if (approval instanceof Response) return approval;
    return changeApprovalComment(c, approval, 'edit', approvalPage(c.req.param('token')));
  })
  .post('/:token/comments/:commentId/delete', async (c) => {
    const approval = await openByPath(c);
    if (approval instanceof Response) return approval;
    return changeApprovalComment(c, approval, 'delete', approvalPage(c.req.param('token')));
  })
  .post('/:token/decision', async (c) => {
    const approval = await openByPath(c);
    if (approval instanceof Response) return approval;
    return decideOnApproval(c, approval, approvalPage(c.req.param('token')));
  });
