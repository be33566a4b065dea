import { describe, expect, it } from 'vitest';
import { COST_METRICS, NORM_PLACEMENTS } from '../../../db/schema/campaign-costs.ts';
import { agencyPolicy } from '../../../src/policy/agency-policy.ts';
import { parsePolicy, policy } from '../../../src/policy/index.ts';
import {
  type ClientNormRow,
  costOf,
  type DayFigures,
  findBreaches,
  normLookup,
} from '../../../src/server/campaign-costs/cost-rules.ts';

// A traffic campaign's day in the Feed, in roubles (the policy's currency): CPC 7.00, CPM 7.00.
const day = (overrides: Partial<DayFigures> = {}): DayFigures => ({
  day: '2026-03-10',
  campaignName: 'Pães de verão',
  placement: 'feed',
  currency: 'RUB',
  spendMinorUnits: 70_000,
  impressions: 100_000,
  linkClicks: 100,
  results: 0,
  resultsAreLeads: false,
  objective: 'traffic',
  ...overrides,
});
const policyOnly = normLookup([], policy.costNorms);
const brl = (metric: ClientNormRow['metric'], placement: ClientNormRow['placement'], max: number) =>
  ({ metric, placement, currency: 'BRL', maxMinorUnits: max }) satisfies ClientNormRow;

describe('costOf: a day’s cost per metric, in minor units', () => {
  it('CPC is spend per link click; CPM per 1,000 impressions; CPL per lead', () => {
    expect(costOf(day(), 'CPC')).toBe(700);
    expect(costOf(day(), 'CPM')).toBe(700);
    expect(costOf(day({ results: 20, resultsAreLeads: true }), 'CPL')).toBe(3500);
  });

  it('rounds half up to the minor unit: what is shown is what is compared', () => {
    // 1000 / 3 = 333.33… → 333; 1001 / 2 = 500.5 → 501.
    expect(costOf(day({ spendMinorUnits: 1000, linkClicks: 3 }), 'CPC')).toBe(333);
    expect(costOf(day({ spendMinorUnits: 1001, linkClicks: 2 }), 'CPC')).toBe(501);
    // CPM of 1 minor unit over 3 impressions: 1000 / 3 = 333.33… → 333.
    expect(costOf(day({ spendMinorUnits: 1, impressions: 3 }), 'CPM')).toBe(333);
  });

  it('is undefined with no clicks, no impressions, no results, or results that are not leads', () => {
    expect(costOf(day({ linkClicks: 0 }), 'CPC')).toBeNull();
    expect(costOf(day({ impressions: 0 }), 'CPM')).toBeNull();
    expect(costOf(day({ results: 20, resultsAreLeads: false }), 'CPL')).toBeNull();
    expect(costOf(day({ results: 0, resultsAreLeads: true }), 'CPL')).toBeNull();
    // Spend without any of them is no cost either (and so no breach).
    expect(
      findBreaches([day({ linkClicks: 0, impressions: 0 })], policyOnly, '2026-03-10'),
    ).toEqual([]);
  });
});

