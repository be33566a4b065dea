import { describe, expect, it } from 'vitest';
import { policy } from '../../../src/policy/index.ts';
import type { PartnerScorecardMonth } from '../../../src/server/scorecard/partner-scorecard-page.ts';
import {
  barChart,
  CHART_SIZE,
  deadlinesMet,
  scorecardChart,
} from '../../../src/server/scorecard/scorecard-chart.ts';
import { scorecardOf } from '../../../src/server/scorecard/scorecard-pay.ts';
import {
  emptyCounts,
  type ScorecardCounts,
} from '../../../src/server/scorecard/scorecard-rules.ts';

const { height, top, labelBand, width } = CHART_SIZE;
const bottom = height - labelBand;

const month = (
  name: string,
  paid: boolean,
  over: Partial<ScorecardCounts>,
): PartnerScorecardMonth => ({
  month: name,
  best: false,
  closing: { kind: 'closed', closedAt: new Date(`${name}-28T12:00:00Z`) },
  scorecard: scorecardOf(
    {
      month: name,
      complete: true,
      asOf: new Date(`${name}-28T12:00:00Z`),
      counts: { ...emptyCounts(), ...over },
    },
    paid,
    policy,
  ),
});

describe('the bar chart’s geometry', () => {
  it('draws the highest value from the top to the zero line at the bottom when nothing is negative', () => {
    const chart = barChart(['2026-01', '2026-02'], [[10, 5]]);
    expect(chart.zeroY).toBe(bottom);
    const [tall, half] = chart.columns.map((c) => c.bars[0]);
    expect(tall).toMatchObject({ y: top, height: bottom - top, value: 10 });
    expect(half).toMatchObject({ y: (top + bottom) / 2, height: (bottom - top) / 2 });
  });

  it('hangs a negative month below the zero line, on the same scale as the positive ones', () => {
    const chart = barChart(['2026-01', '2026-02'], [[30, -10]]);
    const unit = (bottom - top) / 40;
    expect(chart.zeroY).toBe(top + 30 * unit);
    const below = chart.columns[1]?.bars[0];
    expect(below).toMatchObject({ y: chart.zeroY, height: 10 * unit, value: -10 });
  });

  it('puts the zero line at the top when every month is negative', () => {
    const chart = barChart(['2026-01'], [[-5]]);
    expect(chart.zeroY).toBe(top);
    expect(chart.columns[0]?.bars[0]).toMatchObject({ y: top, height: bottom - top });
  });

  it('draws no height and keeps the line at the bottom when every value is zero (no division by zero)', () => {
    const chart = barChart(
      ['2026-01', '2026-02'],
      [
        [0, 0],
        [0, 0],
      ],
    );
    expect(chart.zeroY).toBe(bottom);
    for (const bar of chart.columns.flatMap((c) => c.bars)) {
      expect(bar.height).toBe(0);
      expect(Number.isFinite(bar.y)).toBe(true);
    }
  });

  it('places each month in its own column, the series side by side within the width', () => {
    const chart = barChart(
      ['a', 'b', 'c', 'd', 'e', 'f'],
      [
        [1, 2, 3, 4, 5, 6],
        [6, 5, 4, 3, 2, 1],
      ],
    );
    expect(chart.columns.map((c) => c.labelX)).toEqual([30, 90, 150, 210, 270, 330]);
    const bars = chart.columns.flatMap((c) => c.bars);
    for (const bar of bars) {
      expect(bar.x).toBeGreaterThanOrEqual(0);
      expect(bar.x + bar.width).toBeLessThanOrEqual(width);
    }
    const [first, second] = chart.columns[0]?.bars ?? [];
    expect(second?.x).toBeCloseTo((first?.x ?? 0) + (first?.width ?? 0), 1);
  });

  it('draws nothing for no months', () => {
    expect(barChart([], [[]]).columns).toEqual([]);
  });
});

describe('a partner’s chart', () => {
  it('counts the deadlines met: first contacts, launches and changes in time', () => {
    const met = deadlinesMet({
      ...emptyCounts(),
      firstContacts: { onTime: 1, missed: 0, ahead: 2 },
      launches: { onTime: 2, missed: 1, ahead: 0 },
      changes: { onTime: 3, missed: 2, ahead: 1 },
    });
    expect(met).toBe(6);
  });

  it('draws a paid partner’s variable amount, oldest month on the left', () => {
    const months = [
      month('2026-12', true, { renewals: 2 }),
      month('2026-11', true, { lostAfterFirstMonth: 1 }),
    ];
    const { kind, chart } = scorecardChart(months, true);
    expect(kind).toBe('variableAmount');
    expect(chart.columns.map((c) => c.month)).toEqual(['2026-11', '2026-12']);
    expect(chart.columns.map((c) => c.bars.map((b) => b.value))).toEqual([[-5_000], [20_000]]);
  });

  it('draws the others’ deadlines met beside all those missed', () => {
    // Missed: every deadline, a task's included (deadlinesMissed), not only the judged three.
    const over = { launches: { onTime: 2, missed: 1, ahead: 4 }, deadlinesMissed: 3 };
    const { kind, chart } = scorecardChart([month('2026-12', false, over)], false);
    expect(kind).toBe('deadlines');
    expect(chart.columns[0]?.bars.map((b) => b.value)).toEqual([2, 3]);
  });

  it('is empty when every month is zero, and not once any figure is not', () => {
    const zero = [month('2026-12', true, {}), month('2026-11', false, {})];
    expect(scorecardChart(zero, true).empty).toBe(true);
    expect(scorecardChart(zero, false).empty).toBe(true);
    const one = [month('2026-12', false, { deadlinesMissed: 1 })];
    expect(scorecardChart(one, false).empty).toBe(false);
    // Only met and missed are drawn: deadlines still ahead are no bar.
    const ahead = [month('2026-12', false, { changes: { onTime: 0, missed: 0, ahead: 2 } })];
    expect(scorecardChart(ahead, false).empty).toBe(true);
  });
});
