import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { costBreachAcknowledgements, events } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { loadCampaignPage } from '../../src/server/campaign-costs/campaign-page.ts';
import {
  BAKERY,
  type CostCheckApp,
  importFigures,
  openCostCheckApp,
  setNorm,
} from '../support/campaign-checks.ts';
import { countRoundTrips, readJson } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

// Thursday 16 April 2026, 10:00 in São Paulo: the check of Wednesday's figures is due at noon.
const THURSDAY_10H = new Date('2026-04-16T13:00:00.000Z');
const url = `/api/campaign-checks/${BAKERY}/acknowledgements`;
const breach = {
  day: '2026-04-15',
  campaignName: 'Pão de queijo',
  placement: 'feed',
  metric: 'CPC',
};

describe.each(DRIVERS)('the daily cost check of a client (%s)', (driver) => {
  let teams: CostCheckApp;
  const acks = () =>
    teams.app.db
      .select()
      .from(costBreachAcknowledgements)
      .where(eq(costBreachAcknowledgements.clientId, BAKERY));
  const ackEvents = () =>
    teams.app.db.select().from(events).where(eq(events.action, 'cost_breach_acknowledged'));
  const load = (viewer: { id: string; roles: string[] }) =>
    loadCampaignPage(teams.app.db, viewer as never, BAKERY, policy, teams.app.deps.clock());

  beforeAll(async () => {
    teams = await openCostCheckApp(driver, THURSDAY_10H);
    await setNorm(teams.app, BAKERY, { metric: 'CPC', placement: 'feed', maxMinorUnits: 200 });
    // Tuesday and Wednesday above the CPC norm (R$ 5,00 a click against R$ 2,00); the bread
    // exactly at it, which is no breach.
    await importFigures(teams.app, BAKERY, { firstDay: '2026-04-14', lastDay: '2026-04-15' }, [
      { day: '2026-04-14', spend: 5000, clicks: 10 },
      { day: '2026-04-15', spend: 5000, clicks: 10 },
      { day: '2026-04-15', campaignName: 'Broa', spend: 1000, clicks: 5 },
      // A reach campaign: held to CPM, whose only norm (the agency's) is in roubles.
      { day: '2026-04-15', campaignName: 'Alcance', objective: 'reach', spend: 2000 },
    ]);
  });
  afterAll(() => teams.app.close());

  it('shows yesterday’s breach with its cost, norm, excess and days in a row, in one round trip', async () => {
    const { result: page, roundTrips } = await countRoundTrips(teams.app, () =>
      load({ id: 'demo-paid', roles: ['paid_traffic'] }),
    );
    if (!page) throw new Error('the paid-traffic partner sees it');
    if (roundTrips !== null) expect(roundTrips).toBe(1);
    expect(page.check).toMatchObject({
      checkDay: '2026-04-16',
      figureDays: ['2026-04-15'],
      missingDays: [],
      isRunning: true,
      state: 'open',
    });
    expect(page.breaches).toHaveLength(1);
    expect(page.breaches[0]).toMatchObject({
      ...breach,
      costMinorUnits: 500,
      overByMinorUnits: 300,
      overByPercent: 150,
      daysInARow: 2,
      norm: { maxMinorUnits: 200, currency: 'BRL', source: 'client' },
      acknowledgement: null,
    });
  });

  it('says which metrics are not compared because the only norm is in another currency', async () => {
    const page = await load({ id: 'demo-cs', roles: ['cs'] });
    if (!page) throw new Error('CS sees it');
    const cpm = page.series.find((s) => s.metric === 'CPM' && s.placement === 'feed');
    expect(cpm).toMatchObject({ norm: null, normInOtherCurrency: 'RUB', currency: 'BRL' });
    const cpc = page.series.find((s) => s.metric === 'CPC' && s.placement === 'feed');
    expect(cpc?.points).toHaveLength(policy.campaignChecks.chartDays);
    expect(cpc?.points.at(-1)).toEqual({ day: '2026-04-15', value: 400 });
    expect(cpc?.daysAbove).toBe(2);
  });

  it('is the client’s CS’s, its paid-traffic partner’s and the admins’: a 404 to anyone else (the API’s access table a 403 to roles that never check)', async () => {
    expect(await load({ id: 'demo-admin', roles: ['admin'] })).toMatchObject({
      client: { id: BAKERY },
    });
    expect(await load({ id: 'demo-design', roles: ['design'] })).toBeNull();
    expect(await load({ id: 'demo-organic', roles: ['organic_traffic'] })).toBeNull();
    expect(await load({ id: 'other-paid', roles: ['paid_traffic'] })).toBeNull();
    expect(await load({ id: 'other-cs', roles: ['cs'] })).toBeNull();
    const refused = { ...breach, action: 'budget' };
    expect((await teams.post(url, refused, 'design')).status).toBe(403);
    // Organic traffic never does a cost check: the access table stops it before the client.
    expect((await teams.post(url, refused, 'organic')).status).toBe(403);
    expect((await teams.post(url, refused, 'otherPaid')).status).toBe(404);
    expect((await teams.post(url, refused, 'otherCs')).status).toBe(404);
    expect(await acks()).toHaveLength(0);
  });

  it('refuses bad input with a message on its field and writes nothing', async () => {
    const noReason = await teams.post(
      url,
      { ...breach, action: 'none_needed', note: '  ' },
      'paid',
    );
    expect(noReason.status).toBe(400);
    expect((await readJson(noReason)).error.fields.note).toBe('Diga por que nada é necessário.');
    const noAction = await teams.post(url, breach, 'paid');
    expect((await readJson(noAction)).error.fields.action).toBeTruthy();
    for (const bad of [
      { ...breach, action: 'pray' },
      { ...breach, metric: 'CTR', action: 'budget' },
      { ...breach, day: '2026-02-30', action: 'budget' },
      { ...breach, action: 'budget', note: 'x'.repeat(policy.campaignChecks.maxNoteChars + 1) },
    ]) {
      expect((await teams.post(url, bad, 'paid')).status).toBe(400);
    }
    // Equal to the norm is no breach; a campaign that is not there is none either.
    for (const notOne of [
      { ...breach, campaignName: 'Broa', action: 'budget' },
      { ...breach, campaignName: 'Nada', action: 'budget' },
      { ...breach, metric: 'CPM', action: 'budget' },
    ]) {
      const answer = await teams.post(url, notOne, 'paid');
      expect(answer.status).toBe(409);
      expect((await readJson(answer)).error.code).toBe('not_a_breach');
    }
    expect(await acks()).toHaveLength(0);
    expect(await ackEvents()).toHaveLength(0);
  });

  it('acknowledges a breach once: the second is a clear 409 and the check is met', async () => {
    const first = await teams.post(
      url,
      { ...breach, action: 'headline_cta', note: 'Novo título' },
      'paid',
    );
    expect(first.status).toBe(200);
    const again = await teams.post(url, { ...breach, action: 'budget' }, 'cs');
    expect(again.status).toBe(409);
    expect((await readJson(again)).error.code).toBe('already_acknowledged');
    expect(await acks()).toMatchObject([
      { ...breach, action: 'headline_cta', note: 'Novo título', acknowledgedBy: 'demo-paid' },
    ]);
    expect(await ackEvents()).toHaveLength(1);
    const page = await load({ id: 'demo-cs', roles: ['cs'] });
    if (!page) throw new Error('CS sees it');
    expect(page.check.state).toBe('met');
    expect(page.breaches[0]?.acknowledgement).toMatchObject({
      action: 'headline_cta',
      byName: 'Paulo Prado',
    });
  });

  it('ten acknowledgements of one breach at once (CS, partner, admin): one is kept, nine get 409', async () => {
    await importFigures(teams.app, BAKERY, { firstDay: '2026-04-15', lastDay: '2026-04-15' }, [
      { day: '2026-04-15', campaignName: 'Sonho', placement: 'stories', spend: 9000, clicks: 10 },
    ]);
    await setNorm(teams.app, BAKERY, { metric: 'CPC', placement: 'stories', maxMinorUnits: 100 });
    const target = { ...breach, campaignName: 'Sonho', placement: 'stories', action: 'targeting' };
    const who = ['paid', 'cs', 'admin'];
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => teams.post(url, target, who[i % 3] ?? 'paid')),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
    const kept = await teams.app.db
      .select()
      .from(costBreachAcknowledgements)
      .where(and(eq(costBreachAcknowledgements.campaignName, 'Sonho')));
    expect(kept).toHaveLength(1);
    expect(await ackEvents()).toHaveLength(2);
  });

  it('a plain form comes back to the page’s breaches with the field’s error', async () => {
    const form = (body: Record<string, string>, who: string) =>
      teams.app.request(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'text/html',
          Origin: 'http://localhost',
          'Sec-Fetch-Site': 'same-origin',
          Cookie: teams.cookie.get(who) ?? '',
        },
        body: new URLSearchParams(body).toString(),
      });
    const page = `/clients/${BAKERY}/campaigns`;
    const refused = await form(
      { ...breach, action: 'none_needed', formId: 'ack-0', returnTo: page },
      'cs',
    );
    expect(refused.status).toBe(303);
    expect(refused.headers.get('Location')).toBe(page);
    expect(refused.headers.get('Set-Cookie')).toContain('feedback');
  });
});
