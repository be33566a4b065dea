// `npm run bench`: for each route, database round trips per request (counted by an
// instrumented libSQL client), the median CPU time per request in Node without the in-process
// SQLite's (the Worker's share: sqlite-cpu.ts) and SQLite's beside it, and response bytes,
// printed next to the targets; then the same routes over ten times the data, side by
// side; then the weight of the pages. Exits non-zero when a figure misses its target.
//
// Both sizes are measured in one process, their subjects taking turns together (see
// measureSizes): on this shared machine whole processes ran slow (the health check, which
// reads no more at 10×, measured 0.90 to 1.83 ms from one process to the next), and with a
// process per size that landed on one size and read as growth. One process's luck is not a
// figure either: `BENCH_REPEATS` processes (3; 1 with `BENCH_ONLY`) measure both sizes, and a
// subject's figure at a size is the median of its processes' medians, printed beside their
// spread.

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { type BenchSetup, prepareBench } from './bench-setup.ts';
import {
  type BenchCall,
  type Measurement,
  measure,
  measureInTurns,
  missedTargets,
  type Targets,
} from './measure.ts';
import { printPageWeights } from './page-weights.ts';
import { combineRepeats } from './repeats.ts';
import { printRouteTable, printScaleTable, type RouteResult } from './report.ts';
import { BENCH_PAGE_DATA, BENCH_ROUTES, requestInit, routePath } from './routes.ts';
import { benchScale, SCALE_FACTORS, scaleMisses } from './scale.ts';
import { countSqliteCpu } from './sqlite-cpu.ts';

// CPU samples of each subject per process (heavy subjects with runs of their own: their count).
const RUNS = Number(process.env.BENCH_RUNS ?? 300);
// Calls of each subject, taking turns, before any is measured (see warmUp); heavy subjects
// with runs of their own warm up their own count.
const WARMUP_ROUNDS = Number(process.env.BENCH_WARMUP ?? 300);
// The measured turns (see measureInTurns): each subject's RUNS samples over this many rounds
// (`BENCH_TURN` a turn, 5), each turn after `BENCH_SETTLE` calls not measured (1). The turns
// go on from the warm-up's, so no subject needs a warm-up of its own before its samples.
const TURNS = {
  rounds: Math.max(1, Math.round(RUNS / Number(process.env.BENCH_TURN ?? 5))),
  settle: Number(process.env.BENCH_SETTLE ?? 1),
};
// The line a size's process prints its measurements on, for the main process to read.
const RESULT_MARK = 'BENCH-RESULT ';

type Subject = {
  label: string;
  targets: Targets;
  callOn: (setup: BenchSetup) => BenchCall;
  runs?: { warmup: number; measured: number };
};

const allSubjects: Subject[] = [
  ...BENCH_ROUTES.map((route) => ({
    label: `${route.method} ${route.path}`,
    targets: route.targets,
    callOn: (setup: BenchSetup): BenchCall => {
      let sent = 0;
      return async () => {
        const response = await setup.request(
          routePath(route, setup.context),
          requestInit(route, sent++, setup.context),
        );
        return { status: response.status, bytes: (await response.arrayBuffer()).byteLength };
      };
    },
  })),
  ...BENCH_PAGE_DATA.map((page) => ({
    label: `${page.page} (page data)`,
    targets: page.targets,
    runs: page.runs,
    callOn:
      (setup: BenchSetup): BenchCall =>
      async () => {
        await page.load(setup.database.db, setup.context);
        return { status: 200, bytes: 0 };
      },
  })),
];

// `BENCH_ONLY=<text>|<text>…` measures only the subjects whose label contains one of the
// texts (case-insensitive), and skips the pages' weights (which build the site).
const only = process.env.BENCH_ONLY?.toLowerCase().split('|');
const subjects = only
  ? allSubjects.filter((subject) => only.some((text) => subject.label.toLowerCase().includes(text)))
  : allSubjects;
// Processes per size: `BENCH_REPEATS`, else 3 for the full run and 1 for a `BENCH_ONLY` look.
const REPEATS = Number(process.env.BENCH_REPEATS ?? (only ? 1 : 3));

/**
 * Calls every subject its warm-up count of times, taking turns, before any is measured. A
 * Worker isolate serves many requests of every kind, and runs them compiled; measured cold,
 * the first subject of each process paid for compiling the code all of them share (the
 * middleware, the router, drizzle), and the health check, for Miniflare's R2 client in Node
 * (undici), which took about 600 calls to settle: 3.0 ms over its first 100, 1.0 after.
 */
async function warmUp(calls: BenchCall[], rounds: number[]): Promise<void> {
  for (let round = 0; round < Math.max(...rounds); round++)
    for (const [index, call] of calls.entries()) if (round < (rounds[index] ?? 0)) await call();
}

/**
 * Seeds every size and measures every subject on each, in this process: the subjects of both
 * sizes take turns together (see measureInTurns), so a slow process or minute of the machine
 * falls on 1× and 10× alike and the growth between them is the data's. Each size's
 * measurements, in `factors`' order.
 */
