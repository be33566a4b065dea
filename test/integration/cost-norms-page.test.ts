import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clientCostNorms, events } from '../../db/schema/index.ts';
import { seedDemoCosts } from '../../db/seed-costs.ts';
import { createTranslator } from '../../src/i18n/index.ts';
import { policy } from '../../src/policy/index.ts';
import { describeEvent } from '../../src/server/audit/history-sentence.ts';
import { loadCostNormsPage } from '../../src/server/campaign-costs/cost-norms.ts';
import { loadClientPage } from '../../src/server/clients/client-page.ts';
import { openTeamsApp, type TeamsApp } from '../support/teams.ts';
import { countRoundTrips } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const BAKERY = 'demo-client-bakery';
const ADMIN = { id: 'demo-admin', roles: ['admin' as const] };

describe.each(DRIVERS)('the cost norms page and the client’s history (%s)', (driver) => {
  let teams: TeamsApp;
  const normsOf = (clientId: string) =>
    teams.app.db.select().from(clientCostNorms).where(eq(clientCostNorms.clientId, clientId));
  const load = () => loadCostNormsPage(teams.app.db, ADMIN, BAKERY, policy);
  beforeAll(async () => {
    teams = await openTeamsApp(driver);
  });
  beforeEach(async () => {
    await teams.app.db.delete(clientCostNorms);
    await teams.app.db.delete(events).where(eq(events.action, 'cost_norms_saved'));
  });
  afterAll(() => teams.app.close());

  it('shows each cell’s own norm beside the policy’s, the demo seed’s marked as demo, in one round trip', async () => {
    await seedDemoCosts(teams.app.db, teams.app.deps.clock());
    const { result: page, roundTrips } = await countRoundTrips(teams.app, load);
    if (roundTrips !== null) expect(roundTrips).toBe(1);
    expect(page).toMatchObject({
      currency: 'BRL',
      policyCurrency: 'RUB',
      lastChange: { byName: null },
    });
    const cell = (metric: string, placement: string) =>
      page?.cells.find((c) => c.metric === metric && c.placement === placement);
    expect(cell('CPC', 'feed')).toMatchObject({
      own: { maxMinorUnits: 120, demo: true },
      policy: { minMinorUnits: 400, maxMinorUnits: 700 },
    });
    expect(cell('CPL', 'feed')).toMatchObject({ own: null, policy: null });
    // Once someone saves, their set is the client's: no demo norm comes back with the seed.
    const body = { currency: 'BRL', basedOn: page?.basedOn, 'max-CPC-feed': '1' };
    expect((await teams.post(`/api/cost-norms/${BAKERY}`, body, 'cs')).status).toBe(200);
    await seedDemoCosts(teams.app.db, teams.app.deps.clock());
    expect((await normsOf(BAKERY)).map((n) => [n.metric, n.placement, n.updatedBy])).toEqual([
      ['CPC', 'feed', 'demo-cs'],
    ]);
    expect((await load())?.lastChange?.byName).toBe('Carla Campos');
    // Even an all-blank set, which leaves no row, stays the person's choice.
    const blank = { currency: 'BRL', basedOn: (await load())?.basedOn };
    expect((await teams.post(`/api/cost-norms/${BAKERY}`, blank, 'cs')).status).toBe(200);
    expect(await normsOf(BAKERY)).toEqual([]);
    await seedDemoCosts(teams.app.db, teams.app.deps.clock());
    expect(await normsOf(BAKERY)).toEqual([]);
    // The clinic keeps its demo norms.
    const clinic = await normsOf('demo-client-clinic');
    expect(clinic.length).toBeGreaterThan(0);
    expect(clinic.every((n) => n.updatedBy === null && n.currency === 'BRL')).toBe(true);
  });

  it('a save is told in the client’s history, in each language', async () => {
    const body = { currency: 'BRL', 'max-CPL-any': '30' };
    expect((await teams.post(`/api/cost-norms/${BAKERY}`, body, 'paid')).status).toBe(200);
    const page = await loadClientPage(teams.app.db, ADMIN, BAKERY, policy, teams.app.deps.clock());
    const told = (locale: 'pt-BR' | 'en') =>
      (page?.managed?.history ?? []).map((entry) =>
        describeEvent(entry, { t: createTranslator(locale), locale }),
      );
    expect(told('en')).toContainEqual(expect.stringMatching(/changed the client’s cost norms/));
    expect(told('pt-BR')).toContainEqual(
      expect.stringMatching(/Paulo Prado.*alterou as normas de custo do cliente/),
    );
  });
});
