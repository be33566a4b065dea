import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientMilestones } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { loadClientPage } from '../../src/server/clients/client-page.ts';
import { BAKERY, importFigures } from '../support/campaign-checks.ts';
import { seedPeople } from '../support/sign-in.ts';
import { countRoundTrips, createTestApp, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const CS = { id: 'demo-cs', roles: ['cs' as const] };

describe.each(DRIVERS)('the check-in’s figures since launch on the client page (%s)', (driver) => {
  let app: TestApp;
  const load = () => loadClientPage(app.db, CS, BAKERY, policy, app.deps.clock());

  beforeAll(async () => {
    app = await createTestApp(driver);
    app.setNow(new Date('2026-04-20T13:00:00.000Z'));
    await seedPeople(app);
    await importFigures(app, BAKERY, { firstDay: '2026-04-08', lastDay: '2026-04-18' }, [
      // The day before the launch: not the campaign's figures since launch.
      { day: '2026-04-08', spend: 99999, clicks: 1 },
      { day: '2026-04-09', spend: 1000, clicks: 10, impressions: 2000 },
      { day: '2026-04-09', placement: 'stories', spend: 500, clicks: 5, impressions: 1000 },
      { day: '2026-04-16', spend: 2000, clicks: 20, impressions: 3000 },
      { day: '2026-04-12', campaignName: 'Leads', spend: 3000, leads: 4 },
      // After the check-in (7 days after the 9th): not counted.
      { day: '2026-04-17', spend: 77777, clicks: 1 },
    ]);
  });
  afterAll(() => app.close());

  it('shows nothing before the launch is recorded', async () => {
    const page = await load();
    expect(page?.managed?.figuresSinceLaunch).toBeNull();
  });

  it('totals each campaign from the launch day (agency time) to the check-in, in the page’s one round trip', async () => {
    // Launched on 9 April at 22:30 in São Paulo (10 April 01:30 UTC): the 9th is launch day.
    await app.db.insert(clientMilestones).values({
      clientId: BAKERY,
      kind: 'launched',
      occurredAt: new Date('2026-04-10T01:30:00.000Z'),
      recordedBy: 'demo-cs',
    });
    const { result, roundTrips } = await countRoundTrips(app, load);
    if (roundTrips !== null) expect(roundTrips).toBe(1);
    expect(result?.managed?.figuresSinceLaunch).toEqual({
      launchDay: '2026-04-09',
      checkInDay: '2026-04-16',
      campaigns: [
        {
          campaignName: 'Leads',
          currency: 'BRL',
          spend: 3000,
          impressions: 1000,
          clicks: 10,
          leads: 4,
        },
        {
          campaignName: 'Pão de queijo',
          currency: 'BRL',
          spend: 3500,
          impressions: 6000,
          clicks: 35,
          leads: 0,
        },
      ],
    });
  });
});
