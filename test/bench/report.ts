import type { Targets } from './measure.ts';
import { type RepeatedMeasurement, withSpread } from './repeats.ts';
import { type BenchScale, MAX_CPU_GROWTH } from './scale.ts';

/** One route or page measured at every scale, with what it missed. */
export type RouteResult = {
  label: string;
  targets: Targets;
  // One measurement per scale (over that size's processes), in the order of the scales.
  at: RepeatedMeasurement[];
  misses: string[];
  scaleMisses: string[];
};

const target = (targets: Targets, key: keyof Targets) =>
  targets[key] === undefined ? '—' : `≤ ${targets[key]}`;
const verdict = (misses: string[]) => (misses.length ? `MISS: ${misses.join('; ')}` : 'ok');

/**
 * The route table at today's sizes: round trips, the Worker's median CPU and bytes beside
 * their targets, and the in-process SQLite's median CPU beside them (not the Worker's: see
 * sqlite-cpu.ts); measured in several processes, a CPU figure is the median of their medians,
 * with the lowest and highest of them in brackets.
 */
export function printRouteTable(results: RouteResult[], runs: number, repeats: number) {
  const processes =
    repeats > 1
      ? `, in ${repeats} processes per size (median of their medians, their min–max)`
      : '';
  console.log(`\nPonte benchmark — ${runs} runs per route${processes}, Node ${process.version}\n`);
  console.log(
    '| route | status | DB round trips | target | median Worker CPU (ms) | target | median SQLite CPU, in process (ms) | bytes | verdict |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const row of results) {
    const base = row.at[0];
    if (!base) continue;
    console.log(
      `| ${row.label} | ${base.status} | ${base.roundTrips} | ${target(row.targets, 'roundTrips')} | ${withSpread(base, 'workerCpuMs')} | ${target(row.targets, 'medianCpuMs')} | ${base.sqliteCpuMs.toFixed(3)} | ${base.bytes} | ${verdict(row.misses)} |`,
    );
  }
}

/**
 * The scale table: the same routes at each scale, round trips and CPU side by side. Its CPU is
 * the whole process's, SQLite's work included: how a request's cost grows with the data is
 * mostly the queries'.
 */
export function printScaleTable(results: RouteResult[], scales: BenchScale[]) {
  const [base, scaled] = scales;
  if (!base || !scaled) return;
  const size = (s: BenchScale) =>
    `${s.invoices.toLocaleString('en')} invoices, ${s.clients.toLocaleString('en')} clients (${s.csClients} the CS's), ${s.pieces.toLocaleString('en')} pieces, ${s.events.toLocaleString('en')} events`;
  console.log(`\nScale: ${base.factor}× = ${size(base)}; ${scaled.factor}× = ${size(scaled)}`);
  console.log(
    `| route | round trips ${base.factor}× | ${scaled.factor}× | median CPU with SQLite ${base.factor}× (ms) | ${scaled.factor}× (ms) | growth | target | verdict |`,
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const row of results) {
    const [one, ten] = row.at;
    if (!one || !ten) continue;
    console.log(
      `| ${row.label} | ${one.roundTrips} | ${ten.roundTrips} | ${withSpread(one)} | ${withSpread(ten)} | ×${(ten.cpuMs / one.cpuMs).toFixed(2)} | same trips, ≤ ×${MAX_CPU_GROWTH} | ${verdict(row.scaleMisses)} |`,
    );
  }
}
