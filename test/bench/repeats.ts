import { type Measurement, median } from './measure.ts';

/** One subject at one size over every process that measured it: its figures and their spread. */
export type RepeatedMeasurement = Measurement & {
  // The lowest and highest of the processes' medians (equal to the figure when measured once).
  cpuMsMin: number;
  cpuMsMax: number;
  workerCpuMsMin: number;
  workerCpuMsMax: number;
  repeats: number;
};

/** The figures printed with their spread. */
type SpreadFigure = 'cpuMs' | 'workerCpuMs';

/**
 * A subject's figure at a size from its processes' measurements: the median of their median
 * CPU, beside the lowest and highest; the most round trips and bytes and the worst status any
 * of them saw (they agree unless something is wrong, and then the worst is reported).
 */
export function combineRepeats(measured: Measurement[]): RepeatedMeasurement {
  const cpu = measured.map((m) => m.cpuMs);
  const worker = measured.map((m) => m.workerCpuMs);
  return {
    roundTrips: Math.max(...measured.map((m) => m.roundTrips)),
    cpuMs: median(cpu),
    workerCpuMs: median(worker),
    sqliteCpuMs: median(measured.map((m) => m.sqliteCpuMs)),
    bytes: Math.max(...measured.map((m) => m.bytes)),
    status: Math.max(...measured.map((m) => m.status)),
    cpuMsMin: Math.min(...cpu),
    cpuMsMax: Math.max(...cpu),
    workerCpuMsMin: Math.min(...worker),
    workerCpuMsMax: Math.max(...worker),
    repeats: measured.length,
  };
}

/** A figure with its spread when it was measured more than once: `1.702 (1.650–1.804)`. */
export function withSpread(measured: RepeatedMeasurement, figure: SpreadFigure = 'cpuMs'): string {
  const value = measured[figure].toFixed(3);
  return measured.repeats > 1
    ? `${value} (${measured[`${figure}Min`].toFixed(3)}–${measured[`${figure}Max`].toFixed(3)})`
    : value;
}