async function measureSizes(factors: readonly number[]): Promise<Measurement[][]> {
  const setups: BenchSetup[] = [];
  for (const factor of factors) {
    const started = performance.now();
    // One signed-in partner per invoice submission: the warm-up's, the probe's, the turns'
    // settling calls' and the measured calls'.
    const people = WARMUP_ROUNDS + 1 + TURNS.rounds * TURNS.settle + RUNS;
    setups.push(await prepareBench(benchScale(factor), people));
    console.error(`Seeded ${factor}× in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  // The seed's JS objects (hundreds of thousands of rows built and inserted at 10×) are
  // garbage of the bench's own making: the database runs in this process here, but on
  // Workers it lives outside the isolate (D1, Turso), whose heap never holds a seed. Collect
  // it once before the warm-up, so that no subject pays for sweeping it; never between
  // samples (a request's own garbage is its cost). Needs --expose-gc (measureSizesApart).
  if (typeof globalThis.gc === 'function') {
    globalThis.gc();
    globalThis.gc();
  } else console.error('No gc(): run with --expose-gc to collect the seed before measuring');
  // From here on, the time spent inside the in-process SQLite is counted apart: the CPU
  // targets hold the Worker's share of a request (see sqlite-cpu.ts).
  countSqliteCpu();
  // Every subject on every size, the sizes' subjects side by side in the turns.
  const sized = setups.flatMap((setup) =>
    subjects.map((subject) => ({ setup, subject, call: subject.callOn(setup) })),
  );
  await warmUp(
    sized.map(({ call }) => call),
    sized.map(({ subject }) => subject.runs?.warmup ?? WARMUP_ROUNDS),
  );
  // Heavy subjects (runs of their own: the 5,000-row import, held to the Worker's 30 s) are
  // kept out of the turns, measured after them in a block: their garbage, collected on V8's
  // helper threads, would land on whichever subjects followed.
  const turned = await measureInTurns(
    sized
      .filter(({ subject }) => !subject.runs)
      .map(({ setup, call }) => ({ call, measured: RUNS, client: setup.database.client })),
    TURNS,
  );
  const measured = setups.map((): Measurement[] => []);
  for (const { setup, subject, call } of sized) {
    const next = subject.runs
      ? await measure(setup.database.client, call, subject.runs)
      : turned.shift();
    if (next) measured[setups.indexOf(setup)]?.push(next);
  }
  for (const setup of setups) await setup.close();
  return measured;
}

/** Measures every size in a fresh Node process (this script, told which sizes). */
function measureSizesApart(factors: readonly number[]): Measurement[][] {
  const output = execFileSync(process.execPath, ['--expose-gc', import.meta.filename], {
    env: { ...process.env, BENCH_SIZES: factors.join(',') },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = output.split('\n').find((text) => text.startsWith(RESULT_MARK));
  if (!line) throw new Error(`The bench of ${factors.join('×, ')}× printed no result`);
  return JSON.parse(line.slice(RESULT_MARK.length)) as Measurement[][];
}

if (process.env.BENCH_SIZES) {
  const measured = await measureSizes(process.env.BENCH_SIZES.split(',').map(Number));
  process.stdout.write(`\n${RESULT_MARK}${JSON.stringify(measured)}\n`);
  process.exit(0);
}

const scales = SCALE_FACTORS.map(benchScale);
// Every process's measurements, by size.
const runsBySize = new Map<number, Measurement[][]>(scales.map((scale) => [scale.factor, []]));
// `BENCH_RAW=<file>`: every process's own figures, in the order they ran, as JSON lines.
const raw: string[] = [];
for (let repeat = 0; repeat < REPEATS; repeat++) {
  const measured = measureSizesApart(SCALE_FACTORS);
  for (const [index, factor] of SCALE_FACTORS.entries()) {
    const atSize = measured[index] ?? [];
    runsBySize.get(factor)?.push(atSize);
    raw.push(
      JSON.stringify({
        repeat,
        factor,
        cpuMs: atSize.map((m) => m.cpuMs),
        workerCpuMs: atSize.map((m) => m.workerCpuMs),
        sqliteCpuMs: atSize.map((m) => m.sqliteCpuMs),
      }),
    );
  }
}
if (process.env.BENCH_RAW)
  writeFileSync(
    process.env.BENCH_RAW,
    `${JSON.stringify(subjects.map((s) => s.label))}\n${raw.join('\n')}\n`,
  );
const results: RouteResult[] = subjects.map((subject, index) => {
  const at = scales.map((scale) =>
    combineRepeats(
      (runsBySize.get(scale.factor) ?? [])
        .map((measured) => measured[index])
        .filter((m) => m !== undefined),
    ),
  );
  const [base, scaled] = at;
  return {
    label: subject.label,
    targets: subject.targets,
    at,
    misses: base ? missedTargets(base, subject.targets) : [],
    scaleMisses: base && scaled ? scaleMisses(base, scaled) : [],
  };
});

printRouteTable(results, RUNS, REPEATS);
printScaleTable(results, scales);
const pageMisses = only ? 0 : await printPageWeights();

const missed =
  results.filter(
    (row) =>
      row.misses.length > 0 ||
      row.scaleMisses.length > 0 ||
      row.at.some((measured) => measured.status >= 500),
  ).length + pageMisses;
if (missed > 0) {
  console.error(`\n${missed} route(s) or page(s) missed a target.`);
  process.exit(1);
}
