// `npm run bench`: for each route, database round trips per request (counted by an
// instrumented libSQL client), median server CPU time per request in Node, and response
// bytes, printed next to the targets; then the same routes over ten times the data, side by
// side; then the weight of the pages. Exits non-zero when a figure misses its target.
//
// Each size is measured in a process of its own: held in one process, the 10× data's heap
// slowed the 1× figures, and the scale ratios said more about the garbage collector than
// about the queries.

import { execFileSync } from 'node:child_process';
import { type BenchSetup, prepareBench } from './bench-setup.ts';
import {
  type BenchCall,
  type Measurement,
  measure,
  missedTargets,
  type Targets,
} from './measure.ts';
import { printPageWeights } from './page-weights.ts';
import { printRouteTable, printScaleTable, type RouteResult } from './report.ts';
import { BENCH_PAGE_DATA, BENCH_ROUTES, requestInit, routePath } from './routes.ts';
import { benchScale, SCALE_FACTORS, scaleMisses } from './scale.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const WARMUP = 30;
// Calls of each subject, taking turns, before any is measured (see warmUp); heavy subjects
// with runs of their own warm up their own count.
const WARMUP_ROUNDS = Number(process.env.BENCH_WARMUP ?? 300);
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

/** Seeds one size and measures every subject on it, in this process. */
async function measureScale(factor: number): Promise<Measurement[]> {
  const started = performance.now();
  // One signed-in partner per invoice submission: the warm-up pass's, the measure's own
  // warm-up and the measured calls', and the probe.
  const setup = await prepareBench(benchScale(factor), WARMUP_ROUNDS + WARMUP + RUNS + 1);
  console.error(`Seeded ${factor}× in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const calls = subjects.map((subject) => subject.callOn(setup));
  const runs = subjects.map((subject) => subject.runs ?? { warmup: WARMUP, measured: RUNS });
  await warmUp(
    calls,
    subjects.map((subject) => subject.runs?.warmup ?? WARMUP_ROUNDS),
  );
  const measured: Measurement[] = [];
  for (const [index, call] of calls.entries())
    measured.push(
      await measure(setup.database.client, call, runs[index] ?? { warmup: WARMUP, measured: RUNS }),
    );
  await setup.close();
  return measured;
}

/** Measures one size in a fresh Node process (this script, told which size). */
function measureScaleApart(factor: number): Measurement[] {
  const output = execFileSync(process.execPath, [import.meta.filename], {
    env: { ...process.env, BENCH_ONE_SCALE: String(factor) },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = output.split('\n').find((text) => text.startsWith(RESULT_MARK));
  if (!line) throw new Error(`The ${factor}× bench printed no result`);
  return JSON.parse(line.slice(RESULT_MARK.length)) as Measurement[];
}

if (process.env.BENCH_ONE_SCALE) {
  const measured = await measureScale(Number(process.env.BENCH_ONE_SCALE));
  process.stdout.write(`\n${RESULT_MARK}${JSON.stringify(measured)}\n`);
  process.exit(0);
}

const scales = SCALE_FACTORS.map(benchScale);
const perScale = scales.map((scale) => measureScaleApart(scale.factor));
const results: RouteResult[] = subjects.map((subject, index) => {
  const at = perScale.map((measured) => measured[index]).filter((m) => m !== undefined);
  const [base, scaled] = at;
  return {
    label: subject.label,
    targets: subject.targets,
    at,
    misses: base ? missedTargets(base, subject.targets) : [],
    scaleMisses: base && scaled ? scaleMisses(base, scaled) : [],
  };
});

printRouteTable(results, RUNS);
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
