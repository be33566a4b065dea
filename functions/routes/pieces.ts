import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { COMMENT_TARGETS, PIECE_KINDS } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { addAgencyComment } from '../../src/server/approvals/approval-comments.ts';
import {
  revokeContactLinks,
  revokeRound,
  sendForApproval,
} from '../../src/server/approvals/approval-rounds.ts';
import { isValidPin } from '../../src/server/approvals/approval-rules.ts';
import { addVersion } from '../../src/server/approvals/piece-versions.ts';
import { createPiece, createProject, getPieceFor } from '../../src/server/approvals/pieces.ts';
import { cleanFileName, contentDisposition } from '../../src/server/files/file-names.ts';
import {
  checkbox,
  fieldMessage,
  isRealDate,
  oneOrMany,
  optionalText,
} from '../../src/server/forms/input-fields.ts';
import type { ApiEnv } from '../http/api-env.ts';
import { actingPerson, requestOrigin, signedIn } from '../http/client-info.ts';
import { readInput } from '../http/read-input.ts';
import { done, refuse, refuseAction } from '../http/respond.ts';

const MB = 1024 * 1024;

/** The agency's page of a piece, where its forms return. */
export const piecePage = (id: string) => `/pieces/${encodeURIComponent(id)}`;

const notFound = (c: Context<ApiEnv>) =>
  refuse(c, { status: 404, code: 'not_found', messageKey: 'errors.notFound' });
const onlyCs = (c: Context<ApiEnv>, back: string) =>
  refuse(c, { status: 403, code: 'not_allowed', messageKey: 'approvals.onlyCs', back });

const projectInput = z.object({
  clientId: z.string().min(1),
  name: z.string().trim().min(1).max(160),
  designerId: optionalText(64),
});
const pieceInput = z.object({
  projectId: z.string().min(1),
  title: z.string().trim().min(1).max(160),
  kind: z.enum(PIECE_KINDS),
  dueOn: optionalText(10, isRealDate, 'fields.invalidDate'),
});
const versionInput = z.object({
  file: z.custom<File>(
    (value) => value instanceof File && value.size > 0,
    fieldMessage('fields.fileRequired'),
  ),
  text: z.string().max(5000).default(''),
  sendToSameContacts: checkbox,
});
const sendInput = z.object({
  contactIds: oneOrMany(z.string()),
  rule: z.enum(['all', 'any']).optional(),
});

/** A pin's coordinate as a form sends it: empty when there is none. */
const coordinate = z.preprocess(
  (value) => (value === '' || value === null ? undefined : value),
  z.coerce.number().min(0).max(1).optional(),
);

/** A comment as both sides post it: where it points, and what it says. */
export const commentInput = z
  .object({
    target: z.enum(COMMENT_TARGETS).default('general'),
    body: z.string().trim().min(1).max(4000),
    pinX: coordinate,
    pinY: coordinate,
  })
  .refine((comment) => isValidPin(comment.pinX, comment.pinY), {
    path: ['pinX'],
    ...fieldMessage('fields.invalidFormat'),
  });

// Visible to the client only when the request says so: a missing field (a JSON body without
// it, a form whose box is unticked) gives an internal comment.
const agencyCommentInput = commentInput.and(
  z.object({ visibleToClient: checkbox, version: z.coerce.number().int().min(1).optional() }),
);

