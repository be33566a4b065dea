import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoPieces } from '../../db/seed-pieces.ts';
import { loadBoardPage } from '../../src/server/approvals/board-page.ts';
import { seedPeople } from '../support/sign-in.ts';
import { countRoundTrips, createTestApp, type TestApp } from '../support/test-app.ts';
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
});
