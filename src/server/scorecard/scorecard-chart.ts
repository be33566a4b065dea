import type { PartnerScorecardMonth } from './partner-scorecard-page.ts';
import type { ScorecardCounts } from './scorecard-rules.ts';

/** One bar: where it is drawn (SVG user units) and the value it stands for. */
export type ChartBar = { x: number; y: number; width: number; height: number; value: number };
/** One month's place on the chart: its bars (one per series) and where its label sits. */
export type ChartColumn = { month: string; labelX: number; bars: ChartBar[] };
/** A bar chart's geometry: the viewBox, the zero line, and one column per month. */
export type BarChart = {
  width: number;
  height: number;
  zeroY: number;
  labelY: number;
  columns: ChartColumn[];
};

// The viewBox: narrow enough that a 390 px phone draws it at about its own size (no scroll),
// scaled down by CSS; the bottom band holds the month labels.
export const CHART_SIZE = { width: 360, height: 180, top: 8, labelBand: 22 } as const;
// A column's share taken by its bars; the rest is the gap between months.
const BARS_SHARE = 0.7;

/**
 * Bars for each month (oldest first) and each series (`series[s][m]` is series s in month m),
 * on one scale with a zero line: a negative value (a month's deductions beyond its bonuses)
 * hangs below it. All zero: the line sits at the bottom and the bars have no height.
 */
export function barChart(months: readonly string[], series: readonly number[][]): BarChart {
  const { width, height, top, labelBand } = CHART_SIZE;
  const bottom = height - labelBand;
  const values = series.flat();
  const high = Math.max(0, ...values);
  const low = Math.min(0, ...values);
  const scale = high === low ? 0 : (bottom - top) / (high - low);
  const zeroY = high === low ? bottom : top + high * scale;
  const columnWidth = months.length === 0 ? 0 : width / months.length;
  const barWidth = series.length === 0 ? 0 : (columnWidth * BARS_SHARE) / series.length;
  const columns = months.map((month, m) => {
    const left = m * columnWidth + (columnWidth * (1 - BARS_SHARE)) / 2;
    const bars = series.map((values, s) => {
      const value = values[m] ?? 0;
      const size = Math.abs(value) * scale;
      return {
        x: round(left + s * barWidth),
        y: round(value >= 0 ? zeroY - size : zeroY),
        width: round(barWidth),
        height: round(size),
        value,
      };
    });
    return { month, labelX: round(m * columnWidth + columnWidth / 2), bars };
  });
  return { width, height, zeroY: round(zeroY), labelY: height - 6, columns };
}

// Two decimals keep the markup short and the geometry exact enough for any screen.
const round = (n: number) => Math.round(n * 100) / 100;

/**
 * The deadlines a month met in time: first contacts, launches and changes (the only ones the
 * counts judge as met; a task's or a piece's deadline counts only when missed).
 */
export function deadlinesMet(counts: ScorecardCounts): number {
  return counts.firstContacts.onTime + counts.launches.onTime + counts.changes.onTime;
}

/** What a partner's chart draws: the variable amount when paid, else deadlines kept and missed. */
export type ScorecardChartKind = 'variableAmount' | 'deadlines';

/**
 * A partner's months (newest first, as the page lists them) as a chart, oldest on the left: a
 * paid partner's variable amount per month (bonuses less deductions, in minor units), or for
 * the others the deadlines met in time beside all those missed; `empty` when every figure is zero.
 */
export function scorecardChart(
  months: readonly PartnerScorecardMonth[],
  paid: boolean,
): { kind: ScorecardChartKind; chart: BarChart; empty: boolean } {
  const oldestFirst = [...months].reverse();
  const names = oldestFirst.map((m) => m.month);
  if (paid) {
    const amounts = oldestFirst.map((m) => m.scorecard.variableMinorUnits);
    return { kind: 'variableAmount', chart: barChart(names, [amounts]), empty: isEmpty([amounts]) };
  }
  // Met beside every deadline missed (the best-of-month tie-breaker's figure).
  const counts = oldestFirst.map((m) => m.scorecard.counts);
  const series = [counts.map(deadlinesMet), counts.map((c) => c.deadlinesMissed)];
  return { kind: 'deadlines', chart: barChart(names, series), empty: isEmpty(series) };
}

// Nothing but zeros: no bar to draw (the page says so instead of showing an empty frame).
const isEmpty = (series: number[][]) => series.every((values) => values.every((v) => v === 0));
