// An export's rows summed per day, campaign and placement once placements are folded
// (Facebook's and Instagram's feeds are one 'feed'; Reels and Explore one 'other').
import type { AdPlacement, CampaignObjective } from '../../../db/schema/campaign-costs.ts';
import type { ImportedDay } from './campaign-import-result.ts';
import { namesALead } from './export-parser-values.ts';

/** One data row as read, before folding. */
export type ReadRow = {
  day: string;
  campaignName: string;
  placement: AdPlacement;
  platform: string;
  spendMinorUnits: number;
  impressions: number;
  linkClicks: number;
  results: number;
  resultIndicator: string | null;
  objective: CampaignObjective | null;
};

type Sum = ImportedDay & {
  indicators: Set<string>;
  notLeadsCounted: boolean;
  objectives: Set<CampaignObjective | null>;
};

/**
 * The rows summed per day, campaign and placement. Results count as leads only when every
 * summed row with results names a lead (results of another kind would make the CPL wrong).
 * A day's objective is its rows' when they agree; rows that disagree leave it unknown (not
 * compared) rather than guessed.
 */
export function foldRows(rows: readonly ReadRow[], currency: string): ImportedDay[] {
  const sums = new Map<string, Sum>();
  for (const row of rows) {
    const key = `${row.day}\u0000${row.campaignName}\u0000${row.placement}`;
    const isLead = row.resultIndicator !== null && namesALead(row.resultIndicator);
    let sum = sums.get(key);
    if (!sum) {
      sum = {
        day: row.day,
        campaignName: row.campaignName,
        placement: row.placement,
        currency,
        spendMinorUnits: 0,
        impressions: 0,
        linkClicks: 0,
        results: 0,
        resultIndicator: null,
        resultsAreLeads: false,
        objective: null,
        indicators: new Set(),
        notLeadsCounted: false,
        objectives: new Set(),
      };
      sums.set(key, sum);
    }
    sum.spendMinorUnits += row.spendMinorUnits;
    sum.impressions += row.impressions;
    sum.linkClicks += row.linkClicks;
    sum.results += row.results;
    if (row.resultIndicator !== null) sum.indicators.add(row.resultIndicator);
    sum.objectives.add(row.objective);
    if (isLead) sum.resultsAreLeads = true;
    if (!isLead && row.results > 0) sum.notLeadsCounted = true;
  }
  return [...sums.values()].map(({ indicators, notLeadsCounted, objectives, ...day }) => ({
    ...day,
    objective: objectives.size === 1 ? ([...objectives][0] ?? null) : null,
    resultIndicator: indicators.size === 0 ? null : [...indicators].join(' + '),
    resultsAreLeads: day.resultsAreLeads && !notLeadsCounted,
  }));
}
