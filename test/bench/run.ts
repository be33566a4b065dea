// `npm run bench`: for each route, database round trips per request (counted by an
// instrumented libSQL client), median server CPU time per request in Node, and response
// bytes, printed next to the targets; then the same routes over ten times the data, side by
// side; then the weight of the pages. Exits non-zero when a figure misses its target.

import { type BenchSetup, prepareBench } from './bench-setup.ts';
import { type BenchCall, measure, missedTargets, type Targets } from './measure.ts';
import { printPageWeights } from './page-weights.ts';
import { printRouteTable, printScaleTable, type RouteResult } from './report.ts';
import { BENCH_PAGE_DATA, BENCH_ROUTES, requestInit, routePath } from './routes.ts';
import { benchScale, SCALE_FACTORS, scaleMisses } from './scale.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const WARMUP = 30;

const scales = SCALE_FACTORS.map(benchScale);
const setups: BenchSetup[] = [];
for (const scale of scales) {
  const started = performance.now();
  setups.push(await prepareBench(scale, RUNS + WARMUP + 1));
  console.log(`Seeded ${scale.factor}× in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const results: RouteResult[] = [];
/** Measures one subject at every scale, one after the other, so both see the same warm process. */
async function measureAtScales(
  label: string,
  targets: Targets,
  callOn: (setup: BenchSetup) => BenchCall,
) {
  const at = [];
  for (const setup of setups)
    at.push(
      await measure(setup.database.client, callOn(setup), { warmup: WARMUP, measured: RUNS }),
    );
  const [base, scaled] = at;
  results.push({
    label,
    targets,
    at,
    misses: base ? missedTargets(base, targets) : [],
    scaleMisses: base && scaled ? scaleMisses(base, scaled) : [],
  });
}

for (const route of BENCH_ROUTES) {
  await measureAtScales(`${route.method} ${route.path}`, route.targets, (setup) => {
    let sent = 0;
    return async () => {
      const response = await setup.request(
        routePath(route, setup.context),
        requestInit(route, sent++, setup.context),
      );
      return { status: response.status, bytes: (await response.arrayBuffer()).byteLength };
    };
  });
}
for (const page of BENCH_PAGE_DATA) {
  await measureAtScales(`${page.page} (page data)`, page.targets, (setup) => async () => {
    await page.load(setup.database.db, setup.context);
    return { status: 200, bytes: 0 };
  });
}
await Promise.all(setups.map((setup) => setup.close()));

printRouteTable(results, RUNS);
printScaleTable(results, scales);
const pageMisses = await printPageWeights();

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
