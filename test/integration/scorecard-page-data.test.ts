import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policy } from '../../src/policy/index.ts';
import { closeScorecardMonths } from '../../src/server/scorecard/close-scorecard-months.ts';
import { loadPartnerScorecardPage } from '../../src/server/scorecard/partner-scorecard-page.ts';
import { loadTeamScorecardPage } from '../../src/server/scorecard/team-scorecard-page.ts';
import { SCORECARD_NOW as NOW, seedScorecardAgency } from '../support/scorecard-agency.ts';
import {
  DRIVERS,
  openLibsqlDatabase,
  openTestDatabase,
  type TestDatabase,
} from '../support/test-databases.ts';

// The chooser's months at NOW (20 March 2026): March and the five before, newest first.
const OFFERED = ['2026-03', '2026-02', '2026-01', '2025-12', '2025-11', '2025-10'];

describe.each(DRIVERS)('the scorecard pages’ data (%s)', (driver) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase(driver);
    await seedScorecardAgency(database.db);
  });
  afterAll(() => database.close());

  it('gives the admins this month by default, and any month the chooser offers', async () => {
    expect(OFFERED).toHaveLength(policy.incentives.scorecardMonths);
    const page = await loadTeamScorecardPage(database.db, null, policy, NOW);
    expect(page).toMatchObject({ month: '2026-03', months: OFFERED });
    expect(page?.team).toMatchObject({ month: '2026-03', complete: false });
    expect(page?.team.best?.partnerIds).toEqual(['pt2']);
    // The page renders the best's names as given.
    expect(page?.bestNames).toEqual(['pt2']);
    const october = await loadTeamScorecardPage(database.db, '2025-10', policy, NOW);
    expect(october?.team).toMatchObject({ month: '2025-10', complete: true, best: null });
    expect(october?.bestNames).toEqual([]);
    expect(october?.team.partners).toHaveLength(6);
  });

  it('has no page (null) for a month the chooser does not offer', async () => {
    for (const month of ['2025-09', '2026-04', '2026-3', 'março', '']) {
      expect(await loadTeamScorecardPage(database.db, month, policy, NOW)).toBeNull();
    }
  });

  it('gives a partner their months, newest first, with whether they were the best', async () => {
    const page = await loadPartnerScorecardPage(database.db, 'pt2', policy, NOW);
    expect(page).toMatchObject({ partnerId: 'pt2', name: 'pt2', paid: true });
    expect(page?.months.map((m) => [m.month, m.best])).toEqual(
      OFFERED.map((month) => [month, month === '2026-03']),
    );
    expect(page?.months[0]?.scorecard).toMatchObject({ month: '2026-03', complete: false });
    const cs = await loadPartnerScorecardPage(database.db, 'cs1', policy, NOW);
    expect(cs).toMatchObject({ paid: false });
    expect(cs?.months[0]?.scorecard.lines).toEqual([]);
  });

  it('has no page (null) for an inactive partner, a person without a scorecard role, or nobody', async () => {
    for (const id of ['gone', 'boss', 'nobody', '']) {
      expect(await loadPartnerScorecardPage(database.db, id, policy, NOW)).toBeNull();
    }
  });
});

describe('the scorecards’ round trips', () => {
  it('reads a month, or six, of every partner in one round trip (two while months due to close are not stored)', async () => {
    const database = await openLibsqlDatabase();
    try {
      await seedScorecardAgency(database.db);
      const { roundTrips } = database.client;
      const before = roundTrips.count;
      await loadTeamScorecardPage(database.db, null, policy, NOW);
      expect(roundTrips.count - before).toBe(1);
      // October to February are due to close: their stored rows and March's records read
      // together, then (the job has not stored them) those months counted in a second.
      await loadPartnerScorecardPage(database.db, 'pt1', policy, NOW);
      expect(roundTrips.count - before).toBe(3);
      while ((await closeScorecardMonths(database.db, policy, NOW)).closed > 0);
      const closed = roundTrips.count;
      await loadPartnerScorecardPage(database.db, 'pt1', policy, NOW);
      expect(roundTrips.count - closed).toBe(1);
    } finally {
      await database.close();
    }
  });
});
