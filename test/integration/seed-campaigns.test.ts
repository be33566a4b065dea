import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignDayMetrics } from '../../db/schema/index.ts';
import { seedDemoCampaigns } from '../../db/seed-campaigns.ts';
import { seedDemoCosts } from '../../db/seed-costs.ts';
import { policy } from '../../src/policy/index.ts';
import { loadCampaignPage } from '../../src/server/campaign-costs/campaign-page.ts';
import { seedPeople } from '../support/sign-in.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

// A Thursday, 10:00 in São Paulo.
const NOW = new Date('2026-04-16T13:00:00.000Z');

describe.each(DRIVERS)('the demo campaigns (%s)', (driver) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(driver);
    app.setNow(NOW);
    await seedPeople(app);
    await seedDemoCosts(app.db, NOW);
    await seedDemoCampaigns(app.db, NOW);
  });
  afterAll(() => app.close());

  it('give the bakery a month of figures, charts against its demo norms and a breach of two days', async () => {
    await seedDemoCampaigns(app.db, NOW);
    expect(await app.db.select().from(campaignDayMetrics)).toHaveLength(30 * 4);
    const page = await loadCampaignPage(
      app.db,
      { id: 'demo-paid', roles: ['paid_traffic'] },
      'demo-client-bakery',
      policy,
      NOW,
    );
    if (!page) throw new Error('the paid-traffic partner sees it');
    expect(page.check).toMatchObject({ missingDays: [], isRunning: true, state: 'open' });
    expect(page.breaches.map((b) => [b.campaignName, b.placement, b.metric, b.daysInARow])).toEqual(
      [['Pão de queijo | Tráfego', 'feed', 'CPC', 2]],
    );
    expect(page.series.every((series) => series.norm?.currency === 'BRL')).toBe(true);
    expect(page.series.map((s) => `${s.metric} ${s.placement}`)).toEqual([
      'CPC feed',
      'CPC stories',
      'CPM feed',
      'CPL feed',
    ]);
  });
});
