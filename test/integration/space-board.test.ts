import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pieces } from '../../db/schema/index.ts';
import { loadSpaceBoard } from '../../src/server/client-space/space-board.ts';
import { openSentPiece, PNG, versionForm } from '../support/approvals.ts';
import { postJson } from '../support/sign-in.ts';
import { contactViewerOf, spaceCookieOf } from '../support/space-contact-session.ts';
import { countRoundTrips, readJson, SAME_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const RITA = 'demo-contact-bakery-owner';
const MARINA = 'demo-contact-clinic-director';

/** The client space's board (#18): visible projects only, and only what was sent to the client. */
describe.each(DRIVERS)('the client space board (%s)', (driver) => {
  let app: TestApp;
  let cs: string;
  let design: string;
  let pieceId: string;
  let draftId: string;
  let projectId: string;
  let rita: string;
  let marina: string;

  const boardOf = async (contactId: string) =>
    loadSpaceBoard(app.db, await contactViewerOf(app, contactId));
  const fileAs = (cookie: string, id: string, number: number) =>
    app.request(`/api/space/pieces/${id}/versions/${number}/file`, { headers: { Cookie: cookie } });
  const setVisible = (visible: boolean) =>
    app.request(
      `/api/pieces/projects/${projectId}/visibility`,
      postJson({ visible: String(visible) }, { cookie: cs }),
    );

  beforeAll(async () => {
    ({ app, cs, design, pieceId } = await openSentPiece(driver));
    // A second piece of the same project, with a version still inside the agency.
    const [row] = await app.db.select().from(pieces).where(eq(pieces.id, pieceId));
    projectId = row?.projectId ?? '';
    const created = await app.request(
      '/api/pieces',
      postJson({ projectId, title: 'Banner da vitrine', kind: 'banner' }, { cookie: cs }),
    );
    ({ id: draftId } = await readJson(created));
    const uploaded = await app.request(`/api/pieces/${draftId}/versions`, {
      ...versionForm(PNG),
      headers: { ...SAME_ORIGIN, cookie: design },
    });
    expect(uploaded.status).toBe(200);
    rita = await spaceCookieOf(app, RITA);
    marina = await spaceCookieOf(app, MARINA);
  });
  afterAll(() => app.close());

  it('shows nothing of a project the agency has not made visible, and says what happens next', async () => {
    const board = await boardOf(RITA);
    expect(board.cards).toEqual([]);
    expect(board.projects).toEqual([]);
    expect((await fileAs(rita, pieceId, 1)).status).toBe(404);
  });

  it('shows a visible project’s pieces by status: in production dimmed with no thumbnail, awaiting approval with the version sent', async () => {
    expect((await setVisible(true)).status).toBe(200);
    const viewer = await contactViewerOf(app, RITA);
    const { result: board, roundTrips } = await countRoundTrips(app, () =>
      loadSpaceBoard(app.db, viewer),
    );
    expect(roundTrips).toBe(driver === 'libsql' ? 1 : null);
    const byId = new Map(board.cards.map((card) => [card.id, card]));
    expect(byId.get(pieceId)).toMatchObject({
      column: 'awaiting_approval',
      opens: true,
      awaitsYou: true,
      thumbnail: { kind: 'image', url: `/api/space/pieces/${pieceId}/versions/1/file` },
    });
    expect(byId.get(draftId)).toMatchObject({
      column: 'in_production',
      opens: false,
      awaitsYou: false,
      thumbnail: { kind: 'none' },
    });
    expect(board.awaitingYou).toBe(1);
    expect(board.columns.map((c) => [c.column, c.cards.length])).toEqual([
      ['in_production', 1],
      ['awaiting_approval', 1],
      ['changes_requested', 0],
      ['approved', 0],
    ]);
  });

  it('serves only versions sent to the client: the sent image, never work inside the agency', async () => {
    const sent = await fileAs(rita, pieceId, 1);
    expect(sent.status).toBe(200);
    expect(sent.headers.get('Content-Type')).toBe('image/png');
    expect((await fileAs(rita, draftId, 1)).status).toBe(404);
    expect((await fileAs(rita, pieceId, 2)).status).toBe(404);
    expect((await fileAs(rita, pieceId, 0)).status).toBe(404);
  });

  it('never shows another client’s pieces: 404 for their ids, absent from the board', async () => {
    expect((await boardOf(MARINA)).cards).toEqual([]);
    expect((await fileAs(marina, pieceId, 1)).status).toBe(404);
  });

  it('asks a signed-out visitor to sign in', async () => {
    const anonymous = await app.request(`/api/space/pieces/${pieceId}/versions/1/file`);
    expect(anonymous.status).toBe(401);
  });

  it('takes a project away from the board, and its files, once it is hidden again', async () => {
    expect((await setVisible(false)).status).toBe(200);
    expect((await boardOf(RITA)).cards).toEqual([]);
    expect((await fileAs(rita, pieceId, 1)).status).toBe(404);
  });
});
