import {
  AD_PLACEMENTS,
  type AdPlacement,
  COST_METRICS,
  type CostMetric,
} from '../../../db/schema/index.ts';
import type { ChartPoint } from './cost-chart.ts';
import {
  costOf,
  type DayFigures,
  type EffectiveNorm,
  isMissingNorm,
  metricOfObjective,
  type NormLookup,
} from './cost-rules.ts';

/**
 * A client's metric over the chart's days, in one placement and currency, all its campaigns
 * together (the day's spend over the day's clicks, impressions or leads), with the norm it is
 * held to — or, when the only norm is in another currency, that currency, and no line.
 */
export type CostSeries = {
  metric: CostMetric;
  placement: AdPlacement;
  currency: string;
  norm: EffectiveNorm | null;
  normInOtherCurrency: string | null;
  points: ChartPoint[];
  daysAbove: number;
};

// A day's totals of a placement; the lead campaigns' spend apart, as CPL is their spend per lead.
type Totals = Omit<DayFigures, 'campaignName'> & { leadSpendMinorUnits: number };

/**
 * The series of each metric, placement and currency the figures have (none without a value).
 * A metric sums only the campaigns held to it by their objective (a leads campaign's clicks
 * are not its CPC), and a campaign whose objective is unknown is drawn in none.
 */
export function costSeries(
  figures: readonly DayFigures[],
  days: readonly string[],
  lookup: NormLookup,
): CostSeries[] {
  const totals = new Map<string, Totals>();
  const groups = new Map<string, { placement: AdPlacement; currency: string }>();
  for (const row of figures) {
    const metric = metricOfObjective(row.objective);
    if (metric === null) continue;
    const group = `${row.placement} ${row.currency}`;
    groups.set(group, { placement: row.placement, currency: row.currency });
    const key = `${metric} ${group} ${row.day}`;
    const sum = totals.get(key);
    // Leads only from campaigns whose results are leads: a traffic campaign's results are not,
    // and its spend bought no lead.
    const leads = row.resultsAreLeads ? row.results : 0;
    const leadSpend = row.resultsAreLeads ? row.spendMinorUnits : 0;
    if (!sum) {
      totals.set(key, {
        ...row,
        results: leads,
        resultsAreLeads: true,
        leadSpendMinorUnits: leadSpend,
      });
      continue;
    }
    sum.spendMinorUnits += row.spendMinorUnits;
    sum.leadSpendMinorUnits += leadSpend;
    sum.impressions += row.impressions;
    sum.linkClicks += row.linkClicks;
    sum.results += leads;
  }
  const ordered = [...groups.entries()].sort(
    ([, a], [, b]) =>
      AD_PLACEMENTS.indexOf(a.placement) - AD_PLACEMENTS.indexOf(b.placement) ||
      a.currency.localeCompare(b.currency),
  );
  const series: CostSeries[] = [];
  for (const metric of COST_METRICS) {
    for (const [group, { placement, currency }] of ordered) {
      const points = days.map((day) => {
        const sum = totals.get(`${metric} ${group} ${day}`);
        if (!sum) return { day, value: null };
        const spend = metric === 'CPL' ? sum.leadSpendMinorUnits : sum.spendMinorUnits;
        return { day, value: costOf({ ...sum, spendMinorUnits: spend, campaignName: '' }, metric) };
      });
      if (points.every((point) => point.value === null)) continue;
      const found = lookup(metric, placement, currency);
      const norm = isMissingNorm(found) ? null : found;
      series.push({
        metric,
        placement,
        currency,
        norm,
        normInOtherCurrency:
          isMissingNorm(found) && found.missing === 'other_currency' ? found.currency : null,
        points,
        daysAbove: norm
          ? points.filter((p) => p.value !== null && p.value > norm.maxMinorUnits).length
          : 0,
      });
    }
  }
  return series;
}
