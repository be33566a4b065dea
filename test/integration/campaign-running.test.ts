import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clients } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { loadCampaignPage } from '../../src/server/campaign-costs/campaign-page.ts';
import {
  BAKERY,
  type CostCheckApp,
  importFigures,
  openCostCheckApp,
} from '../support/campaign-checks.ts';
import { DRIVERS } from '../support/test-databases.ts';

// Thursday 16 April 2026, 10:00 in São Paulo: the check of Wednesday's figures.
const THURSDAY_10H = new Date('2026-04-16T13:00:00.000Z');

describe.each(DRIVERS)('which clients the campaigns page calls running (%s)', (driver) => {
  let teams: CostCheckApp;
  const load = () =>
    loadCampaignPage(
      teams.app.db,
      { id: 'demo-cs', roles: ['cs'] } as never,
      BAKERY,
      policy,
      teams.app.deps.clock(),
    );
  beforeAll(async () => {
    teams = await openCostCheckApp(driver, THURSDAY_10H);
    // The last import, two weeks ago, showed spend; none came since.
    await importFigures(teams.app, BAKERY, { firstDay: '2026-04-01', lastDay: '2026-04-01' }, [
      { day: '2026-04-01', spend: 5000 },
    ]);
  });
  afterAll(() => teams.app.close());

  it('a client whose imports stopped is still running: its missing day is asked for', async () => {
    expect((await load())?.check).toMatchObject({
      isRunning: true,
      missingDays: ['2026-04-15'],
      state: 'open',
    });
  });

  it('a client whose service ended before the check is not asked, as on the home', async () => {
    await teams.app.db
      .update(clients)
      .set({ serviceEndsOn: '2026-04-15' })
      .where(eq(clients.id, BAKERY));
    expect((await load())?.check).toMatchObject({ isRunning: false, state: 'met' });
    await teams.app.db
      .update(clients)
      .set({ serviceEndsOn: null, serviceStartsOn: '2026-04-17' })
      .where(eq(clients.id, BAKERY));
    expect((await load())?.check).toMatchObject({ isRunning: false, state: 'met' });
  });
});
