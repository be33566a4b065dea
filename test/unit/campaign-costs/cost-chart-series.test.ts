import { describe, expect, it } from 'vitest';
import { policy } from '../../../src/policy/index.ts';
import { costSeries } from '../../../src/server/campaign-costs/cost-chart-series.ts';
import { type DayFigures, normLookup } from '../../../src/server/campaign-costs/cost-rules.ts';

const figures = (day: string, campaignName: string, more: Partial<DayFigures>): DayFigures => ({
  day,
  campaignName,
  placement: 'feed',
  currency: 'BRL',
  spendMinorUnits: 0,
  impressions: 1000,
  linkClicks: 10,
  results: 0,
  resultsAreLeads: false,
  objective: 'traffic',
  ...more,
});
const lookup = normLookup(
  [
    { metric: 'CPC', placement: 'feed', currency: 'BRL', maxMinorUnits: 150 },
    { metric: 'CPL', placement: 'any', currency: 'BRL', maxMinorUnits: 2000 },
  ],
  policy.costNorms,
);
const days = ['2026-04-14', '2026-04-15', '2026-04-16'];

describe('a client’s daily series per metric', () => {
  const series = costSeries(
    [
      figures('2026-04-14', 'Tráfego', { spendMinorUnits: 1000, results: 10 }),
      figures('2026-04-14', 'Leads', {
        spendMinorUnits: 3000,
        results: 2,
        resultsAreLeads: true,
        objective: 'leads',
      }),
      figures('2026-04-14', 'Alcance', { spendMinorUnits: 500, objective: 'reach' }),
      figures('2026-04-14', 'Sem objetivo', { spendMinorUnits: 9000, objective: null }),
      figures('2026-04-16', 'Tráfego', { spendMinorUnits: 2000 }),
      figures('2026-04-16', 'Tráfego 2', { spendMinorUnits: 1000 }),
    ],
    days,
    lookup,
  );
  const of = (metric: string) => series.find((s) => s.metric === metric);

  it('puts the campaigns of a placement held to the metric together, a day without figures left empty', () => {
    // 04-14: the traffic campaign alone (R$ 10,00 for 10 clicks), not the leads, reach or
    // unknown campaigns' clicks; 04-16: both traffic campaigns (R$ 30,00 for 20 clicks).
    expect(of('CPC')?.points).toEqual([
      { day: '2026-04-14', value: 100 },
      { day: '2026-04-15', value: null },
      { day: '2026-04-16', value: 150 },
    ]);
    expect(of('CPC')?.daysAbove).toBe(0);
  });

  it('draws the reach campaigns alone in the CPM', () => {
    expect(of('CPM')?.points.map((p) => p.value)).toEqual([500, null, null]);
  });

  it('counts a CPL from the lead campaigns’ spend and leads only', () => {
    // R$ 30,00 for two leads; the traffic campaign's spend and results are not the leads'.
    expect(of('CPL')?.points.map((p) => p.value)).toEqual([1500, null, null]);
    expect(of('CPL')?.daysAbove).toBe(0);
  });

  it('draws no norm where the only one is in another currency, and says which', () => {
    expect(of('CPM')).toMatchObject({ norm: null, normInOtherCurrency: 'RUB' });
  });
});
