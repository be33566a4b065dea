import { describe, expect, it } from 'vitest';
import { policy } from '../../../src/policy/index.ts';
import {
  type DayFigures,
  findBreaches,
  metricOfObjective,
  normLookup,
} from '../../../src/server/campaign-costs/cost-rules.ts';

// One Feed day in roubles above all three of the policy's norms: CPC 8.00 (norm 7.00), CPM
// 16.00 (norm 14.00), CPL 40.01 (norm 40.00) — only the objective's metric may be a breach.
const dearDay = (objective: DayFigures['objective']): DayFigures => ({
  day: '2026-03-10',
  campaignName: 'Pães de verão',
  placement: 'feed',
  currency: 'RUB',
  spendMinorUnits: 80_010,
  impressions: 50_000,
  linkClicks: 100,
  results: 20,
  resultsAreLeads: true,
  objective,
});
const policyOnly = normLookup([], policy.costNorms);
const metricsBreached = (objective: DayFigures['objective']) =>
  findBreaches([dearDay(objective)], policyOnly, '2026-03-10').map((b) => b.metric);

describe('findBreaches compares each campaign on its objective’s metric only', () => {
  it('traffic by CPC, reach by CPM, leads by CPL', () => {
    expect(metricOfObjective('traffic')).toBe('CPC');
    expect(metricOfObjective('reach')).toBe('CPM');
    expect(metricOfObjective('leads')).toBe('CPL');
    expect(metricsBreached('traffic')).toEqual(['CPC']);
    expect(metricsBreached('reach')).toEqual(['CPM']);
    expect(metricsBreached('leads')).toEqual(['CPL']);
  });

  it('a leads campaign at its CPL norm has no breach, however dear its clicks and impressions', () => {
    const atNorm = { ...dearDay('leads'), spendMinorUnits: 80_000 };
    expect(findBreaches([atNorm], policyOnly, '2026-03-10')).toEqual([]);
  });

  it('a campaign whose objective is not recognised is compared on nothing', () => {
    expect(metricOfObjective(null)).toBeNull();
    expect(metricsBreached(null)).toEqual([]);
  });
});
