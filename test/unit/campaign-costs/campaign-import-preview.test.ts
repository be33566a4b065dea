import { describe, expect, it } from 'vitest';
import { previewLines } from '../../../src/server/campaign-costs/campaign-import-page.ts';
import type { ImportedDay } from '../../../src/server/campaign-costs/campaign-import-result.ts';

const figures = (day: string, campaignName: string, overrides: Partial<ImportedDay> = {}) => ({
  day,
  campaignName,
  placement: 'feed' as const,
  currency: 'BRL',
  spendMinorUnits: 1000,
  impressions: 100,
  linkClicks: 10,
  results: 2,
  resultIndicator: 'actions:lead',
  resultsAreLeads: true,
  objective: 'leads' as const,
  ...overrides,
});

describe('the preview’s lines: a campaign’s days summed per placement', () => {
  it('sums the days, sorted by campaign then placement', () => {
    const lines = previewLines([
      figures('2026-11-02', 'Verão'),
      figures('2026-11-01', 'Verão'),
      figures('2026-11-01', 'Verão', { placement: 'stories', spendMinorUnits: 5 }),
      figures('2026-11-01', 'Inverno'),
    ]);
    expect(lines.map((l) => [l.campaignName, l.placement, l.days, l.spendMinorUnits])).toEqual([
      ['Inverno', 'feed', 1, 1000],
      ['Verão', 'feed', 2, 2000],
      ['Verão', 'stories', 1, 5],
    ]);
    expect(lines[1]).toMatchObject({ impressions: 200, linkClicks: 20, results: 4 });
  });

  it('calls the results leads only when every day’s were', () => {
    const lines = previewLines([
      figures('2026-11-01', 'Verão'),
      figures('2026-11-02', 'Verão', { resultsAreLeads: false, resultIndicator: 'reach' }),
    ]);
    expect(lines[0]?.resultsAreLeads).toBe(false);
  });

  it('keeps the campaign’s objective when every day agrees, else says it is unknown', () => {
    const lines = previewLines([
      figures('2026-11-01', 'Verão'),
      figures('2026-11-02', 'Verão'),
      figures('2026-11-01', 'Inverno'),
      figures('2026-11-02', 'Inverno', { objective: 'traffic' }),
    ]);
    expect(lines.map((line) => [line.campaignName, line.objective])).toEqual([
      ['Inverno', null],
      ['Verão', 'leads'],
    ]);
  });
});
