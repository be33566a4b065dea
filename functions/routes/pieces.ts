import { Hono } from 'hono';
import { HANDBOOK_PAGES, handbookHref } from '../../src/handbook/reading-lists.ts';
import { policy } from '../../src/policy/index.ts';
import { addAgencyComment } from '../../src/server/approvals/approval-comments.ts';
import {
  agencyCommentInput,
  pieceInput,
  projectInput,
  sendInput,
  versionInput,
} from '../../src/server/approvals/approval-input.ts';
import { PIECE_REFUSALS } from '../../src/server/approvals/approval-refusals.ts';
import {
  revokeContactLinks,
  revokeRound,
  sendForApproval,
} from '../../src/server/approvals/approval-rounds.ts';
import { decideInternalReview } from '../../src/server/approvals/internal-review-decision.ts';
import { internalDecisionInput } from '../../src/server/approvals/internal-review-input.ts';
import { INTERNAL_REVIEW_REFUSALS } from '../../src/server/approvals/internal-review-refusals.ts';
import { addVersion } from '../../src/server/approvals/piece-versions.ts';
import { createPiece, createProject, getPieceFor } from '../../src/server/approvals/pieces.ts';
import { setProjectVisibility } from '../../src/server/client-space/project-visibility.ts';
import { projectVisibilityInput } from '../../src/server/client-space/project-visibility-input.ts';
import type { ApiEnv } from '../http/api-env.ts';
import { actingPerson, requestOrigin, signedIn } from '../http/client-info.ts';
import { fileHeaders } from '../http/file-headers.ts';
import { readInput } from '../http/read-input.ts';
import { done, refuseWith } from '../http/respond.ts';
import { commentThreadRoutes } from './comment-threads.ts';

const MB = 1024 * 1024;

/** The agency's page of a piece, where its forms return. */
const piecePage = (id: string) => `/pieces/${encodeURIComponent(id)}`;

