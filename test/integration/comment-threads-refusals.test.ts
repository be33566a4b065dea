import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, pieceComments } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { asClient, openSentPiece, PNG, versionForm } from '../support/approvals.ts';
import { postJson, signIn } from '../support/sign-in.ts';
import { readJson, SAME_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

/** Replies and resolving refused: outsiders, other pieces, bad text, twice, at once, clients. */

describe.each(DRIVERS)('conversation on comments, refused (%s)', (driver) => {
  let app: TestApp;
  let cs: string;
  let otherCs: string;
  let pieceId: string;
  let rita: string;
  let ritaComment: string;
  // A comment of the clinic's contact on a piece of the clinic: another client's.
  let clinicComment: string;

  /** Every row a refused request must leave as it was. */
  const snapshot = async () =>
    JSON.stringify([await app.db.select().from(pieceComments), await app.db.select().from(events)]);
  const reply = (commentId: string, body: unknown, cookie = cs, piece = pieceId) =>
    app.request(`/api/pieces/${piece}/comments/${commentId}/replies`, postJson(body, { cookie }));
  const thread = (commentId: string, what: 'resolve' | 'reopen', cookie = cs) =>
    app.request(`/api/pieces/${pieceId}/comments/${commentId}/${what}`, postJson({}, { cookie }));

  beforeAll(async () => {
    ({ app, cs, otherCs, pieceId, rita } = await openSentPiece(driver));
    ritaComment = (await readJson(await asClient(app, rita, '/comments', { body: 'Mais claro' })))
      .id;
    const project = await readJson(
      await app.request(
        '/api/pieces/projects',
        postJson({ clientId: 'demo-client-clinic', name: 'Sorrisos' }, { cookie: cs }),
      ),
    );
    const piece = await readJson(
      await app.request(
        '/api/pieces',
        postJson({ projectId: project.id, title: 'Banner', kind: 'email' }, { cookie: cs }),
      ),
    );
    const upload = await app.request(`/api/pieces/${piece.id}/versions`, {
      ...versionForm(PNG),
      headers: { ...SAME_ORIGIN, cookie: cs },
    });
    expect(upload.status).toBe(200);
    const [version] = await app.db.query.pieceVersions.findMany({
      where: (v, { eq: is }) => is(v.pieceId, piece.id),
    });
    clinicComment = crypto.randomUUID();
    const now = app.deps.clock();
    await app.db.insert(pieceComments).values({
      id: clinicComment,
      pieceId: piece.id,
      versionId: version?.id ?? '',
      authorContactId: 'demo-contact-clinic-director',
      authorName: 'Marina',
      target: 'general',
      body: 'Outra cor',
      createdAt: now,
      updatedAt: now,
    });
  });
  afterAll(() => app.close());

  it('answers 404 to a reply to another client’s comment, or by a member who may not see the piece; nothing written', async () => {
    const before = await snapshot();
    const elsewhere = await reply(clinicComment, { reply: 'Oi' });
    expect(elsewhere.status).toBe(404);
    expect((await readJson(elsewhere)).error.code).toBe('not_found');
    expect((await reply(ritaComment, { reply: 'Oi' }, otherCs)).status).toBe(404);
    expect((await thread(ritaComment, 'resolve', otherCs)).status).toBe(404);
    expect((await reply('no-such-comment', { reply: 'Oi' })).status).toBe(404);
    expect((await reply(ritaComment, { reply: 'Oi' }, cs, 'no-such-piece')).status).toBe(404);
    expect(await snapshot()).toBe(before);
  });

  it('refuses an empty or oversized reply with a localized 400 marking the field; nothing written', async () => {
    const before = await snapshot();
    for (const text of ['', '   ', 'x'.repeat(4001)]) {
      const refused = await reply(ritaComment, { reply: text });
      expect(refused.status).toBe(400);
      const { error } = await readJson(refused);
      expect(Object.keys(error.fields)).toEqual(['reply']);
    }
    // A plain form goes back to the piece with the error beside the field of that thread.
    const form = await app.request(`/api/pieces/${pieceId}/comments/${ritaComment}/replies`, {
      method: 'POST',
      headers: { ...SAME_ORIGIN, Accept: 'text/html', Cookie: cs },
      body: new URLSearchParams({
        reply: '',
        returnTo: `/pieces/${pieceId}`,
        formId: `reply-${ritaComment}`,
      }),
    });
    expect(form.status).toBe(303);
    expect(form.headers.get('Location')).toBe(`/pieces/${pieceId}`);
    expect(await snapshot()).toBe(before);
  });

  it('answers resolving twice, or reopening an open thread, with 409', async () => {
    expect((await thread(ritaComment, 'reopen')).status).toBe(409);
    expect((await thread(ritaComment, 'resolve')).status).toBe(200);
    const before = await snapshot();
    const twice = await thread(ritaComment, 'resolve');
    expect(twice.status).toBe(409);
    expect((await readJson(twice)).error.message).toMatch(/já estava resolvida/);
    expect(await snapshot()).toBe(before);
    expect((await thread(ritaComment, 'reopen')).status).toBe(200);
  });

  it('makes one resolve of twenty at once: one 200, the rest 409, one event', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => thread(ritaComment, 'resolve')),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const resolvedEvents = await app.db
      .select()
      .from(events)
      .where(eq(events.action, 'approval_thread_resolved'));
    expect(resolvedEvents).toHaveLength(2);
  });

  it('writes a reply clicked twice, or sent ten times at once, once: the others get 409', async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => reply(ritaComment, { reply: 'Ajustamos, veja a v2' })),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
    const refused = answers.find((a) => a.status === 409);
    expect(refused && (await readJson(refused)).error.code).toBe('already_replied');
    const rows = await app.db
      .select()
      .from(pieceComments)
      .where(eq(pieceComments.body, 'Ajustamos, veja a v2'));
    expect(rows).toHaveLength(1);
    const replied = await app.db
      .select()
      .from(events)
      .where(eq(events.action, 'approval_comment_replied'));
    expect(replied).toHaveLength(1);
    // Another person may say the same words: that is their reply.
    const design = await signIn(app, 'design@ponte.example');
    expect((await reply(ritaComment, { reply: 'Ajustamos, veja a v2' }, design)).status).toBe(200);
  });

  it('takes the same words again as a new reply once the double-click window passed', async () => {
    const words = { reply: 'Combinado, seguimos assim' };
    const start = app.deps.clock().getTime();
    const window = policy.approvals.sameReplyWithinSeconds * 1000;
    try {
      expect((await reply(ritaComment, words)).status).toBe(200);
      // At the window's last millisecond it is still the same reply: refused, nothing written.
      app.setNow(new Date(start + window));
      const before = await snapshot();
      expect((await reply(ritaComment, words)).status).toBe(409);
      expect(await snapshot()).toBe(before);
      // Past it, the same person saying the same thing again is heard again.
      app.setNow(new Date(start + window + 1));
      expect((await reply(ritaComment, words)).status).toBe(200);
      const rows = await app.db
        .select()
        .from(pieceComments)
        .where(eq(pieceComments.body, words.reply));
      expect(rows).toHaveLength(2);
    } finally {
      app.setNow(new Date(start));
    }
  });

  it('gives a client link no way to resolve, to reply in a thread, or to make a comment internal', async () => {
    const agency = await readJson(
      await app.request(
        `/api/pieces/${pieceId}/comments`,
        postJson({ body: 'Nossa nota', visibleToClient: true }, { cookie: cs }),
      ),
    );
    const before = await snapshot();
    for (const path of ['resolve', 'reopen', 'replies'])
      expect((await asClient(app, rita, `/comments/${ritaComment}/${path}`, {})).status).toBe(404);
    // Without a session, the agency's routes are closed to the link's holder too.
    const anonymous = await app.request(
      `/api/pieces/${pieceId}/comments/${ritaComment}/resolve`,
      postJson({}),
    );
    expect([401, 403]).toContain(anonymous.status);
    expect(await snapshot()).toBe(before);
    // Fields the agency's side has are ignored on the client's comment: it is a new, visible,
    // open comment of theirs, in no thread.
    const posted = await asClient(app, rita, '/comments', {
      body: 'Resposta no fio?',
      parentId: agency.id,
      internal: true,
      internalOnly: true,
      resolvedAt: Date.now(),
    });
    expect(posted.status).toBe(200);
    const [stored] = await app.db
      .select()
      .from(pieceComments)
      .where(eq(pieceComments.id, (await readJson(posted)).id));
    expect(stored).toMatchObject({
      parentId: null,
      internal: false,
      resolvedAt: null,
      authorContactId: 'demo-contact-bakery-owner',
    });
  });
});
