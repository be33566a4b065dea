/** One day of a metric's series: its cost in minor units, or null when it had none that day. */
export type ChartPoint = { day: string; value: number | null };

/** The SVG's drawing area, in its own user units (the SVG scales to its container). */
export const CHART_SIZE = { width: 480, height: 200, left: 78, right: 8, top: 14, bottom: 26 };

/**
 * Where everything of a chart is drawn: the line of the series (broken where a day has no
 * value, as lines through missing days would invent figures), a dot per day (marked above
 * the norm), the norm's horizontal line, the value ticks and three day labels.
 */
export type ChartGeometry = {
  segments: string[];
  dots: { x: number; y: number; day: string; value: number; above: boolean }[];
  normY: number | null;
  // Where the norm's label sits: at the right end, or at the left when the latest days are
  // right on the line there.
  normLabel: { x: number; anchor: 'start' | 'end' };
  ticks: { y: number; value: number }[];
  dayLabels: { x: number; day: string; anchor: 'start' | 'middle' | 'end' }[];
  top: number;
};

/** The smallest 1, 2 or 5 × 10ⁿ at or above `value` (the axis ends at a round number). */
export function roundedUp(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The geometry of a series against its norm (`norm` null: no norm in its currency). The value
 * axis runs from 0 to a round number above both the highest value and the norm, with some
 * headroom, so the norm line is always inside the chart.
 */
export function chartGeometry(points: readonly ChartPoint[], norm: number | null): ChartGeometry {
  const { width, height, left, right, top: margin, bottom } = CHART_SIZE;
  const plotWidth = width - left - right;
  const plotHeight = height - margin - bottom;
  const highest = Math.max(norm ?? 0, ...points.map((p) => p.value ?? 0));
  const top = roundedUp(highest * 1.1);
  const xOf = (i: number) =>
    round1(left + (points.length <= 1 ? plotWidth / 2 : (i * plotWidth) / (points.length - 1)));
  const yOf = (value: number) => round1(margin + plotHeight - (value / top) * plotHeight);

  const segments: string[] = [];
  let current: string[] = [];
  const dots: ChartGeometry['dots'] = [];
  points.forEach((point, i) => {
    if (point.value === null) {
      if (current.length > 1) segments.push(current.join(' '));
      current = [];
      return;
    }
    const x = xOf(i);
    const y = yOf(point.value);
    current.push(`${x},${y}`);
    dots.push({
      x,
      y,
      day: point.day,
      value: point.value,
      above: norm !== null && point.value > norm,
    });
  });
  if (current.length > 1) segments.push(current.join(' '));

  const last = points.length - 1;
  const middle = Math.floor(last / 2);
  const labelled = [...new Set([0, middle, last])].filter((i) => i >= 0);
  const normY = norm === null ? null : yOf(norm);
  const lastDot = dots.at(-1);
  const crowded =
    normY !== null &&
    lastDot !== undefined &&
    lastDot.x > width - right - 120 &&
    Math.abs(lastDot.y - normY) < 20;
  return {
    segments,
    dots,
    normY,
    normLabel: crowded ? { x: left + 4, anchor: 'start' } : { x: width - right, anchor: 'end' },
    ticks: [0, 0.5, 1].map((share) => ({ y: yOf(top * share), value: top * share })),
    dayLabels: labelled.map((i) => ({
      x: xOf(i),
      day: points[i]?.day ?? '',
      anchor: i === 0 && last > 0 ? 'start' : i === last && last > 0 ? 'end' : 'middle',
    })),
    top,
  };
}
