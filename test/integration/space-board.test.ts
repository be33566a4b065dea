import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pieces, projects } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { loadSpaceBoard } from '../../src/server/client-space/space-board.ts';
import { openSentPiece, PNG, versionForm } from '../support/approvals.ts';
import { postJson } from '../support/sign-in.ts';
import { contactViewerOf, spaceCookieOf } from '../support/space-contact-session.ts';
import { countRoundTrips, readJson, SAME_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const RITA = 'demo-contact-bakery-owner';
const MARINA = 'demo-contact-clinic-director';
const { cardsPerColumn, listPageSize } = policy.clientSpace.board;
/** More pieces in production than a column shows and than a page of the list holds. */
const MORE_IN_PRODUCTION = listPageSize + 5;

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

  it('shows each column’s first cards in order with its count, and pages the list of a column or of all, in one round trip', async () => {
    const [piece] = await app.db.select().from(pieces).where(eq(pieces.id, pieceId));
    const clientId = piece?.clientId ?? '';
    const now = new Date();
    // A row per statement: D1 takes at most 100 variables in one.
    const insertPieces = async (rows: (typeof pieces.$inferInsert)[]) => {
      const [first, ...rest] = rows.map((row) => app.db.insert(pieces).values(row));
      if (first) await app.db.batch([first, ...rest]);
    };
    const pieceRow = (
      id: string,
      project: string,
      status: 'in_production' | 'approved',
      i: number,
    ) => ({
      id,
      projectId: project,
      clientId,
      title: `Peça ${String(i).padStart(2, '0')}`,
      kind: 'banner' as const,
      status,
      // Due dates out of insertion order: the board orders by due date, then title.
      dueOn: `2031-01-${String(28 - (i % 20)).padStart(2, '0')}`,
      latestVersion: 0,
      createdAt: now,
      updatedAt: now,
    });
    await insertPieces(
      Array.from({ length: MORE_IN_PRODUCTION }, (_, i) =>
        pieceRow(`extra-${i}`, projectId, 'in_production', i),
      ),
    );
    // A hidden project of the same client: none of its pieces counts anywhere.
    await app.db
      .insert(projects)
      .values({ id: 'hidden-project', clientId, name: 'Projeto oculto', createdAt: now });
    await insertPieces(
      Array.from({ length: 3 }, (_, i) => pieceRow(`hidden-${i}`, 'hidden-project', 'approved', i)),
    );
    const viewer = await contactViewerOf(app, RITA);
    const inProduction = MORE_IN_PRODUCTION + 1;

    const { result: board, roundTrips } = await countRoundTrips(app, () =>
      loadSpaceBoard(app.db, viewer),
    );
    expect(roundTrips).toBe(driver === 'libsql' ? 1 : null);
    expect(board.columns.map((c) => [c.column, c.total, c.cards.length])).toEqual([
      ['in_production', inProduction, cardsPerColumn],
      ['awaiting_approval', 1, 1],
      ['changes_requested', 0, 0],
      ['approved', 0, 0],
    ]);
    expect(board.allPieces).toBe(inProduction + 1);
    expect(board.list).toBeNull();

    const listOf = (column: 'in_production' | null, page: number) =>
      countRoundTrips(app, () => loadSpaceBoard(app.db, viewer, { view: 'list', column, page }));
    const first = await listOf('in_production', 1);
    expect(first.roundTrips).toBe(driver === 'libsql' ? 1 : null);
    expect(first.result.list).toEqual({
      column: 'in_production',
      page: 1,
      pages: 2,
      total: inProduction,
    });
    expect(first.result.cards).toHaveLength(listPageSize);
    const second = (await listOf('in_production', 2)).result;
    expect(second.cards).toHaveLength(inProduction - listPageSize);
    // The pages follow the board's order and never overlap: the piece without a due date
    // first, then by due date and title — and the board's column is the list's first page.
    const listed = [...first.result.cards, ...second.cards];
    expect(new Set(listed.map((card) => card.id)).size).toBe(inProduction);
    expect(listed[0]?.id).toBe(draftId);
    const dated = listed.slice(1).map((card) => `${card.dueOn} ${card.title}`);
    expect(dated).toEqual([...dated].sort());
    expect(board.columns[0]?.cards.map((card) => card.id)).toEqual(
      listed.slice(0, cardsPerColumn).map((card) => card.id),
    );
    // Every piece: the awaiting one counts and the list says the count across columns.
    const all = (await listOf(null, 2)).result;
    expect(all.list).toEqual({ column: null, page: 2, pages: 2, total: inProduction + 1 });
    expect(all.cards).toHaveLength(inProduction + 1 - listPageSize);
    expect(all.awaitingYou).toBe(1);
    // A page past the last is an empty page with the count (the page links back to the first).
    const past = (await listOf('in_production', 3)).result;
    expect(past.cards).toEqual([]);
    expect(past.list).toMatchObject({ page: 3, pages: 2, total: inProduction });
    expect(
      [...board.cards, ...listed, ...all.cards].some((card) => card.id.startsWith('hidden-')),
    ).toBe(false);
  });

  it('takes a project away from the board, and its files, once it is hidden again', async () => {
    expect((await setVisible(false)).status).toBe(200);
    expect((await boardOf(RITA)).cards).toEqual([]);
    expect((await fileAs(rita, pieceId, 1)).status).toBe(404);
  });
});
