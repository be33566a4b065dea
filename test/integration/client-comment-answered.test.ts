import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, pieceComments, pieces } from '../../db/schema/index.ts';
import { openApprovalByToken } from '../../src/server/approvals/approval-links.ts';
import { asClient, openSentPiece } from '../support/approvals.ts';
import { postJson } from '../support/sign-in.ts';
import { spaceCookieOf } from '../support/space-contact-session.ts';
import { readJson, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

/**
 * A client's comment the agency answered or resolved stays as it was answered: editing or
 * deleting it would change the question under the answer, or (the thread's foreign key
 * cascades) take the agency's replies, internal notes included, with it.
 */
describe.each(DRIVERS)('a client comment once answered (%s)', (driver) => {
  let app: TestApp;
  let cs: string;
  let pieceId: string;
  let rita: string;

  const snapshot = async () =>
    JSON.stringify([await app.db.select().from(pieceComments), await app.db.select().from(events)]);
  const ritaSays = async (body: string) =>
    (await readJson(await asClient(app, rita, '/comments', { body }))).id as string;
  const agency = (commentId: string, what: string, body: unknown = {}) =>
    app.request(
      `/api/pieces/${pieceId}/comments/${commentId}/${what}`,
      postJson(body, { cookie: cs }),
    );
  const expectRefused = async (answer: Response) => {
    expect(answer.status).toBe(409);
    const { error } = await readJson(answer);
    expect(error.code).toBe('answered');
    expect(error.message).toMatch(/já está cuidando deste comentário/);
  };

  beforeAll(async () => {
    ({ app, cs, pieceId, rita } = await openSentPiece(driver));
  });
  afterAll(() => app.close());

  it('refuses editing or deleting a comment with an internal note under it (409); the note stays', async () => {
    const comment = await ritaSays('Mais claro');
    expect(
      (await agency(comment, 'replies', { reply: 'Nota nossa', internalOnly: true })).status,
    ).toBe(200);
    const before = await snapshot();
    await expectRefused(await asClient(app, rita, `/comments/${comment}`, { body: 'Mais escuro' }));
    await expectRefused(await asClient(app, rita, `/comments/${comment}/delete`, {}));
    expect(await snapshot()).toBe(before);
    const notes = await app.db
      .select()
      .from(pieceComments)
      .where(eq(pieceComments.parentId, comment));
    expect(notes.map((n) => n.body)).toEqual(['Nota nossa']);
    // The link's page knows only that it was answered (so it offers no edit or delete), never
    // the note: the flag is all that crosses, and the message says the agency took it up.
    const opened = await openApprovalByToken(app.db, rita, app.deps.clock());
    if (!opened.ok) throw new Error(opened.error);
    const shown = opened.approval.comments.find((c) => c.id === comment);
    expect(shown?.answered).toBe(true);
    expect(JSON.stringify(opened.approval)).not.toContain('Nota nossa');
  });

  it('refuses both on a comment with a visible reply, and on one resolved without a reply', async () => {
    const answered = await ritaSays('Trocar a foto');
    expect((await agency(answered, 'replies', { reply: 'Trocamos na v2' })).status).toBe(200);
    const resolved = await ritaSays('Logo maior');
    expect((await agency(resolved, 'resolve')).status).toBe(200);
    const before = await snapshot();
    for (const comment of [answered, resolved]) {
      await expectRefused(await asClient(app, rita, `/comments/${comment}`, { body: 'Outra' }));
      await expectRefused(await asClient(app, rita, `/comments/${comment}/delete`, {}));
    }
    expect(await snapshot()).toBe(before);
  });

  it('refuses the same in the client space, with the same 409; nothing written', async () => {
    const comment = await ritaSays('Outro enquadramento');
    expect((await agency(comment, 'replies', { reply: 'Vamos ver' })).status).toBe(200);
    // The space shows a piece once CS makes its project visible to the client.
    const [piece] = await app.db.select().from(pieces).where(eq(pieces.id, pieceId));
    const shown = await app.request(
      `/api/pieces/projects/${piece?.projectId}/visibility`,
      postJson({ visible: 'true' }, { cookie: cs }),
    );
    expect(shown.status).toBe(200);
    const space = await spaceCookieOf(app, 'demo-contact-bakery-owner');
    const inSpace = (path: string, body: unknown) =>
      app.request(`/api/space/pieces/${pieceId}${path}`, postJson(body, { cookie: space }));
    const before = await snapshot();
    await expectRefused(await inSpace(`/comments/${comment}`, { body: 'Mudei de ideia' }));
    await expectRefused(await inSpace(`/comments/${comment}/delete`, {}));
    expect(await snapshot()).toBe(before);
  });

  it('still lets the client edit and delete a comment nobody answered, and one reopened is still answered', async () => {
    const open = await ritaSays('Fonte menor');
    expect(
      (await asClient(app, rita, `/comments/${open}`, { body: 'Fonte bem menor' })).status,
    ).toBe(200);
    expect((await asClient(app, rita, `/comments/${open}/delete`, {})).status).toBe(200);
    expect(await app.db.select().from(pieceComments).where(eq(pieceComments.id, open))).toEqual([]);
    // Resolved then reopened without a reply: no answer stands under it, it may change again.
    const reopened = await ritaSays('Cor do fundo');
    expect((await agency(reopened, 'resolve')).status).toBe(200);
    expect((await agency(reopened, 'reopen')).status).toBe(200);
    expect(
      (await asClient(app, rita, `/comments/${reopened}`, { body: 'Fundo azul' })).status,
    ).toBe(200);
  });
});
