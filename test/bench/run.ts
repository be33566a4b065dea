// `npm run bench`: for each route, database round trips per request (counted by an
// instrumented libSQL client), median server CPU time per request in Node, and response
// bytes, printed next to the targets. Exits non-zero when a figure misses its target.

import { users } from '../../db/schema/index.ts';
import { seedDemoAgency } from '../../db/seed.ts';
import { createApi } from '../../functions/app.ts';
import { signIn } from '../support/sign-in.ts';
import { openLibsqlDatabase, openTestFileStore } from '../support/test-databases.ts';
import { BENCH_ROUTES, type BenchContext, requestInit } from './routes.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const WARMUP = 30;

const database = await openLibsqlDatabase();
const storage = await openTestFileStore();
await seedDemoAgency(database.db, new Date());
const api = createApi(() => ({
  db: database.db,
  files: storage.files,
  mailSender: null,
  clock: () => new Date(),
}));
const request = (path: string, init?: RequestInit) => api.request(path, init, {});

// People to sign in: one per request, so the per-address limit never cuts a path short.
const benchEmail = (i: number) => `bench-${i}@ponte.example`;
const people = Array.from({ length: RUNS + WARMUP + 1 }, (_, i) => ({
  id: `bench-${i}`,
  email: benchEmail(i),
  name: `Bench ${i}`,
  createdAt: new Date(),
}));
for (let i = 0; i < people.length; i += 20) {
  await database.db.insert(users).values(people.slice(i, i + 20));
}
const context: BenchContext = {
  sessionCookie: await signIn({ request, db: database.db }, 'cs@ponte.example'),
  benchEmail,
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

type Row = {
  route: string;
  roundTrips: number;
  cpuMs: number;
  bytes: number;
  status: number;
  misses: string[];
};
const rows: Row[] = [];

for (const route of BENCH_ROUTES) {
  let sent = 0;
  const send = () => request(route.path, requestInit(route, sent++, context));
  for (let i = 0; i < WARMUP; i++) await (await send()).arrayBuffer();

  database.client.roundTrips.count = 0;
  const probe = await send();
  const bytes = (await probe.arrayBuffer()).byteLength;
  const roundTrips = database.client.roundTrips.count;

  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const before = process.cpuUsage();
    await (await send()).arrayBuffer();
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
  }
  const cpuMs = median(cpu);
  const misses: string[] = [];
  const { targets } = route;
  if (targets.roundTrips !== undefined && roundTrips > targets.roundTrips)
    misses.push(`round trips ${roundTrips} > ${targets.roundTrips}`);
  if (targets.medianCpuMs !== undefined && cpuMs > targets.medianCpuMs)
    misses.push(`CPU ${cpuMs.toFixed(2)} ms > ${targets.medianCpuMs} ms`);
  if (targets.bytes !== undefined && bytes > targets.bytes)
    misses.push(`bytes ${bytes} > ${targets.bytes}`);
  rows.push({
    route: `${route.method} ${route.path}`,
    roundTrips,
    cpuMs,
    bytes,
    status: probe.status,
    misses,
  });
}

await Promise.all([database.close(), storage.close()]);

const target = (
  route: (typeof BENCH_ROUTES)[number],
  key: 'roundTrips' | 'medianCpuMs' | 'bytes',
) => (route.targets[key] === undefined ? '—' : `≤ ${route.targets[key]}`);
console.log(`\nPonte benchmark — ${RUNS} runs per route, Node ${process.version}\n`);
console.log(
  '| route | status | DB round trips | target | median CPU (ms) | target | bytes | verdict |',
);
console.log('|---|---|---|---|---|---|---|---|');
rows.forEach((row, index) => {
  const route = BENCH_ROUTES[index];
  if (!route) return;
  console.log(
    `| ${row.route} | ${row.status} | ${row.roundTrips} | ${target(route, 'roundTrips')} | ${row.cpuMs.toFixed(3)} | ${target(route, 'medianCpuMs')} | ${row.bytes} | ${row.misses.length ? `MISS: ${row.misses.join('; ')}` : 'ok'} |`,
  );
});
const missed = rows.filter((row) => row.misses.length > 0 || row.status >= 500);
if (missed.length > 0) {
  console.error(`\n${missed.length} route(s) missed a target.`);
  process.exit(1);
}
