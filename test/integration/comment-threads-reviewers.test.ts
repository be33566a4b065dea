import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, pieceComments } from '../../db/schema/index.ts';
import { asClient, openSentPiece } from '../support/approvals.ts';
import { HEAD_OF_DESIGN, HEAD_OF_TRAFFIC, sessionOf } from '../support/internal-review.ts';
import { postJson } from '../support/sign-in.ts';
import { readJson, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

/**
 * A head of department who reviews a piece but does not work on it: replies in its threads,
 * always internally (as their comments), and leaves resolving to the people on the piece.
 */
describe.each(DRIVERS)('a reviewer in the conversation (%s)', (driver) => {
  let app: TestApp;
  let pieceId: string;
  let rita: string;
  let ritaComment: string;
  let head: string;

  const snapshot = async () =>
    JSON.stringify([await app.db.select().from(pieceComments), await app.db.select().from(events)]);
  const post = (what: string, body: unknown, cookie = head) =>
    app.request(
      `/api/pieces/${pieceId}/comments/${ritaComment}/${what}`,
      postJson(body, { cookie }),
    );

  beforeAll(async () => {
    ({ app, pieceId, rita } = await openSentPiece(driver));
    ritaComment = (await readJson(await asClient(app, rita, '/comments', { body: 'Mais claro' })))
      .id;
    head = await sessionOf(app, HEAD_OF_DESIGN);
  });
  afterAll(() => app.close());

  it('lets the head of the piece’s department reply, always internally, whatever was asked', async () => {
    const replied = await post('replies', { reply: 'Concordo com a Rita', internalOnly: false });
    expect(replied.status).toBe(200);
    const { id } = await readJson(replied);
    const [stored] = await app.db.select().from(pieceComments).where(eq(pieceComments.id, id));
    expect(stored).toMatchObject({ parentId: ritaComment, internal: true });
    // Internal: the link's query never selects it (the privacy tests look everywhere for those).
  });

  it('refuses the reviewer resolving or reopening with 403 and the reason; nothing written', async () => {
    const before = await snapshot();
    for (const what of ['resolve', 'reopen']) {
      const refused = await post(what, {});
      expect(refused.status).toBe(403);
      const { error } = await readJson(refused);
      expect(error.code).toBe('not_allowed');
      expect(error.message).toMatch(/fica com quem trabalha na peça/);
    }
    expect(await snapshot()).toBe(before);
  });

  it('answers 404 to the head of another department, as to anyone off the piece', async () => {
    const traffic = await sessionOf(app, HEAD_OF_TRAFFIC);
    const before = await snapshot();
    expect((await post('replies', { reply: 'Oi' }, traffic)).status).toBe(404);
    expect((await post('resolve', {}, traffic)).status).toBe(404);
    expect(await snapshot()).toBe(before);
  });
});
