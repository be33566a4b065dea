import type { CountedClient } from '../../db/round-trips.ts';
import { sqliteCpu } from './sqlite-cpu.ts';

/**
 * The targets a route or page is held to; missing ones are reported, not checked. The CPU
 * target holds the Worker's median CPU (Measurement's `workerCpuMs`).
 */
export type Targets = { roundTrips?: number; medianCpuMs?: number; bytes?: number };

/**
 * One subject measured on one database: round trips of one call, bytes, and median CPU per
 * call — the whole process's (`cpuMs`: the request and the in-process SQLite's work for it),
 * the Worker's (`workerCpuMs`: without SQLite's, which D1 and Turso do on their servers; the
 * figure the CPU targets hold) and SQLite's (`sqliteCpuMs`). Each is the median of its own
 * per-call figures, so the last two need not add up to the first.
 */
export type Measurement = {
  roundTrips: number;
  cpuMs: number;
  workerCpuMs: number;
  sqliteCpuMs: number;
  bytes: number;
  status: number;
};

/** One call's CPU, in milliseconds: the whole process's, and the part spent inside SQLite. */
type CpuSample = { total: number; sqlite: number };

async function sampleCpu(call: BenchCall): Promise<CpuSample> {
  const sqliteBefore = sqliteCpu.micros;
  const before = process.cpuUsage();
  await call();
  const used = process.cpuUsage(before);
  return {
    total: (used.user + used.system) / 1000,
    sqlite: (sqliteCpu.micros - sqliteBefore) / 1000,
  };
}

/** The medians of a subject's samples (see Measurement). */
function cpuMedians(samples: CpuSample[]) {
  return {
    cpuMs: median(samples.map((s) => s.total)),
    workerCpuMs: median(samples.map((s) => s.total - s.sqlite)),
    sqliteCpuMs: median(samples.map((s) => s.sqlite)),
  };
}

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

/**
 * Measures one subject in a block of its own: round trips of one call after `runs.warmup`
 * calls, median CPU over `runs.measured` calls (the heavy subjects, kept out of the turns).
 */
export async function measure(
  client: CountedClient,
  call: BenchCall,
  runs: { warmup: number; measured: number },
): Promise<Measurement> {
  for (let i = 0; i < runs.warmup; i++) await call();
  client.roundTrips.count = 0;
  const probe = await call();
  const roundTrips = client.roundTrips.count;
  const samples: CpuSample[] = [];
  for (let i = 0; i < runs.measured; i++) samples.push(await sampleCpu(call));
  return { roundTrips, ...cpuMedians(samples), ...probe };
}

/**
 * A subject to measure in turns: its call, how many CPU samples to take of it in all, and the
 * client of the database it runs on (its round trips are counted there).
 */
export type TurnSubject = { call: BenchCall; measured: number; client: CountedClient };

/**
 * How many of a subject's `measured` samples round `round` (0-based) of `rounds` takes: the
 * same number each round when they divide evenly (300 over 60 rounds: 5), else spread evenly
 * over the run, not bunched at its start (15 over 60: one every fourth round).
 */
export function samplesInRound(round: number, measured: number, rounds: number): number {
  return Math.floor(((round + 1) * measured) / rounds) - Math.floor((round * measured) / rounds);
}

/**
 * Measures subjects after their warm-up: the round trips of one call of each, then `rounds`
 * rounds in which every subject takes a turn — `settle` calls not measured, then its samples
 * for the round, a CPU sample per call. A slow moment of the machine (another process's burst
 * on two shared cores) falls on every subject alike, not on whichever one was being measured
 * in a block of its own. Medians of CPU per subject.
 *
 * Why a short turn after a call not measured, not one call each: `process.cpuUsage` counts
 * every thread of the process, and a call right after another subject's also paid for that
 * one's garbage being marked and swept on V8's helper threads and for caches refilled. In one
 * process and minute, one call a turn measured the locale switch at 0.29 ms and the session at
 * 0.79; in blocks of their own, 0.08 and 0.43; after one call to settle, five samples a turn,
 * 0.05 and 0.38.
 */
export async function measureInTurns(
  subjects: TurnSubject[],
  turns: { rounds: number; settle: number },
): Promise<Measurement[]> {
  const probes: { roundTrips: number; status: number; bytes: number }[] = [];
  for (const { call, client } of subjects) {
    client.roundTrips.count = 0;
    const probe = await call();
    probes.push({ roundTrips: client.roundTrips.count, ...probe });
  }
  const samples: CpuSample[][] = subjects.map(() => []);
  for (let round = 0; round < turns.rounds; round++)
    for (const [index, subject] of subjects.entries()) {
      const count = samplesInRound(round, subject.measured, turns.rounds);
      if (count === 0) continue;
      for (let i = 0; i < turns.settle; i++) await subject.call();
      for (let i = 0; i < count; i++) samples[index]?.push(await sampleCpu(subject.call));
    }
  return probes.map((probe, index) => ({ ...probe, ...cpuMedians(samples[index] ?? []) }));
}

/** What a measurement misses of its targets, in words; empty when it meets them all. */
export function missedTargets(measured: Measurement, targets: Targets): string[] {
  const misses: string[] = [];
  if (targets.roundTrips !== undefined && measured.roundTrips > targets.roundTrips)
    misses.push(`round trips ${measured.roundTrips} > ${targets.roundTrips}`);
  if (targets.medianCpuMs !== undefined && measured.workerCpuMs > targets.medianCpuMs)
    misses.push(`Worker CPU ${measured.workerCpuMs.toFixed(2)} ms > ${targets.medianCpuMs} ms`);
  if (targets.bytes !== undefined && measured.bytes > targets.bytes)
    misses.push(`bytes ${measured.bytes} > ${targets.bytes}`);
  return misses;
}