describe('normLookup: which norm a figure is held to', () => {
  it('the policy’s norm of the placement, else its norm for any placement', () => {
    expect(policyOnly('CPC', 'feed', 'RUB')).toMatchObject({
      maxMinorUnits: 700,
      placement: 'feed',
      source: 'policy',
    });
    expect(policyOnly('CPC', 'stories', 'RUB')).toMatchObject({ maxMinorUnits: 150 });
    // CPL has only a norm for any placement: Feed and Stories figures get it.
    expect(policyOnly('CPL', 'feed', 'RUB')).toMatchObject({
      maxMinorUnits: 4000,
      placement: 'any',
    });
    expect(policyOnly('CPL', 'stories', 'RUB')).toMatchObject({ maxMinorUnits: 4000 });
  });

  it('figures not broken down by placement, or elsewhere, get only a norm for any placement', () => {
    expect(policyOnly('CPC', 'all', 'RUB')).toEqual({ missing: 'none' });
    expect(policyOnly('CPM', 'other', 'RUB')).toEqual({ missing: 'none' });
    expect(policyOnly('CPL', 'all', 'RUB')).toMatchObject({ maxMinorUnits: 4000 });
  });

  it('never uses the difficult-niche norm unless the client sets it', () => {
    expect(policyOnly('CPL', 'other', 'RUB')).toMatchObject({ maxMinorUnits: 4000 });
  });

  it('compares only in the norm’s currency: another currency is said, never converted', () => {
    expect(policyOnly('CPC', 'feed', 'BRL')).toEqual({
      missing: 'other_currency',
      currency: 'RUB',
    });
  });

  it('the client’s norm overrides the policy’s for that metric, its own placement first', () => {
    const lookup = normLookup([brl('CPC', 'feed', 250), brl('CPL', 'any', 3000)], policy.costNorms);
    expect(lookup('CPC', 'feed', 'BRL')).toEqual({
      metric: 'CPC',
      placement: 'feed',
      currency: 'BRL',
      maxMinorUnits: 250,
      source: 'client',
    });
    expect(lookup('CPL', 'stories', 'BRL')).toMatchObject({
      maxMinorUnits: 3000,
      source: 'client',
    });
    // No client norm for CPC in Stories: the policy's, in roubles, so BRL figures are not compared.
    expect(lookup('CPC', 'stories', 'BRL')).toEqual({ missing: 'other_currency', currency: 'RUB' });
  });

  it('a client’s norm for any placement beats the policy’s for the placement', () => {
    const lookup = normLookup([brl('CPM', 'any', 2000)], policy.costNorms);
    expect(lookup('CPM', 'feed', 'BRL')).toMatchObject({ maxMinorUnits: 2000, placement: 'any' });
    // …but not the client's own norm of the placement.
    const both = normLookup([brl('CPM', 'any', 2000), brl('CPM', 'feed', 1500)], policy.costNorms);
    expect(both('CPM', 'feed', 'BRL')).toMatchObject({ maxMinorUnits: 1500 });
  });

  it('the client’s norm in one currency does not fall back to the policy’s in another', () => {
    const lookup = normLookup([brl('CPC', 'feed', 250)], policy.costNorms);
    expect(lookup('CPC', 'feed', 'RUB')).toEqual({ missing: 'other_currency', currency: 'BRL' });
  });
});