/** Projects, pieces, versions and approval rounds: CS, Design and admins (see ACCESS_RULES). */
export const pieceRoutes = new Hono<ApiEnv>()
  .post('/projects', async (c) => {
    const input = await readInput(c, projectInput);
    const { db, clock } = c.get('deps');
    const result = await createProject(
      db,
      { ...input, designerId: input.designerId ?? undefined, ...actingPerson(c) },
      clock(),
    );
    const back = `/pieces?client=${encodeURIComponent(input.clientId)}`;
    if (!result.ok)
      return result.error === 'not_found'
        ? notFound(c)
        : refuse(c, {
            status: 400,
            code: 'not_designer',
            messageKey: 'approvals.notDesigner',
            field: 'designerId',
            back,
          });
    return done(c, {
      location: back,
      body: { id: result.projectId },
      notice: 'approvals.projectCreated',
    });
  })
  .post('/', async (c) => {
    const input = await readInput(c, pieceInput);
    const { db, clock } = c.get('deps');
    const result = await createPiece(
      db,
      { ...input, dueOn: input.dueOn ?? undefined, ...actingPerson(c) },
      clock(),
    );
    if (!result.ok) return notFound(c);
    return done(c, {
      location: piecePage(result.pieceId),
      body: { id: result.pieceId },
      notice: 'approvals.pieceCreated',
    });
  })
  .post('/:id/versions', async (c) => {
    const input = await readInput(c, versionInput);
    const deps = c.get('deps');
    const pieceId = c.req.param('id');
    const back = piecePage(pieceId);
    const result = await addVersion(
      deps,
      policy,
      {
        pieceId,
        fileName: input.file.name,
        bytes: new Uint8Array(await input.file.arrayBuffer()),
        text: input.text.trim(),
        sendToSameContacts: input.sendToSameContacts,
        ...actingPerson(c),
        origin: requestOrigin(c),
      },
      deps.clock(),
    );
    if (result.ok)
      return done(c, {
        location: back,
        body: { version: result.number, sent: result.sent },
        notice: result.sent > 0 ? 'approvals.versionSent' : 'approvals.versionAdded',
        params: { version: result.number, count: result.sent },
      });
    switch (result.error) {
      case 'not_found':
        return notFound(c);
      case 'conflict':
        return refuse(c, { status: 409, code: 'conflict', messageKey: 'errors.conflict', back });
      case 'too_large':
        return refuse(c, {
          status: 413,
          code: 'too_large',
          messageKey: 'fields.fileTooLarge',
          params: { mb: policy.approvals.maxUploadBytes / MB },
          field: 'file',
          back,
        });
      default:
        return refuse(c, {
          status: 415,
          code: 'wrong_type',
          messageKey: 'approvals.wrongFileType',
          field: 'file',
          back,
        });
    }
  })
  .post('/:id/send', async (c) => {
    const input = await readInput(c, sendInput);
    const { db, clock } = c.get('deps');
    const pieceId = c.req.param('id');
    const back = piecePage(pieceId);
    const result = await sendForApproval(
      db,
      policy,
      { pieceId, ...input, ...actingPerson(c), origin: requestOrigin(c) },
      clock(),
    );
    if (result.ok)
      return done(c, {
        location: back,
        body: { sent: result.sent },
        notice: 'approvals.sent',
        params: { count: result.sent },
      });
    switch (result.error) {
      case 'not_found':
        return notFound(c);
      case 'not_allowed':
        return onlyCs(c, back);
      case 'no_contacts':
        return refuse(c, {
          status: 400,
          code: 'no_contacts',
          messageKey: 'approvals.noApprovers',
          field: 'contactIds',
          back,
        });
      case 'no_version':
        return refuse(c, {
          status: 409,
          code: 'no_version',
          messageKey: 'approvals.noVersion',
          back,
        });
      default:
        return refuse(c, {
          status: 409,
          code: 'decided',
          messageKey: 'approvals.alreadyDecided',
          back,
        });
    }
  })
  .post('/:id/revoke', async (c) => {
    const { db, clock } = c.get('deps');
    const pieceId = c.req.param('id');
    const back = piecePage(pieceId);
    const result = await revokeRound(db, { pieceId, ...actingPerson(c) }, clock());
    if (result.ok)
      return done(c, { location: back, body: { revoked: true }, notice: 'approvals.revoked' });
    if (result.error === 'not_found') return notFound(c);
    if (result.error === 'not_allowed') return onlyCs(c, back);
    return refuseAction(c, 'wrong_status', 'round', back);
  })
  .post('/:id/links/:contactId/revoke', async (c) => {
    const { db, clock } = c.get('deps');
    const pieceId = c.req.param('id');
    const back = piecePage(pieceId);
    const result = await revokeContactLinks(
      db,
      {
        pieceId,
        contactId: c.req.param('contactId'),
        ...actingPerson(c),
        origin: requestOrigin(c),
      },
      clock(),
    );
    if (result.ok)
      return done(c, { location: back, body: { revoked: true }, notice: 'approvals.revoked' });
    if (result.error === 'not_found') return notFound(c);
    if (result.error === 'not_allowed') return onlyCs(c, back);
    return refuseAction(c, 'wrong_status', 'round', back);
  })
  .post('/:id/comments', async (c) => {
    const { version, ...input } = await readInput(c, agencyCommentInput);
    const { db, clock } = c.get('deps');
    const pieceId = c.req.param('id');
    const result = await addAgencyComment(
      db,
      { ...input, pieceId, versionNumber: version, ...actingPerson(c) },
      clock(),
    );
    if (!result.ok)
      return result.error === 'not_found'
        ? notFound(c)
        : refuse(c, {
            status: 409,
            code: 'no_version',
            messageKey: 'approvals.noVersion',
            back: piecePage(pieceId),
          });
    return done(c, {
      location: `${piecePage(pieceId)}#comment-${result.commentId}`,
      body: { id: result.commentId },
      notice: 'approvals.commented',
    });
  })
  .get('/:id/versions/:number/file', async (c) => {
    const { db, files } = c.get('deps');
    const found = await getPieceFor(db, signedIn(c).user, c.req.param('id'));
    const version = found?.versions.find((v) => String(v.number) === c.req.param('number'));
    const object = version ? await files.get(version.fileKey) : null;
    if (!version || !object) return notFound(c);
    c.set('embeddable', true);
    return c.body(object.body, 200, fileHeaders(version));
  });

/**
 * How a piece's file is served: its own type, inline (a PDF may be framed by our own pages),
 * never sniffed, under its cleaned name.
 */
export function fileHeaders(version: { contentType: string; fileName: string; size: number }) {
  return {
    'Content-Type': version.contentType,
    'Content-Disposition': contentDisposition(
      'inline',
      cleanFileName(version.fileName, version.contentType),
    ),
    'Content-Length': String(version.size),
  };
}
