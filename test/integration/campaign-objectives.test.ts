import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policy } from '../../src/policy/index.ts';
import { loadCampaignPage } from '../../src/server/campaign-costs/campaign-page.ts';
import {
  BAKERY,
  type CostCheckApp,
  importFigures,
  openCostCheckApp,
  setNorm,
} from '../support/campaign-checks.ts';
import { DRIVERS } from '../support/test-databases.ts';

// Thursday 16 April 2026, 10:00 in São Paulo: the check of Wednesday's figures.
const THURSDAY_10H = new Date('2026-04-16T13:00:00.000Z');
const WEDNESDAY = '2026-04-15';

describe.each(DRIVERS)('the daily check compares each campaign on its objective (%s)', (driver) => {
  let teams: CostCheckApp;
  beforeAll(async () => {
    teams = await openCostCheckApp(driver, THURSDAY_10H);
    for (const metric of ['CPC', 'CPM', 'CPL'] as const)
      await setNorm(teams.app, BAKERY, { metric, placement: 'any', maxMinorUnits: 200 });
    // Each campaign dear on every metric but its own: R$ 50,00 for 10 clicks (CPC 5,00) and
    // 1,000 impressions (CPM 50,00); the leads campaign's 25 leads cost R$ 2,00 each.
    await importFigures(teams.app, BAKERY, { firstDay: WEDNESDAY, lastDay: WEDNESDAY }, [
      { day: WEDNESDAY, campaignName: 'Cadastros', spend: 5000, leads: 25 },
      { day: WEDNESDAY, campaignName: 'Tráfego', spend: 5000 },
      { day: WEDNESDAY, campaignName: 'Engajamento', spend: 5000, objective: null },
    ]);
  });
  afterAll(() => teams.app.close());

  it('a leads campaign at its CPL norm has no breach; a traffic one only its CPC; an unknown one none, and the page names it', async () => {
    const page = await loadCampaignPage(
      teams.app.db,
      { id: 'demo-cs', roles: ['cs'] } as never,
      BAKERY,
      policy,
      teams.app.deps.clock(),
    );
    expect(page?.breaches.map((b) => [b.campaignName, b.metric])).toEqual([['Tráfego', 'CPC']]);
    expect(page?.notCompared).toEqual(['Engajamento']);
  });
});
