import { type Measurement, median } from './measure.ts';

/** One subject at one size over every process that measured it: its figure and the spread. */
export type RepeatedMeasurement = Measurement & {
  // The lowest and highest of the processes' medians (equal to cpuMs when measured once).
  cpuMsMin: number;
  cpuMsMax: number;
  repeats: number;
};

/**
 * A subject's figure at a size from its processes' measurements: the median of their median
 * CPU, beside the lowest and highest; the most round trips and bytes and the worst status any
 * of them saw (they agree unless something is wrong, and then the worst is reported).
 */
export function combineRepeats(measured: Measurement[]): RepeatedMeasurement {
  const cpu = measured.map((m) => m.cpuMs);
  return {
    roundTrips: Math.max(...measured.map((m) => m.roundTrips)),
    cpuMs: median(cpu),
    bytes: Math.max(...measured.map((m) => m.bytes)),
    status: Math.max(...measured.map((m) => m.status)),
    cpuMsMin: Math.min(...cpu),
    cpuMsMax: Math.max(...cpu),
    repeats: measured.length,
  };
}

/** A figure with its spread when it was measured more than once: `1.702 (1.650–1.804)`. */
export function withSpread(measured: RepeatedMeasurement): string {
  const figure = measured.cpuMs.toFixed(3);
  return measured.repeats > 1
    ? `${figure} (${measured.cpuMsMin.toFixed(3)}–${measured.cpuMsMax.toFixed(3)})`
    : figure;
}
