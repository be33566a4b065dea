import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policy } from '../../src/policy/index.ts';
import type { Viewer } from '../../src/server/auth/viewer.ts';
import { loadHomePage } from '../../src/server/home/home-page.ts';
import { BAKERY, importFigures, setNorm } from '../support/campaign-checks.ts';
import { seedPeople } from '../support/sign-in.ts';
import { addPerson } from '../support/teams.ts';
import { countRoundTrips, createTestApp, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

// Thursday 16 April 2026, 11:30 in São Paulo: the check of Wednesday is due at noon.
const NOW = new Date('2026-04-16T14:30:00.000Z');

describe.each(DRIVERS)('today’s cost checks on the home (%s)', (driver) => {
  let app: TestApp;
  const home = (viewer: Viewer, now = NOW) => loadHomePage(app.db, viewer, policy, now);

  beforeAll(async () => {
    app = await createTestApp(driver);
    app.setNow(NOW);
    await seedPeople(app);
    await addPerson(app, {
      id: 'other-paid',
      email: 'outro.pago@ponte.example',
      roles: ['paid_traffic'],
    });
    await setNorm(app, BAKERY, { metric: 'CPC', placement: 'feed', maxMinorUnits: 200 });
    await importFigures(app, BAKERY, { firstDay: '2026-04-15', lastDay: '2026-04-15' }, [
      { day: '2026-04-15', spend: 5000, clicks: 10 },
      { day: '2026-04-15', campaignName: 'Broa', placement: 'stories', spend: 900, clicks: 1 },
    ]);
    // The clinic spent on Monday and nobody imported Wednesday.
    await importFigures(
      app,
      'demo-client-clinic',
      { firstDay: '2026-04-13', lastDay: '2026-04-13' },
      [{ day: '2026-04-13', spend: 3000, clicks: 100 }],
    );
  });
  afterAll(() => app.close());

  it('lists the paid-traffic partner’s clients with breaches to acknowledge or figures missing, in the home’s one round trip', async () => {
    const { result, roundTrips } = await countRoundTrips(app, () =>
      home({ id: 'demo-paid', roles: ['paid_traffic'] }),
    );
    if (roundTrips !== null) expect(roundTrips).toBe(1);
    expect(result.costChecks).toEqual([
      {
        clientId: 'demo-client-clinic',
        clientName: 'Clínica Sorriso Leve',
        state: 'open',
        dueAt: new Date('2026-04-16T15:00:00.000Z'),
        findings: { missingDays: ['2026-04-15'], unacknowledged: 0 },
        breaches: [],
        moreBreaches: 0,
      },
      {
        clientId: BAKERY,
        clientName: 'Padaria Pão Quente',
        state: 'open',
        dueAt: new Date('2026-04-16T15:00:00.000Z'),
        // The feed's CPC is above the client's norm; the stories' CPC has only the policy's
        // norm, in roubles: not compared, so no breach.
        findings: { missingDays: [], unacknowledged: 1 },
        // Today's breach itself: campaign, metric, how much over (R$ 3,00, 150 %).
        breaches: [
          {
            campaignName: 'Pão de queijo',
            placement: 'feed',
            metric: 'CPC',
            currency: 'BRL',
            overByMinorUnits: 300,
            overByPercent: 150,
          },
        ],
        moreBreaches: 0,
      },
    ]);
  });

  it('shows CS its clients and an admin all; nothing to a partner of no client, or of another role', async () => {
    expect((await home({ id: 'demo-cs', roles: ['cs'] })).costChecks).toHaveLength(2);
    expect((await home({ id: 'demo-admin', roles: ['admin'] })).costChecks).toHaveLength(2);
    expect((await home({ id: 'other-paid', roles: ['paid_traffic'] })).costChecks).toEqual([]);
    expect((await home({ id: 'demo-design', roles: ['design'] })).costChecks).toBeNull();
  });

  it('reads nothing on a day off, and keeps showing an overdue check after noon', async () => {
    const saturday = new Date('2026-04-18T14:30:00.000Z');
    expect(
      (await home({ id: 'demo-paid', roles: ['paid_traffic'] }, saturday)).costChecks,
    ).toBeNull();
    const afterNoon = new Date('2026-04-16T15:00:00.000Z');
    const overdue = (await home({ id: 'demo-paid', roles: ['paid_traffic'] }, afterNoon))
      .costChecks;
    expect(overdue?.map((item) => item.state)).toEqual(['overdue', 'overdue']);
  });
});
