import { describe, expect, it } from 'vitest';
import {
  CHART_SIZE,
  chartGeometry,
  roundedUp,
} from '../../../src/server/campaign-costs/cost-chart.ts';

const { width, height, left, right, top, bottom } = CHART_SIZE;
const plotBottom = height - bottom;
const points = (...values: (number | null)[]) =>
  values.map((value, i) => ({ day: `2026-04-${String(i + 1).padStart(2, '0')}`, value }));

describe('a cost chart’s geometry', () => {
  it('ends the value axis at a round number above the highest value and the norm', () => {
    expect(roundedUp(0)).toBe(1);
    expect(roundedUp(1)).toBe(1);
    expect(roundedUp(1.01)).toBe(2);
    expect(roundedUp(440)).toBe(500);
    expect(roundedUp(501)).toBe(1000);
    expect(chartGeometry(points(100, 400), 200).top).toBe(500);
    // The norm above every value still fits, with headroom.
    expect(chartGeometry(points(100, 150), 700).top).toBe(1000);
  });

  it('puts the first day on the left edge, the last on the right, zero at the bottom', () => {
    const chart = chartGeometry(points(0, 250, 500), null);
    expect(chart.top).toBe(1000);
    expect(chart.dots.map((d) => d.x)).toEqual([left, (left + width - right) / 2, width - right]);
    expect(chart.dots[0]?.y).toBe(plotBottom);
    expect(chart.dots[2]?.y).toBe(top + (plotBottom - top) / 2);
    expect(chart.ticks.map((t) => t.value)).toEqual([0, 500, 1000]);
    expect(chart.ticks[2]?.y).toBe(top);
  });

  it('draws the norm as a line and marks only the days strictly above it', () => {
    const chart = chartGeometry(points(199, 200, 201), 200);
    expect(chart.normY).toBe(chart.dots[1]?.y);
    expect(chart.dots.map((d) => d.above)).toEqual([false, false, true]);
    expect(chartGeometry(points(300), null).normY).toBeNull();
    // The label keeps clear of the latest days when they are on the line at the right end.
    expect(chartGeometry(points(100, 100, 100), 500).normLabel.anchor).toBe('end');
    expect(chartGeometry(points(100, 100, 490), 500).normLabel).toEqual({
      x: left + 4,
      anchor: 'start',
    });
  });

  it('breaks the line where a day has no figures instead of drawing through it', () => {
    const chart = chartGeometry(points(100, 200, null, 300, 400, null, 500), 1000);
    expect(chart.segments).toHaveLength(2);
    expect(chart.dots).toHaveLength(5);
    // A lone day between gaps is a dot, not a line.
    expect(chart.segments.every((s) => s.split(' ').length === 2)).toBe(true);
  });

  it('labels the first, middle and last days, anchored inside the chart', () => {
    const chart = chartGeometry(points(1, 2, 3, 4, 5), null);
    expect(chart.dayLabels.map((l) => [l.day, l.anchor])).toEqual([
      ['2026-04-01', 'start'],
      ['2026-04-03', 'middle'],
      ['2026-04-05', 'end'],
    ]);
    expect(chartGeometry(points(7), null).dayLabels).toEqual([
      { x: left + (width - left - right) / 2, day: '2026-04-01', anchor: 'middle' },
    ]);
  });
});
