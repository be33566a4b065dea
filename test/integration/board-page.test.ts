import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoPieces } from '../../db/seed-pieces.ts';
import { loadBoardPage } from '../../src/server/approvals/board-page.ts';
import { versionForm } from '../support/approvals.ts';
import { postJson, seedPeople, signIn } from '../support/sign-in.ts';
import {
  countRoundTrips,
  createTestApp,
  readJson,
  SAME_ORIGIN,
  type TestApp,
} from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

describe.each(DRIVERS)('the board page’s data (%s)', (driver) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(driver);
    await seedPeople(app);
    await seedDemoPieces(app.db, app.files, app.deps.clock());
  });
  afterAll(() => app.close());

  it('gives CS the pieces, the projects to plan in, their clients and the designers in one round trip', async () => {
    const cs = { id: 'demo-cs', roles: ['cs' as const] };
    const { result: page, roundTrips } = await countRoundTrips(app, () =>
      loadBoardPage(app.db, cs),
    );
    expect(roundTrips).toBe(driver === 'libsql' ? 1 : null);
    expect(page.pieces.map((p) => p.id)).toEqual(['demo-piece-launch']);
    expect(page.mayPlan).toBe(true);
    expect(page.plannable.map((p) => p.id)).toEqual(['demo-project-summer']);
    expect(page.ownClients.map((c) => c.id).sort()).toEqual([
      'demo-client-bakery',
      'demo-client-clinic',
    ]);
    expect(page.designers.map((d) => d.id)).toEqual(['demo-design']);
    expect([...page.clientsSeen.keys()]).toEqual(['demo-client-bakery']);
  });

  it('shows Design its pieces without planning, and one client’s board only when asked', async () => {
    const design = { id: 'demo-design', roles: ['design' as const] };
    const page = await loadBoardPage(app.db, design);
    expect(page.pieces).toHaveLength(1);
    expect(page.mayPlan).toBe(false);
    expect(page.plannable).toEqual([]);
    expect(page.ownClients).toEqual([]);
    expect((await loadBoardPage(app.db, design, 'demo-client-clinic')).pieces).toEqual([]);
  });

  it('gives each card its thumbnail: the newest image served by the file route, an icon for a PDF or no file', async () => {
    const cookie = await signIn(app, 'cs@ponte.example');
    const addPiece = async (title: string) => {
      const body = { projectId: 'demo-project-summer', title, kind: 'banner' };
      return (await readJson(await app.request('/api/pieces', postJson(body, { cookie })))).id;
    };
    const brochure = await addPiece('Folheto em PDF');
    const pdf = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');
    const uploaded = await app.request(`/api/pieces/${brochure}/versions`, {
      ...versionForm(pdf, {}, 'folheto.pdf', 'application/pdf'),
      headers: { ...SAME_ORIGIN, cookie },
    });
    expect(uploaded.status).toBe(200);
    const blank = await addPiece('Banner sem arquivo');

    const page = await loadBoardPage(app.db, { id: 'demo-cs', roles: ['cs'] });
    const thumbnailOf = (id: string) => page.pieces.find((p) => p.id === id)?.thumbnail;
    const image = thumbnailOf('demo-piece-launch');
    expect(image).toEqual({
      kind: 'image',
      url: '/api/pieces/demo-piece-launch/versions/1/file',
      width: 1080,
      height: 1080,
    });
    expect(thumbnailOf(brochure)).toEqual({
      kind: 'pdf',
      url: `/api/pieces/${brochure}/versions/1/file`,
    });
    expect(thumbnailOf(blank)).toEqual({ kind: 'none' });
    // The card's <img> loads from the route the piece page already uses, for whoever sees the board.
    const served = await app.request(image?.kind === 'image' ? image.url : '', {
      headers: { cookie },
    });
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
  });
});
