import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, outbox, pieceComments, pieces } from '../../db/schema/index.ts';
import { createTranslator } from '../../src/i18n/index.ts';
import { policy } from '../../src/policy/index.ts';
import { loadApprovalPage } from '../../src/server/approvals/approval-page.ts';
import { loadBoardPage } from '../../src/server/approvals/board-page.ts';
import { loadPiecePage } from '../../src/server/approvals/piece-page.ts';
import { describeEvent } from '../../src/server/audit/history-sentence.ts';
import { approvalToken, asClient, openSentPiece, PNG, versionForm } from '../support/approvals.ts';
import { postJson } from '../support/sign-in.ts';
import { countRoundTrips, readJson, SAME_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

/** Replies to comments, who sees them, resolving, and what the next version and the board show. */

const CS = { id: 'demo-cs', roles: ['cs' as const] };

describe.each(DRIVERS)('conversation on comments (%s)', (driver) => {
  let app: TestApp;
  let cs: string;
  let design: string;
  let pieceId: string;
  let rita: string;
  let joao: string;
  // Rita's comment on version 1, and João's.
  let ritaComment: string;
  let joaoComment: string;

  const reply = (commentId: string, body: Record<string, unknown>, cookie = cs) =>
    app.request(`/api/pieces/${pieceId}/comments/${commentId}/replies`, postJson(body, { cookie }));
  const thread = (commentId: string, what: 'resolve' | 'reopen', cookie = cs) =>
    app.request(`/api/pieces/${pieceId}/comments/${commentId}/${what}`, postJson({}, { cookie }));
  const comment = async (id: string) =>
    (await app.db.select().from(pieceComments).where(eq(pieceComments.id, id)))[0];
  const clientPage = async (token: string) => {
    const page = await loadApprovalPage(app.db, policy, { token, ip: null }, app.deps.clock());
    if (page.refusal) throw new Error(`link refused: ${page.refusal.problem}`);
    return page;
  };

  beforeAll(async () => {
    ({ app, cs, design, pieceId, rita, joao } = await openSentPiece(driver));
    // A kind the agency does not review internally first: a new version goes straight to the
    // client's contacts, as the next-version checks below need.
    await app.db.update(pieces).set({ kind: 'email' }).where(eq(pieces.id, pieceId));
    ritaComment = (await readJson(await asClient(app, rita, '/comments', { body: 'Mais claro' })))
      .id;
    joaoComment = (await readJson(await asClient(app, joao, '/comments', { body: 'Logo maior' })))
      .id;
  });
  afterAll(() => app.close());

  it('shows a reply to a client’s comment to the client, unless it is marked internal only', async () => {
    const mailBefore = await app.db.select({ id: outbox.id }).from(outbox);
    const shown = await reply(ritaComment, { reply: 'Vamos clarear o fundo' });
    expect(shown.status).toBe(200);
    expect(await readJson(shown)).toMatchObject({ internal: false });
    const kept = await reply(ritaComment, { reply: 'Cliente difícil', internalOnly: true });
    expect(await readJson(kept)).toMatchObject({ internal: true });
    // A plain form, box unticked: the reply is for the client, and the page comes back.
    const form = await app.request(`/api/pieces/${pieceId}/comments/${ritaComment}/replies`, {
      method: 'POST',
      headers: { ...SAME_ORIGIN, Accept: 'text/html', Cookie: design },
      body: new URLSearchParams({ reply: 'Já ajustei', returnTo: `/pieces/${pieceId}` }),
    });
    expect(form.status).toBe(303);
    expect(form.headers.get('Location')).toMatch(new RegExp(`^/pieces/${pieceId}#comment-`));

    const page = await clientPage(rita);
    const ritas = page.approval.comments.find((c) => c.id === ritaComment);
    expect(ritas?.replies.map((r) => r.body)).toEqual(['Vamos clarear o fundo', 'Já ajustei']);
    expect(JSON.stringify(page)).not.toContain('Cliente difícil');
    // No e-mail for a reply: the client reads it on their link (and on the next version).
    expect(await app.db.select({ id: outbox.id }).from(outbox)).toHaveLength(mailBefore.length);
    // The agency sees all three, the internal one marked.
    const agency = await loadPiecePage(app.db, CS, pieceId);
    const thread = agency?.comments.find((c) => c.id === ritaComment);
    expect(thread?.replies.map((r) => [r.body, r.internal])).toEqual([
      ['Vamos clarear o fundo', false],
      ['Cliente difícil', true],
      ['Já ajustei', false],
    ]);
  });

  it('keeps comments the agency starts internal, and every reply to them', async () => {
    const started = await app.request(
      `/api/pieces/${pieceId}/comments`,
      postJson({ body: 'Nota da equipe' }, { cookie: design }),
    );
    const noteId = (await readJson(started)).id;
    const answered = await reply(noteId, { reply: 'Concordo', internalOnly: false });
    expect(await readJson(answered)).toMatchObject({ internal: true });
    expect((await comment(noteId))?.internal).toBe(true);
    const page = await clientPage(rita);
    expect(JSON.stringify(page)).not.toContain('Nota da equipe');
    expect(JSON.stringify(page)).not.toContain('Concordo');
  });

  it('attaches a reply to a reply to the first comment: a thread is one level deep', async () => {
    const first = await readJson(await reply(joaoComment, { reply: 'Quanto maior?' }));
    const second = await readJson(await reply(first.id, { reply: 'Sugiro 20%' }));
    expect((await comment(second.id))?.parentId).toBe(joaoComment);
  });

  it('resolves a thread on its first comment and reopens it, each in the history', async () => {
    const resolved = await thread(ritaComment, 'resolve');
    expect(resolved.status).toBe(200);
    const stored = await comment(ritaComment);
    expect(stored?.resolvedBy).toBe('demo-cs');
    expect(stored?.resolvedAt?.getTime()).toBe(app.deps.clock().getTime());
    expect((await thread(ritaComment, 'reopen')).status).toBe(200);
    expect((await comment(ritaComment))?.resolvedAt).toBeNull();
    expect((await thread(ritaComment, 'resolve', design)).status).toBe(200);

    const page = await loadPiecePage(app.db, CS, pieceId);
    const t = createTranslator('pt-BR');
    const sentences = page?.history.map((entry) => describeEvent(entry, { t, locale: 'pt-BR' }));
    expect(sentences).toContain('Carla Campos (CS) respondeu a um comentário da versão 1');
    expect(sentences?.filter((s) => s.includes('marcou como resolvido'))).toHaveLength(2);
    expect(sentences?.filter((s) => s.includes('reabriu'))).toHaveLength(1);
  });

  it('shows the client, on the next version, their comments with the answers and whether resolved', async () => {
    const added = await app.request(`/api/pieces/${pieceId}/versions`, {
      ...versionForm(PNG, { sendToSameContacts: 'on' }),
      headers: { ...SAME_ORIGIN, cookie: cs },
    });
    expect(await readJson(added)).toMatchObject({ version: 2, sent: 2 });
    const next = await approvalToken(app, 'rita@paoquente.example');
    expect(next).not.toBe(rita);
    // Answering feedback on a superseded version is allowed: old feedback gets answers too.
    expect((await reply(joaoComment, { reply: 'Feito na versão 2' })).status).toBe(200);

    const { result: page, roundTrips } = await countRoundTrips(app, () => clientPage(next));
    // The bench's limit for the whole page: the previous version's threads add no round trip.
    if (driver === 'libsql') expect(roundTrips).toBeLessThanOrEqual(2);
    expect(page.approval.version.number).toBe(2);
    expect(page.approval.comments).toEqual([]);
    const before = page.approval.previousThreads
      .toSorted((a, b) => b.body.localeCompare(a.body))
      .map((c) => ({
        body: c.body,
        resolved: c.resolvedAt !== null,
        answers: c.replies.map((r) => r.body),
      }));
    expect(before).toEqual([
      { body: 'Mais claro', resolved: true, answers: ['Vamos clarear o fundo', 'Já ajustei'] },
      {
        body: 'Logo maior',
        resolved: false,
        answers: ['Quanto maior?', 'Sugiro 20%', 'Feito na versão 2'],
      },
    ]);
    expect(JSON.stringify(page)).not.toContain('Cliente difícil');
    expect(JSON.stringify(page)).not.toContain('Nota da equipe');
    // The agency's page of the piece shows the same threads, its internal answers marked.
    const agency = await loadPiecePage(app.db, CS, pieceId);
    const answers = Object.fromEntries(
      (agency?.previousThreads ?? []).map((c) => [
        c.body,
        c.replies.map((r) => [r.body, r.internal]),
      ]),
    );
    expect(answers).toEqual({
      'Mais claro': [
        ['Vamos clarear o fundo', false],
        ['Cliente difícil', true],
        ['Já ajustei', false],
      ],
      'Logo maior': [
        ['Quanto maior?', false],
        ['Sugiro 20%', false],
        ['Feito na versão 2', false],
      ],
    });
  });

  it('counts on the board the client’s open threads of the newest version and the one before', async () => {
    const openOf = async () => {
      const { result, roundTrips } = await countRoundTrips(app, () =>
        loadBoardPage(app.db, CS, 'demo-client-bakery'),
      );
      expect(roundTrips).toBe(driver === 'libsql' ? 1 : null);
      return result.pieces.find((p) => p.id === pieceId)?.openComments;
    };
    // Version 2: João's thread on version 1 is open; Rita's is resolved; agency notes never count.
    expect(await openOf()).toBe(1);
    const next = await approvalToken(app, 'rita@paoquente.example');
    await asClient(app, next, '/comments', { body: 'Agora a fonte' });
    expect(await openOf()).toBe(2);
    await thread(joaoComment, 'resolve');
    expect(await openOf()).toBe(1);
    await thread(joaoComment, 'reopen');
    // Version 3: what was said on version 1 is two versions old and no longer counts.
    const third = await app.request(`/api/pieces/${pieceId}/versions`, {
      ...versionForm(PNG),
      headers: { ...SAME_ORIGIN, cookie: design },
    });
    expect(third.status).toBe(200);
    expect(await openOf()).toBe(1);
    const written = await app.db.select().from(events).where(eq(events.subjectId, pieceId));
    expect(written.filter((e) => e.action === 'approval_thread_reopened')).toHaveLength(2);
  });

  it('takes the version the client saw before, skipping one never sent, on both pages and the board', async () => {
    // Version 3 (above) never went to the client; version 4 goes to Rita.
    const fourth = await app.request(`/api/pieces/${pieceId}/versions`, {
      ...versionForm(PNG),
      headers: { ...SAME_ORIGIN, cookie: cs },
    });
    expect(fourth.status).toBe(200);
    const sent = await app.request(
      `/api/pieces/${pieceId}/send`,
      postJson({ contactIds: ['demo-contact-bakery-owner'], rule: 'all' }, { cookie: cs }),
    );
    expect(sent.status).toBe(200);
    const page = await clientPage(await approvalToken(app, 'rita@paoquente.example'));
    expect(page.approval.version.number).toBe(4);
    expect(page.approval.previousThreads.map((c) => [c.versionNumber, c.body])).toEqual([
      [2, 'Agora a fonte'],
    ]);
    const agency = await loadPiecePage(app.db, CS, pieceId);
    expect(agency?.previousThreads.map((c) => [c.version, c.body])).toEqual([[2, 'Agora a fonte']]);
    const board = await loadBoardPage(app.db, CS, 'demo-client-bakery');
    expect(board.pieces.find((p) => p.id === pieceId)?.openComments).toBe(1);
  });
});
