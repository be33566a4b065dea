import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  approvalDecisions,
  approvalLinks,
  events,
  outbox,
  pieceComments,
  pieces,
} from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { openApprovalByToken } from '../../src/server/approvals/approval-links.ts';
import { loadApprovalPage } from '../../src/server/approvals/approval-page.ts';
import { hashToken } from '../../src/server/auth/tokens.ts';
import { approvalToken, asClient, openSentPiece, PNG, versionForm } from '../support/approvals.ts';
import { postJson } from '../support/sign-in.ts';
import { readJson, SAME_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

/** What a client link shows, records and keeps back: scanners, first views, internal comments. */

const INTERNAL = 'SEGREDO-INTERNO-da-agencia';
// Internal replies: one marked "internal only" under a client's comment, one under an internal note.
const INTERNAL_REPLIES = ['RESPOSTA-SO-DA-AGENCIA', 'RESPOSTA-A-NOTA-INTERNA'];

/** Every row a client link could change, to compare before and after a request. */
async function snapshot(app: TestApp) {
  const [e, l, d, c, o, p] = await Promise.all([
    app.db.select().from(events),
    app.db.select().from(approvalLinks),
    app.db.select().from(approvalDecisions),
    app.db.select().from(pieceComments),
    app.db.select({ id: outbox.id }).from(outbox),
    app.db.select().from(pieces),
  ]);
  return JSON.stringify([e, l, d, c, o, p]);
}

describe.each(DRIVERS)('client approvals (%s)', (driver) => {
  let app: TestApp;
  let cs: string;
  let design: string;
  let pieceId: string;
  let rita: string;

  beforeAll(async () => {
    ({ app, cs, design, pieceId, rita } = await openSentPiece(driver));
  });
  afterAll(() => app.close());

  it('changes nothing when a link scanner fetches, heads, prefetches or GETs the piece', async () => {
    const before = await snapshot(app);
    const head = await app.request(`/api/approval/${rita}/file`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    const prefetch = await app.request(`/api/approval/${rita}/file`, {
      headers: { 'Sec-Purpose': 'prefetch' },
    });
    expect(prefetch.status).toBe(200);
    expect(prefetch.headers.get('Referrer-Policy')).toBe('no-referrer');
    expect(prefetch.headers.get('Cache-Control')).toBe('no-store');
    expect(await snapshot(app)).toBe(before);
    // A plain GET, as the page's <img> — or a scanner that renders the page — makes it.
    expect((await app.request(`/api/approval/${rita}/file`)).status).toBe(200);
    expect(await snapshot(app)).toBe(before);
  });

  it('records the first view from what the contact does: the POST their page sends once shown', async () => {
    const shown = () =>
      app.request(`/api/approval/${rita}/viewed`, { method: 'POST', headers: SAME_ORIGIN });
    expect((await shown()).status).toBe(204);
    expect((await shown()).status).toBe(204);
    const views = await app.db.select().from(events).where(eq(events.action, 'approval_viewed'));
    expect(views).toHaveLength(1);
    const [link] = await app.db
      .select()
      .from(approvalLinks)
      .where(eq(approvalLinks.id, hashToken(rita)));
    expect(link?.firstOpenedAt?.getTime()).toBe(app.deps.clock().getTime());
  });

  it('makes an agency comment internal unless it is explicitly made visible (JSON and form)', async () => {
    const post = (init: RequestInit) =>
      app.request(`/api/pieces/${pieceId}/comments`, {
        ...init,
        headers: { ...SAME_ORIGIN, ...init.headers, Cookie: cs },
      });
    const json = (body: unknown) =>
      post({
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    const form = (fields: Record<string, string>) =>
      post({ method: 'POST', headers: { Accept: 'text/html' }, body: new URLSearchParams(fields) });
    const written = [
      // No field at all; the field of old ("internal": false) is not a way to publish either.
      [await json({ body: 'JSON sem campo' }), true],
      [await json({ body: 'JSON antigo', internal: false }), true],
      [await json({ body: 'JSON falso', visibleToClient: false }), true],
      [await form({ body: 'Formulário sem a marca', returnTo: `/pieces/${pieceId}` }), true],
      [await json({ body: 'JSON visível', visibleToClient: true }), false],
      [await form({ body: 'Formulário marcado', visibleToClient: 'on' }), false],
    ] as const;
    for (const [response] of written) expect([200, 303]).toContain(response.status);
    const rows = await app.db
      .select({ body: pieceComments.body, internal: pieceComments.internal })
      .from(pieceComments)
      .where(eq(pieceComments.pieceId, pieceId));
    const internalOf = (body: string) => rows.find((row) => row.body === body)?.internal;
    expect(
      [
        'JSON sem campo',
        'JSON antigo',
        'JSON falso',
        'Formulário sem a marca',
        'JSON visível',
        'Formulário marcado',
      ].map(internalOf),
    ).toEqual(written.map(([, internal]) => internal));
    await app.db.delete(pieceComments).where(eq(pieceComments.pieceId, pieceId));
  });

  it('keeps internal comments out of every response a client link can obtain', async () => {
    const internal = await app.request(
      `/api/pieces/${pieceId}/comments`,
      postJson({ target: 'image', body: INTERNAL, pinX: 0.5, pinY: 0.5 }, { cookie: design }),
    );
    expect(internal.status).toBe(200);
    const shared = await app.request(
      `/api/pieces/${pieceId}/comments`,
      postJson(
        { target: 'general', body: 'Feito com carinho', visibleToClient: true },
        { cookie: cs },
      ),
    );
    expect(shared.status).toBe(200);
    const opened = await openApprovalByToken(app.db, rita, app.deps.clock());
    expect(opened.ok).toBe(true);
    expect(JSON.stringify(opened)).not.toContain(INTERNAL);
    expect(JSON.stringify(opened)).toContain('Feito com carinho');
    const responses = await Promise.all([
      app.request(`/api/approval/${rita}/file`),
      asClient(app, rita, '/comments', {
        target: 'text',
        body: 'Troque "quentinho" por "fresquinho"',
      }),
      asClient(app, rita, '/comments', { target: 'text', body: '' }),
      asClient(app, rita, '/decision', { decision: 'changes_requested', message: '' }),
      asClient(app, 'a'.repeat(32), '/decision', { decision: 'approved' }),
    ]);
    for (const response of responses) expect(await response.text()).not.toContain(INTERNAL);
    const toClients = await app.db
      .select({ text: outbox.text, html: outbox.html })
      .from(outbox)
      .where(sql`${outbox.toAddress} like '%paoquente%'`);
    expect(toClients.length).toBeGreaterThan(0);
    expect(JSON.stringify(toClients)).not.toContain(INTERNAL);
  });

  it('keeps internal replies out of every client response and e-mail, on this version and the next', async () => {
    const agency = (path: string, body: unknown, cookie = cs) =>
      app.request(`/api/pieces/${pieceId}${path}`, postJson(body, { cookie }));
    const ritas = (
      await readJson(await asClient(app, rita, '/comments', { body: 'Pode ser azul?' }))
    ).id;
    await agency(`/comments/${ritas}/replies`, { reply: INTERNAL_REPLIES[0], internalOnly: true });
    await agency(`/comments/${ritas}/replies`, { reply: 'Pode, sim' });
    const note = (await readJson(await agency('/comments', { body: 'Nota da equipe' }, design))).id;
    // No box at all: under an internal note the reply is internal anyway.
    await agency(`/comments/${note}/replies`, { reply: INTERNAL_REPLIES[1] });
    await agency(`/comments/${ritas}/resolve`, {});
    const internalReplies = await app.db
      .select({ body: pieceComments.body })
      .from(pieceComments)
      .where(and(isNotNull(pieceComments.parentId), eq(pieceComments.internal, true)));
    expect(internalReplies.map((r) => r.body).sort()).toEqual([...INTERNAL_REPLIES].sort());
    const shown = [
      JSON.stringify(
        await loadApprovalPage(app.db, policy, { token: rita, ip: null }, app.deps.clock()),
      ),
      await (await app.request(`/api/approval/${rita}/file`)).text(),
      await (
        await asClient(app, rita, `/comments/${ritas}`, { body: 'Pode ser azul-claro?' })
      ).text(),
      await (await asClient(app, rita, `/comments/${ritas}/replies`, {})).text(),
    ];
    expect(shown[0]).toContain('Pode, sim');
    // The next version's page shows Rita's thread on this one: answers, but only visible ones.
    await app.db.update(pieces).set({ kind: 'email' }).where(eq(pieces.id, pieceId));
    const added = await app.request(`/api/pieces/${pieceId}/versions`, {
      ...versionForm(PNG, { sendToSameContacts: 'on' }),
      headers: { ...SAME_ORIGIN, cookie: cs },
    });
    expect(added.status).toBe(200);
    const next = await approvalToken(app, 'rita@paoquente.example');
    const nextPage = await loadApprovalPage(
      app.db,
      policy,
      { token: next, ip: null },
      app.deps.clock(),
    );
    expect(JSON.stringify(nextPage)).toContain('Pode, sim');
    shown.push(JSON.stringify(nextPage));
    const toClients = await app.db
      .select({ text: outbox.text, html: outbox.html, subject: outbox.subject })
      .from(outbox)
      .where(sql`${outbox.toAddress} like '%paoquente%'`);
    shown.push(JSON.stringify(toClients));
    for (const secret of INTERNAL_REPLIES)
      for (const response of shown) expect(response).not.toContain(secret);
  });
});
