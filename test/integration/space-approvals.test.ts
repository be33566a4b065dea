import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvalDecisions, clientContacts, pieceComments, pieces } from '../../db/schema/index.ts';
import { openApprovalByToken } from '../../src/server/approvals/approval-links.ts';
import { loadSpaceBoard } from '../../src/server/client-space/space-board.ts';
import { loadSpacePiecePage } from '../../src/server/client-space/space-piece.ts';
import { asClient, DAY, openSentPiece } from '../support/approvals.ts';
import { postJson } from '../support/sign-in.ts';
import { contactViewerOf, spaceCookieOf } from '../support/space-contact-session.ts';
import { readJson, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const RITA = 'demo-contact-bakery-owner';
const JOAO = 'demo-contact-bakery-marketing';
const MARINA = 'demo-contact-clinic-director';
const ANA = 'test-contact-bakery-follower';

/** Approving in the client space (#18): the link's approval, one decision across both. */
describe.each(DRIVERS)('approving in the client space (%s)', (driver) => {
  let app: TestApp;
  let cs: string;
  let pieceId: string;
  let rita: string;
  let joao: string;
  let cookie: Record<string, string>;

  const inSpace = (who: string, path: string, body: unknown) =>
    app.request(`/api/space/pieces/${pieceId}${path}`, postJson(body, { cookie: cookie[who] }));
  const pageOf = async (contactId: string) =>
    loadSpacePiecePage(app.db, await contactViewerOf(app, contactId), pieceId, app.deps.clock());
  const decisionsOf = async (contactId: string) =>
    app.db.select().from(approvalDecisions).where(eq(approvalDecisions.contactId, contactId));
  const commentCount = async () => (await app.db.select().from(pieceComments)).length;

  beforeAll(async () => {
    ({ app, cs, pieceId, rita, joao } = await openSentPiece(driver));
    // A contact of the bakery who follows the work but was not sent the round.
    await app.db.insert(clientContacts).values({
      id: ANA,
      clientId: 'demo-client-bakery',
      name: 'Ana Souza',
      email: 'ana@paoquente.example',
      createdAt: app.deps.clock(),
    });
    cookie = {
      [RITA]: await spaceCookieOf(app, RITA),
      [JOAO]: await spaceCookieOf(app, JOAO),
      [MARINA]: await spaceCookieOf(app, MARINA),
      [ANA]: await spaceCookieOf(app, ANA),
    };
    // The agency's own talk on the piece: an internal comment, and an internal reply under
    // a visible one.
    await app.request(
      `/api/pieces/${pieceId}/comments`,
      postJson({ target: 'general', body: 'SEGREDO-INTERNO margem baixa' }, { cookie: cs }),
    );
    const visible = await app.request(
      `/api/pieces/${pieceId}/comments`,
      postJson({ target: 'text', body: 'Legenda revisada', visibleToClient: true }, { cookie: cs }),
    );
    const { id: visibleId } = await readJson(visible);
    const reply = await app.request(
      `/api/pieces/${pieceId}/comments/${visibleId}/replies`,
      postJson({ reply: 'RESPOSTA-INTERNA só nossa', internalOnly: true }, { cookie: cs }),
    );
    expect(reply.status).toBe(200);
  });
  afterAll(() => app.close());

  it('hides the piece while its project is not visible: 404 on the page and the actions, nothing written', async () => {
    expect(await pageOf(RITA)).toBeNull();
    const before = await commentCount();
    const refused = await inSpace(RITA, '/comments', { target: 'general', body: 'Oi' });
    expect(refused.status).toBe(404);
    expect(await commentCount()).toBe(before);
  });

  it('opens the same approval as the e-mailed link for a contact who was sent the round', async () => {
    const [piece] = await app.db.select().from(pieces).where(eq(pieces.id, pieceId));
    const shown = await app.request(
      `/api/pieces/projects/${piece?.projectId}/visibility`,
      postJson({ visible: 'true' }, { cookie: cs }),
    );
    expect(shown.status).toBe(200);
    const page = await pageOf(RITA);
    const link = await openApprovalByToken(app.db, rita, app.deps.clock());
    if (page?.mode !== 'approval' || !link.ok) throw new Error('expected the approval');
    expect(page.approval.round.id).toBe(link.approval.round.id);
    expect(page.approval.mayAct).toBe(true);
    expect(page.approval.comments.map((c) => c.id)).toEqual(
      link.approval.comments.map((c) => c.id),
    );
  });

  it('never shows an internal comment or reply anywhere in the space', async () => {
    const board = await loadSpaceBoard(app.db, await contactViewerOf(app, RITA));
    for (const seen of [await pageOf(RITA), await pageOf(ANA)]) {
      const text = JSON.stringify(seen);
      expect(text).toContain('Legenda revisada');
      expect(text).not.toContain('SEGREDO-INTERNO');
      expect(text).not.toContain('RESPOSTA-INTERNA');
    }
    expect(JSON.stringify(board)).not.toMatch(/SEGREDO-INTERNO|RESPOSTA-INTERNA/);
  });

  it('shows the piece read-only to a contact who was not sent the round: no action, nothing written', async () => {
    const page = await pageOf(ANA);
    expect(page?.mode).toBe('read');
    const before = await commentCount();
    const comment = await inSpace(ANA, '/comments', { target: 'general', body: 'Gostei' });
    expect(comment.status).toBe(404);
    const decision = await inSpace(ANA, '/decision', { decision: 'approved' });
    expect(decision.status).toBe(404);
    expect(await commentCount()).toBe(before);
    expect(await decisionsOf(ANA)).toHaveLength(0);
  });

  it('answers another client’s contact with 404 and writes nothing', async () => {
    expect(await pageOf(MARINA)).toBeNull();
    const decision = await inSpace(MARINA, '/decision', { decision: 'approved' });
    expect(decision.status).toBe(404);
    expect(await decisionsOf(MARINA)).toHaveLength(0);
  });

  it('takes a comment in the space that the link then shows, as the contact’s own', async () => {
    const posted = await inSpace(RITA, '/comments', {
      target: 'image',
      body: 'Mais luz',
      pinX: 0.5,
      pinY: 0.5,
    });
    expect(posted.status).toBe(200);
    const { id } = await readJson(posted);
    const link = await openApprovalByToken(app.db, rita, app.deps.clock());
    if (!link.ok) throw new Error('link');
    expect(link.approval.comments.find((c) => c.id === id)?.authorContactId).toBe(RITA);
  });

  it('decides once: in the space, then the link says already decided (409)', async () => {
    const decided = await inSpace(RITA, '/decision', { decision: 'approved' });
    expect(decided.status).toBe(200);
    const again = await asClient(app, rita, '/decision', {
      decision: 'changes_requested',
      message: 'Não',
    });
    expect(again.status).toBe(409);
    expect((await readJson(again)).error.code).toBe('decided');
    expect(await decisionsOf(RITA)).toHaveLength(1);
    const page = await pageOf(RITA);
    expect(page?.mode === 'approval' && page.approval.ownDecision?.decision).toBe('approved');
  });

  it('and the other way round: by the link, then the space says already decided (409)', async () => {
    const decided = await asClient(app, joao, '/decision', { decision: 'approved' });
    expect(decided.status).toBe(200);
    const again = await inSpace(JOAO, '/decision', { decision: 'approved' });
    expect(again.status).toBe(409);
    expect(await decisionsOf(JOAO)).toHaveLength(1);
  });
});

describe.each(DRIVERS)('one decision across the link and the space (%s)', (driver) => {
  let app: TestApp;
  let pieceId: string;
  let rita: string;
  let cookie: string;

  beforeAll(async () => {
    let cs: string;
    ({ app, cs, pieceId, rita } = await openSentPiece(driver));
    const [piece] = await app.db.select().from(pieces).where(eq(pieces.id, pieceId));
    await app.request(
      `/api/pieces/projects/${piece?.projectId}/visibility`,
      postJson({ visible: 'true' }, { cookie: cs }),
    );
    cookie = await spaceCookieOf(app, RITA);
  });
  afterAll(() => app.close());

  it('lets the space act after the e-mailed link expired: the session vouches for the contact', async () => {
    app.setNow(new Date(app.deps.clock().getTime() + 60 * DAY));
    const expired = await asClient(app, rita, '/comments', { target: 'general', body: 'x' });
    expect(expired.status).toBe(410);
    const page = await loadSpacePiecePage(
      app.db,
      await contactViewerOf(app, RITA),
      pieceId,
      app.deps.clock(),
    );
    expect(page?.mode === 'approval' && page.approval.mayAct).toBe(true);
  });

  it('makes one decision of twenty at once, ten through each', async () => {
    // The link was renewed by a reminder in real life; here a fresh clock keeps it open.
    app.setNow(new Date('2026-03-03T13:00:00.000Z'));
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0
          ? asClient(app, rita, '/decision', { decision: 'approved' })
          : app.request(
              `/api/space/pieces/${pieceId}/decision`,
              postJson({ decision: 'approved' }, { cookie }),
            ),
      ),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const rows = await app.db
      .select()
      .from(approvalDecisions)
      .where(and(eq(approvalDecisions.contactId, RITA)));
    expect(rows).toHaveLength(1);
  });
});
