import type { CountedClient } from '../../db/round-trips.ts';

/** The targets a route or page is held to; missing ones are reported, not checked. */
export type Targets = { roundTrips?: number; medianCpuMs?: number; bytes?: number };

/** One subject measured on one database: round trips of one call, median CPU, bytes. */
export type Measurement = { roundTrips: number; cpuMs: number; bytes: number; status: number };

/** A call of the subject under measure: its status and response size. */
export type BenchCall = () => Promise<{ status: number; bytes: number }>;

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Measures one subject: round trips of one call after warm-up, median CPU over `runs` calls. */
export async function measure(
  client: CountedClient,
  call: BenchCall,
  runs: { warmup: number; measured: number },
): Promise<Measurement> {
  for (let i = 0; i < runs.warmup; i++) await call();
  client.roundTrips.count = 0;
  const probe = await call();
  const roundTrips = client.roundTrips.count;
  const cpu: number[] = [];
  for (let i = 0; i < runs.measured; i++) {
    const before = process.cpuUsage();
    await call();
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
  }
  return { roundTrips, cpuMs: median(cpu), ...probe };
}

/** What a measurement misses of its targets, in words; empty when it meets them all. */
export function missedTargets(measured: Measurement, targets: Targets): string[] {
  const misses: string[] = [];
  if (targets.roundTrips !== undefined && measured.roundTrips > targets.roundTrips)
    misses.push(`round trips ${measured.roundTrips} > ${targets.roundTrips}`);
  if (targets.medianCpuMs !== undefined && measured.cpuMs > targets.medianCpuMs)
    misses.push(`CPU ${measured.cpuMs.toFixed(2)} ms > ${targets.medianCpuMs} ms`);
  if (targets.bytes !== undefined && measured.bytes > targets.bytes)
    misses.push(`bytes ${measured.bytes} > ${targets.bytes}`);
  return misses;
}