describe('findBreaches: strictly above the norm', () => {
  const norm = normLookup([brl('CPC', 'feed', 150)], policy.costNorms);
  const cpc = (spend: number, date = '2026-03-10', overrides: Partial<DayFigures> = {}) =>
    day({
      day: date,
      currency: 'BRL',
      spendMinorUnits: spend,
      linkClicks: 1,
      impressions: 0,
      ...overrides,
    });

  it('equal to the norm is not a breach; one minor unit above is', () => {
    expect(findBreaches([cpc(150)], norm, '2026-03-10')).toEqual([]);
    const [breach] = findBreaches([cpc(151)], norm, '2026-03-10');
    expect(breach).toMatchObject({
      metric: 'CPC',
      costMinorUnits: 151,
      overByMinorUnits: 1,
      overByPercent: 0.7,
      daysInARow: 1,
      norm: { maxMinorUnits: 150, source: 'client' },
    });
  });

  it('the rounded cost decides: 150.49 is 150 (no breach), 150.5 is 151 (a breach)', () => {
    const at = (spend: number, clicks: number) =>
      findBreaches([cpc(spend, '2026-03-10', { linkClicks: clicks })], norm, '2026-03-10').length;
    expect(at(15_049, 100)).toBe(0);
    expect(at(15_050, 100)).toBe(1);
  });

  it('CPM per 1,000 impressions at its threshold (policy: Stories up to 7.00 RUB)', () => {
    const stories = (spend: number) =>
      day({
        placement: 'stories',
        spendMinorUnits: spend,
        impressions: 1000,
        linkClicks: 0,
        objective: 'reach',
      });
    expect(findBreaches([stories(700)], policyOnly, '2026-03-10')).toEqual([]);
    expect(findBreaches([stories(701)], policyOnly, '2026-03-10')).toMatchObject([
      { metric: 'CPM', costMinorUnits: 701, overByMinorUnits: 1 },
    ]);
  });

  it('CPL only when the results are leads', () => {
    const leads = (areLeads: boolean) =>
      day({
        spendMinorUnits: 4001,
        results: 1,
        resultsAreLeads: areLeads,
        objective: 'leads',
        impressions: 0,
        linkClicks: 0,
      });
    expect(findBreaches([leads(false)], policyOnly, '2026-03-10')).toEqual([]);
    expect(findBreaches([leads(true)], policyOnly, '2026-03-10')).toMatchObject([
      { metric: 'CPL', costMinorUnits: 4001 },
    ]);
  });

  it('figures in another currency are not compared', () => {
    expect(
      findBreaches([cpc(10_000, '2026-03-10', { currency: 'USD' })], norm, '2026-03-10'),
    ).toEqual([]);
  });

  it('counts calendar days in a row ending at the day; a day without figures breaks the run', () => {
    const run = [
      cpc(200, '2026-03-06'),
      cpc(200, '2026-03-08'),
      cpc(200, '2026-03-09'),
      cpc(200, '2026-03-10'),
    ];
    expect(findBreaches(run, norm, '2026-03-10')).toMatchObject([{ daysInARow: 3 }]);
    // A day at the norm breaks it too.
    expect(
      findBreaches(
        [cpc(200, '2026-03-08'), cpc(150, '2026-03-09'), cpc(200, '2026-03-10')],
        norm,
        '2026-03-10',
      ),
    ).toMatchObject([{ daysInARow: 1 }]);
    // Across a month's end, by the calendar (weekends count: campaigns run every day).
    expect(
      findBreaches([cpc(200, '2026-02-28'), cpc(200, '2026-03-01')], norm, '2026-03-01'),
    ).toMatchObject([{ day: '2026-03-01', daysInARow: 2 }]);
  });

  it('a run is per campaign, placement and metric', () => {
    const other = cpc(200, '2026-03-09', { campaignName: 'Outra' });
    const stories = cpc(200, '2026-03-09', { placement: 'stories' });
    expect(findBreaches([other, stories, cpc(200)], norm, '2026-03-10')).toMatchObject([
      { campaignName: 'Pães de verão', daysInARow: 1 },
    ]);
  });

  it('reports only the day asked, ordered by campaign and placement', () => {
    const both = normLookup([brl('CPC', 'any', 100), brl('CPM', 'any', 100)], policy.costNorms);
    const figures = [
      day({ campaignName: 'B', currency: 'BRL', objective: 'reach' }),
      day({ campaignName: 'A', placement: 'stories', currency: 'BRL' }),
      day({ campaignName: 'A', currency: 'BRL' }),
      day({ campaignName: 'A', currency: 'BRL', day: '2026-03-11' }),
    ];
    expect(
      findBreaches(figures, both, '2026-03-10').map(
        (b) => `${b.campaignName} ${b.placement} ${b.metric}`,
      ),
    ).toEqual(['A feed CPC', 'A stories CPC', 'B feed CPM']);
  });
});

describe('the policy’s norms', () => {
  it('use the database’s metrics and norm placements', () => {
    for (const norm of policy.costNorms.norms) {
      expect(COST_METRICS).toContain(norm.metric);
      expect(NORM_PLACEMENTS).toContain(norm.placement);
    }
  });

  it('refuse two general norms for one metric and placement, and a minimum above the maximum', () => {
    const [first] = agencyPolicy.costNorms.norms;
    const twice = {
      ...agencyPolicy,
      costNorms: {
        ...agencyPolicy.costNorms,
        norms: [...agencyPolicy.costNorms.norms, { ...first, id: 'again' }],
      },
    };
    expect(() => parsePolicy(twice)).toThrow(/costNorms\.again: two general norms/);
    const upsideDown = {
      ...agencyPolicy,
      costNorms: {
        ...agencyPolicy.costNorms,
        norms: [{ ...first, id: 'x', minMinorUnits: 900, maxMinorUnits: 100 }],
      },
    };
    expect(() => parsePolicy(upsideDown)).toThrow(/costNorms\.x: minimum above maximum/);
  });
});
