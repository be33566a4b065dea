import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  approvalLinks,
  approvalRounds,
  events,
  internalReviews,
  outbox,
  pieceComments,
  pieces,
} from '../../db/schema/index.ts';
import { loadBoardPage } from '../../src/server/approvals/board-page.ts';
import { loadPiecePage } from '../../src/server/approvals/piece-page.ts';
import { openApprovalsApp, PNG, versionForm } from '../support/approvals.ts';
import {
  decideInternally,
  HEAD_OF_DESIGN,
  HEAD_OF_TRAFFIC,
  sessionOf,
} from '../support/internal-review.ts';
import { postJson } from '../support/sign-in.ts';
import { readJson, SAME_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

// The test clock: Monday 2 March 2026, 10:00 in São Paulo (13:00 UTC), as the day opens.
const sp = (isoLocal: string) => new Date(`${isoLocal}-03:00`);

/** A social post's internal review, end to end: opening, who decides, new versions, sending. */
describe.each(DRIVERS)('internal review before the client (%s)', (driver) => {
  let app: TestApp;
  let cs: string;
  let design: string;
  let otherCs: string;
  let headOfDesign: string;
  let headOfTraffic: string;
  let admin: string;
  let projectId: string;
  let pieceId: string;

  const upload = (id: string, cookie: string, extra: Record<string, string> = {}) =>
    app.request(`/api/pieces/${id}/versions`, {
      ...versionForm(PNG, extra),
      headers: { ...SAME_ORIGIN, cookie },
    });
  const send = (id: string) =>
    app.request(
      `/api/pieces/${id}/send`,
      postJson({ contactIds: ['demo-contact-bakery-owner'] }, { cookie: cs }),
    );
  const newPiece = async (kind: string, extra: Record<string, string> = {}) =>
    (
      await readJson(
        await app.request(
          '/api/pieces',
          postJson({ projectId, title: `Peça ${kind}`, kind, ...extra }, { cookie: cs }),
        ),
      )
    ).id as string;
  const reviewsOf = (id: string) =>
    app.db.select().from(internalReviews).where(eq(internalReviews.pieceId, id));
  const statusOf = async (id: string) =>
    (await app.db.select().from(pieces).where(eq(pieces.id, id)))[0]?.status;
  const written = async () => ({
    reviews: await app.db.select().from(internalReviews),
    rounds: (await app.db.select().from(approvalRounds)).length,
    links: (await app.db.select().from(approvalLinks)).length,
    mail: (await app.db.select().from(outbox)).length,
    events: (await app.db.select().from(events)).length,
    comments: (await app.db.select().from(pieceComments)).length,
  });

  beforeAll(async () => {
    ({ app, cs, design, otherCs } = await openApprovalsApp(driver));
    headOfDesign = await sessionOf(app, HEAD_OF_DESIGN);
    headOfTraffic = await sessionOf(app, HEAD_OF_TRAFFIC);
    admin = await sessionOf(app, 'admin@ponte.example');
    projectId = (
      await readJson(
        await app.request(
          '/api/pieces/projects',
          postJson(
            { clientId: 'demo-client-bakery', name: 'Campanha', designerId: 'demo-design' },
            { cookie: cs },
          ),
        ),
      )
    ).id;
    pieceId = await newPiece('social_post');
  });
  afterAll(() => app.close());

  it('opens the review of an uploaded social post, due in four business hours', async () => {
    const [piece] = await app.db.select().from(pieces).where(eq(pieces.id, pieceId));
    expect(piece?.discipline).toBe('design');
    const added = await upload(pieceId, design);
    expect(added.status).toBe(200);
    const [review] = await reviewsOf(pieceId);
    expect(review).toMatchObject({ status: 'open', discipline: 'design' });
    expect(review?.dueAt).toEqual(sp('2026-03-02T14:00:00'));
    expect(await statusOf(pieceId)).toBe('internal_review');
    // The head of design sees it on the piece page with the form and on the board; CS sees it
    // wait, no form; the head of traffic sees nothing of it.
    const head = { id: 'demo-head-design', roles: ['head_of_design' as const] };
    const trafficHead = { id: 'demo-head-traffic', roles: ['head_of_traffic' as const] };
    const forHead = await loadPiecePage(app.db, head, pieceId);
    expect(forHead?.internalReview).toMatchObject({ needed: true, mayDecide: true });
    expect(forHead?.internalReview?.current?.status).toBe('open');
    expect(forHead?.commentsStayInternal).toBe(true);
    const forCs = await loadPiecePage(app.db, { id: 'demo-cs', roles: ['cs'] }, pieceId);
    expect(forCs?.internalReview).toMatchObject({ needed: true, mayDecide: false });
    expect(await loadPiecePage(app.db, trafficHead, pieceId)).toBeNull();
    const board = await loadBoardPage(app.db, head);
    expect(board.pieces.map((p) => [p.id, p.status])).toEqual([[pieceId, 'internal_review']]);
    expect((await loadBoardPage(app.db, trafficHead)).pieces).toEqual([]);
  });

  it('refuses to send before the internal approval, naming the rule; nothing written', async () => {
    const before = await written();
    const refused = await send(pieceId);
    expect(refused.status).toBe(409);
    const { error } = await readJson(refused);
    expect(error.code).toBe('internal_review_pending');
    expect(error.message).toContain('/policies/internal-review/');
    expect(await written()).toEqual(before);
  });

  it('lets only the head of the discipline or an admin decide; the others are refused, nothing written', async () => {
    const before = await written();
    const byTraffic = await decideInternally(app, headOfTraffic, pieceId, {
      version: 1,
      decision: 'approved',
    });
    expect(byTraffic.status).toBe(403);
    const { error } = await readJson(byTraffic);
    expect(error.code).toBe('not_reviewer');
    expect(error.message).toMatch(/líder de design/);
    // The designer works on the piece but does not review it; another CS does not see it.
    const byDesigner = await decideInternally(app, design, pieceId, {
      version: 1,
      decision: 'approved',
    });
    expect(byDesigner.status).toBe(403);
    const byOtherCs = await decideInternally(app, otherCs, pieceId, {
      version: 1,
      decision: 'approved',
    });
    expect(byOtherCs.status).toBe(404);
    const noMessage = await decideInternally(app, headOfDesign, pieceId, {
      version: 1,
      decision: 'changes_requested',
      message: '  ',
    });
    expect(noMessage.status).toBe(400);
    expect((await readJson(noMessage)).error.fields).toHaveProperty('message');
    expect(await written()).toEqual(before);
  });

  it('e-mails the uploader the changes asked, kept as an internal comment; a second decision is refused', async () => {
    const asked = await decideInternally(app, headOfDesign, pieceId, {
      version: 1,
      decision: 'changes_requested',
      message: 'Aumente o logo.',
    });
    expect(asked.status).toBe(200);
    expect(await statusOf(pieceId)).toBe('internal_changes_requested');
    const [review] = await reviewsOf(pieceId);
    expect(review).toMatchObject({
      status: 'changes_requested',
      decidedBy: 'demo-head-design',
      message: 'Aumente o logo.',
    });
    const mail = await app.db
      .select()
      .from(outbox)
      .where(like(outbox.idempotencyKey, 'internal-review-changes_requested:%'));
    expect(mail.map((m) => m.toAddress)).toEqual(['design@ponte.example']);
    expect(mail[0]?.text).toContain('Aumente o logo.');
    const comments = await app.db
      .select()
      .from(pieceComments)
      .where(eq(pieceComments.pieceId, pieceId));
    expect(comments.map((c) => [c.body, c.internal])).toEqual([['Aumente o logo.', true]]);
    const again = await decideInternally(app, admin, pieceId, { version: 1, decision: 'approved' });
    expect(again.status).toBe(409);
    expect((await readJson(again)).error.code).toBe('already_decided');
  });

  it('restarts the step with each new version; a decision on a replaced version is refused', async () => {
    expect((await upload(pieceId, design)).status).toBe(200);
    expect((await upload(pieceId, design)).status).toBe(200);
    const byVersion = new Map(
      (await reviewsOf(pieceId)).map((r) => [r.versionId, r.status] as const),
    );
    expect([...byVersion.values()].sort()).toEqual(['changes_requested', 'open', 'superseded']);
    expect(await statusOf(pieceId)).toBe('internal_review');
    const before = await written();
    const late = await decideInternally(app, headOfDesign, pieceId, {
      version: 2,
      decision: 'approved',
    });
    expect(late.status).toBe(409);
    expect((await readJson(late)).error.code).toBe('superseded');
    expect(await written()).toEqual(before);
    const superseded = await app.db
      .select()
      .from(events)
      .where(and(eq(events.subjectId, pieceId), eq(events.action, 'internal_review_superseded')));
    expect(superseded.map((e) => e.data)).toEqual([{ version: 2 }]);
  });

  it('sends once an admin approved it: CS is e-mailed that it may go', async () => {
    const approved = await decideInternally(app, admin, pieceId, {
      version: 3,
      decision: 'approved',
    });
    expect(approved.status).toBe(200);
    expect(await statusOf(pieceId)).toBe('ready_to_send');
    const mail = await app.db
      .select()
      .from(outbox)
      .where(like(outbox.idempotencyKey, 'internal-review-approved:%'));
    expect(mail.map((m) => m.toAddress)).toEqual(['cs@ponte.example']);
    expect((await send(pieceId)).status).toBe(200);
    expect(await statusOf(pieceId)).toBe('awaiting_approval');
    // Withdrawn from the client, it stays approved inside: ready to send again.
    const withdrawn = await app.request(
      `/api/pieces/${pieceId}/revoke`,
      postJson({}, { cookie: cs }),
    );
    expect(withdrawn.status).toBe(200);
    expect(await statusOf(pieceId)).toBe('ready_to_send');
    expect((await send(pieceId)).status).toBe(200);
  });

  it('a traffic piece is the head of traffic’s: the head of design is refused', async () => {
    const banner = await newPiece('banner', { discipline: 'traffic' });
    await upload(banner, cs);
    const [review] = await reviewsOf(banner);
    expect(review?.discipline).toBe('traffic');
    const byDesignHead = await decideInternally(app, headOfDesign, banner, {
      version: 1,
      decision: 'approved',
    });
    expect(byDesignHead.status).toBe(403);
    const byTrafficHead = await decideInternally(app, headOfTraffic, banner, {
      version: 1,
      decision: 'approved',
    });
    expect(byTrafficHead.status).toBe(200);
  });

  it('kinds that need no review send as before', async () => {
    const email = await newPiece('email');
    const added = await upload(email, design);
    expect(added.status).toBe(200);
    expect(await reviewsOf(email)).toEqual([]);
    expect(await statusOf(email)).toBe('in_production');
    expect((await send(email)).status).toBe(200);
  });

  it('takes the reviewer’s comments, always internal, even when asked to show them', async () => {
    const commented = await app.request(
      `/api/pieces/${pieceId}/comments`,
      postJson({ body: 'Ficou ótimo.', visibleToClient: 'on' }, { cookie: headOfDesign }),
    );
    expect(commented.status).toBe(200);
    const { id } = await readJson(commented);
    const [comment] = await app.db.select().from(pieceComments).where(eq(pieceComments.id, id));
    expect(comment).toMatchObject({ body: 'Ficou ótimo.', internal: true });
    // The head of traffic reviews no design piece: it is not theirs to see.
    const outsider = await app.request(
      `/api/pieces/${pieceId}/comments`,
      postJson({ body: 'Oi' }, { cookie: headOfTraffic }),
    );
    expect(outsider.status).toBe(404);
  });

  it('records every step in the piece history', async () => {
    const history = await app.db.select().from(events).where(eq(events.subjectId, pieceId));
    const actions = history.map((e) => e.action).filter((a) => a.startsWith('internal_review'));
    expect(actions).toEqual([
      'internal_review_opened',
      'internal_review_changes_requested',
      'internal_review_opened',
      'internal_review_superseded',
      'internal_review_opened',
      'internal_review_approved',
    ]);
  });
});