/** Projects, pieces, versions and approval rounds: CS, Design and admins (see ACCESS_RULES). */
export const pieceRoutes = new Hono<ApiEnv>()
  // Replies, resolve and reopen on a piece's comments.
  .route('/', commentThreadRoutes)
  .post('/projects', async (c) => {
    const input = await readInput(c, projectInput);
    const { db, clock } = c.get('deps');
    const result = await createProject(
      db,
      { ...input, designerId: input.designerId ?? undefined, ...actingPerson(c) },
      clock(),
    );
    const back = `/pieces?client=${encodeURIComponent(input.clientId)}`;
    if (!result.ok) return refuseWith(c, PIECE_REFUSALS, result.error, { back });
    return done(c, {
      location: back,
      body: { id: result.projectId },
      notice: 'approvals.projectCreated',
    });
  })
  .post('/projects/:id/visibility', async (c) => {
    // Whether the client's contacts follow the project in the client space (#18).
    const { visible } = await readInput(c, projectVisibilityInput);
    const { db, clock } = c.get('deps');
    const result = await setProjectVisibility(
      db,
      { projectId: c.req.param('id'), visible, ...actingPerson(c) },
      clock(),
    );
    if (!result.ok) return refuseWith(c, PIECE_REFUSALS, result.error);
    return done(c, {
      location: `/pieces?client=${encodeURIComponent(result.clientId)}#projects`,
      body: { visible, changed: result.changed },
      notice: visible ? 'spaceBoard.projectShown' : 'spaceBoard.projectHidden',
    });
  })
  .post('/', async (c) => {
    const input = await readInput(c, pieceInput);
    const { db, clock } = c.get('deps');
    const result = await createPiece(
      db,
      policy,
      { ...input, dueOn: input.dueOn ?? undefined, ...actingPerson(c) },
      clock(),
    );
    if (!result.ok) return refuseWith(c, PIECE_REFUSALS, result.error);
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
    if (!result.ok)
      return refuseWith(c, PIECE_REFUSALS, result.error, {
        back,
        params: { mb: policy.approvals.maxUploadBytes / MB },
      });
    return done(c, {
      location: back,
      body: { version: result.number, sent: result.sent },
      notice: result.internalReview
        ? 'internalReview.heldForReview'
        : result.sent > 0
          ? 'approvals.versionSent'
          : 'approvals.versionAdded',
      params: { version: result.number, count: result.sent },
    });
  })
  .post('/:id/send', async (c) => {
    const input = await readInput(c, sendInput);
    const { db, clock } = c.get('deps');
    const pieceId = c.req.param('id');
    const result = await sendForApproval(
      db,
      policy,
      { pieceId, ...input, ...actingPerson(c), origin: requestOrigin(c) },
      clock(),
    );
    if (!result.ok)
      return refuseWith(c, PIECE_REFUSALS, result.error, {
        back: piecePage(pieceId),
        // The send refusal names the rule's handbook page.
        params: { url: handbookHref(HANDBOOK_PAGES.internalReview.slug, c.get('locale')) },
      });
    return done(c, {
      location: piecePage(pieceId),
      body: { sent: result.sent },
      notice: 'approvals.sent',
      params: { count: result.sent },
    });
  })
  .post('/:id/revoke', async (c) => {
    const { db, clock } = c.get('deps');
    const pieceId = c.req.param('id');
    const result = await revokeRound(db, { pieceId, ...actingPerson(c) }, clock());
    const back = piecePage(pieceId);
    if (!result.ok) return refuseWith(c, PIECE_REFUSALS, result.error, { back });
    return done(c, { location: back, body: { revoked: true }, notice: 'approvals.revoked' });
  })
  .post('/:id/links/:contactId/revoke', async (c) => {
    const { db, clock } = c.get('deps');
    const pieceId = c.req.param('id');
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
    const back = piecePage(pieceId);
    if (!result.ok) return refuseWith(c, PIECE_REFUSALS, result.error, { back });
    return done(c, { location: back, body: { revoked: true }, notice: 'approvals.revoked' });
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
      return refuseWith(c, PIECE_REFUSALS, result.error, { back: piecePage(pieceId) });
    return done(c, {
      location: `${piecePage(pieceId)}#comment-${result.commentId}`,
      body: { id: result.commentId },
      notice: 'approvals.commented',
    });
  })
  // The internal review before the client (#17): a reviewer approves or asks for changes.
  .post('/:id/internal-review', async (c) => {
    const input = await readInput(c, internalDecisionInput);
    const { db, clock } = c.get('deps');
    const pieceId = c.req.param('id');
    const back = piecePage(pieceId);
    const result = await decideInternalReview(
      db,
      policy,
      {
        pieceId,
        versionNumber: input.version,
        decision: input.decision,
        message: input.message,
        ...actingPerson(c),
        origin: requestOrigin(c),
      },
      clock(),
    );
    if (!result.ok) return refuseWith(c, INTERNAL_REVIEW_REFUSALS, result.error, { back });
    return done(c, {
      location: `${back}#internal-review`,
      body: { decision: input.decision, sent: result.sent },
      notice:
        input.decision === 'changes_requested'
          ? 'internalReview.changesRequested'
          : result.sent > 0
            ? 'internalReview.approvedAndSent'
            : 'internalReview.approved',
      params: { count: result.sent },
    });
  })
  .get('/:id/versions/:number/file', async (c) => {
    const { db, files } = c.get('deps');
    const found = await getPieceFor(db, signedIn(c).user, c.req.param('id'));
    const version = found?.versions.find((v) => String(v.number) === c.req.param('number'));
    const object = version ? await files.get(version.fileKey) : null;
    if (!version || !object) return refuseWith(c, PIECE_REFUSALS, 'not_found');
    // Inline: a PDF may be framed by our own pages.
    c.set('embeddable', true);
    return c.body(object.body, 200, fileHeaders('inline', version));
  });
