// `npm run bench`: for each route, database round trips per request (counted by an
// instrumented libSQL client), median server CPU time per request in Node, and response
// bytes, printed next to the targets. Exits non-zero when a figure misses its target.

import { demoPng } from '../../db/demo-png.ts';
import { users } from '../../db/schema/index.ts';
import { seedDemoAgency } from '../../db/seed.ts';
import { seedDemoPieces } from '../../db/seed-pieces.ts';
import { createApi } from '../../functions/app.ts';
import { latestMailMatch, postJson, signIn } from '../support/sign-in.ts';
import { openLibsqlDatabase, openTestFileStore } from '../support/test-databases.ts';
import { buildHandbook, HANDBOOK_TARGETS, weighHandbook } from './handbook-weight.ts';
import {
  BENCH_PAGE_DATA,
  BENCH_ROUTES,
  type BenchContext,
  requestInit,
  routePath,
} from './routes.ts';
import { seedBenchClients } from './seed-clients.ts';
import { seedReviewInvoices } from './seed-invoices.ts';
import { SERVED_PAGE_TARGETS, weighServedPages } from './served-pages.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const WARMUP = 30;

const database = await openLibsqlDatabase();
// The Worker never syncs a disk: D1 and Turso commit on their own servers. In-process SQLite
// still executes every query here (counted as server CPU, which overstates it), but without
// the fsync system time of a commit, which no Worker pays.
await database.client.execute('PRAGMA synchronous = OFF');
const storage = await openTestFileStore();
// A fixed instant inside an invoice window (2–5 December 2026, agency time), so submissions are accepted.
const BENCH_NOW = new Date('2026-12-02T13:00:00.000Z');
await seedDemoAgency(database.db, BENCH_NOW);
const api = createApi(() => ({
  db: database.db,
  files: storage.files,
  mailSender: null,
  clock: () => BENCH_NOW,
  publicOrigin: 'http://localhost',
}));
const request = (path: string, init?: RequestInit) => api.request(path, init, {});

// People to sign in: one per request, so the per-address limit never cuts a path short.
const benchEmail = (i: number) => `bench-${i}@ponte.example`;
const people = Array.from({ length: RUNS + WARMUP + 1 }, (_, i) => ({
  id: `bench-${i}`,
  email: benchEmail(i),
  name: `Bench ${i}`,
  // Ready to invoice: tax id and PIX key on file.
  taxId: '52998224725',
  pixKey: `bench${i}@ponte.example`,
  createdAt: BENCH_NOW,
}));
for (let i = 0; i < people.length; i += 20) {
  await database.db.insert(users).values(people.slice(i, i + 20));
}
const sessionCookie = await signIn({ request, db: database.db }, 'cs@ponte.example');
// Each invoice submission comes from its own partner (one invoice per partner and month).
const partnerCookies: string[] = [];
for (const person of people)
  partnerCookies.push(await signIn({ request, db: database.db }, person.email));
await seedReviewInvoices(
  database.db,
  people.map((p) => p.id),
  5000,
  BENCH_NOW,
);
await seedBenchClients(database.db, 200, BENCH_NOW);
await request(
  '/api/clients/demo-client-bakery/onboarding',
  postJson({ contactIds: ['demo-contact-bakery-owner'] }, { cookie: sessionCookie }),
);
const onboardingToken =
  (await latestMailMatch(
    { db: database.db },
    'rita@paoquente.example',
    /\/onboarding\/([a-z2-7]{32})/,
  )) ?? '';
// The demo piece, sent to a contact, with a dozen comments already on it; and a second
// piece, sent to another contact, whose link the benchmark posts comments to.
await seedDemoPieces(database.db, storage.files, BENCH_NOW);
const sendPiece = (pieceId: string, contactId: string) =>
  request(
    `/api/pieces/${pieceId}/send`,
    postJson({ contactIds: [contactId] }, { cookie: sessionCookie }),
  );
const mailedApprovalToken = async (to: string) =>
  (await latestMailMatch({ db: database.db }, to, /\/approval\/([a-z2-7]{32})/)) ?? '';
await sendPiece('demo-piece-launch', 'demo-contact-bakery-owner');
const approvalToken = await mailedApprovalToken('rita@paoquente.example');
for (let i = 0; i < 12; i++) {
  await request(
    `/api/approval/${approvalToken}/comments`,
    postJson({ target: i % 2 ? 'text' : 'image', body: `Observação ${i}`, pinX: 0.1, pinY: 0.2 }),
  );
}
const banner = (await (
  await request(
    '/api/pieces',
    postJson(
      { projectId: 'demo-project-summer', title: 'Banner', kind: 'banner' },
      { cookie: sessionCookie },
    ),
  )
).json()) as { id: string };
const bannerForm = new FormData();
bannerForm.set(
  'file',
  new File([demoPng(40, 40, [10, 20, 30]) as Uint8Array<ArrayBuffer>], 'b.png'),
);
await request(`/api/pieces/${banner.id}/versions`, {
  method: 'POST',
  headers: { Origin: 'http://localhost', 'Sec-Fetch-Site': 'same-origin', Cookie: sessionCookie },
  body: bannerForm,
});
await sendPiece(banner.id, 'demo-contact-bakery-marketing');
const commentingToken = await mailedApprovalToken('joao@paoquente.example');
const context: BenchContext = {
  sessionCookie,
  benchEmail,
  onboardingToken,
  approvalToken,
  commentingToken,
  partnerCookies,
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

type Targets = { roundTrips?: number; medianCpuMs?: number; bytes?: number };
type Row = {
  label: string;
  targets: Targets;
  roundTrips: number;
  cpuMs: number;
  bytes: number;
  status: number;
  misses: string[];
};
const rows: Row[] = [];

/** Measures one subject: round trips of one call after warm-up, median CPU over RUNS calls. */
async function measure(
  label: string,
  targets: Targets,
  call: () => Promise<{ status: number; bytes: number }>,
) {
  for (let i = 0; i < WARMUP; i++) await call();
  database.client.roundTrips.count = 0;
  const probe = await call();
  const roundTrips = database.client.roundTrips.count;
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const before = process.cpuUsage();
    await call();
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
  }
  const cpuMs = median(cpu);
  const misses: string[] = [];
  if (targets.roundTrips !== undefined && roundTrips > targets.roundTrips)
    misses.push(`round trips ${roundTrips} > ${targets.roundTrips}`);
  if (targets.medianCpuMs !== undefined && cpuMs > targets.medianCpuMs)
    misses.push(`CPU ${cpuMs.toFixed(2)} ms > ${targets.medianCpuMs} ms`);
  if (targets.bytes !== undefined && probe.bytes > targets.bytes)
    misses.push(`bytes ${probe.bytes} > ${targets.bytes}`);
  rows.push({ label, targets, roundTrips, cpuMs, ...probe, misses });
}

for (const route of BENCH_ROUTES) {
  let sent = 0;
  await measure(`${route.method} ${route.path}`, route.targets, async () => {
    const response = await request(routePath(route, context), requestInit(route, sent++, context));
    return { status: response.status, bytes: (await response.arrayBuffer()).byteLength };
  });
}
for (const page of BENCH_PAGE_DATA) {
  await measure(`${page.page} (page data)`, page.targets, async () => {
    await page.load(database.db, context);
    return { status: 200, bytes: 0 };
  });
}

await Promise.all([database.close(), storage.close()]);

const target = (targets: Targets, key: keyof Targets) =>
  targets[key] === undefined ? '—' : `≤ ${targets[key]}`;
console.log(`\nPonte benchmark — ${RUNS} runs per route, Node ${process.version}\n`);
console.log(
  '| route | status | DB round trips | target | median CPU (ms) | target | bytes | verdict |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const row of rows) {
  console.log(
    `| ${row.label} | ${row.status} | ${row.roundTrips} | ${target(row.targets, 'roundTrips')} | ${row.cpuMs.toFixed(3)} | ${target(row.targets, 'medianCpuMs')} | ${row.bytes} | ${row.misses.length ? `MISS: ${row.misses.join('; ')}` : 'ok'} |`,
  );
}
const buildSeconds = buildHandbook();
const pages = weighHandbook();
const heaviest = pages.reduce(
  (max, page) => (page.kb > max.kb ? page : max),
  pages[0] ?? { path: '—', kb: 0, scripts: 0, scriptKb: 0, unexpectedScripts: [] },
);
const heavyPages = pages.filter((page) => page.kb > HANDBOOK_TARGETS.maxPageKbGzip);
const scriptedPages = pages.filter((page) => page.unexpectedScripts.length > 0);
console.log(
  `\nHandbook: ${pages.length} pages${buildSeconds === null ? '' : `, built in ${buildSeconds.toFixed(1)} s`}`,
);
console.log('| measure | figure | target | verdict |');
console.log('|---|---|---|---|');
console.log(
  `| heaviest page, HTML+CSS gzip | ${heaviest.kb.toFixed(1)} KB (${heaviest.path}) | ≤ ${HANDBOOK_TARGETS.maxPageKbGzip} KB | ${heavyPages.length ? `MISS: ${heavyPages.map((p) => p.path).join(', ')}` : 'ok'} |`,
);
console.log(
  `| median page, HTML+CSS gzip | ${[...pages].sort((a, b) => a.kb - b.kb)[Math.floor(pages.length / 2)]?.kb.toFixed(1)} KB | — | — |`,
);
console.log(
  `| JavaScript files per page (inline theme script aside) | ${Math.max(...pages.map((p) => p.scripts))}, ${Math.max(...pages.map((p) => p.scriptKb)).toFixed(1)} KB gzip | search only | ${scriptedPages.length ? `MISS: ${scriptedPages[0]?.unexpectedScripts.join(', ')}` : 'ok'} |`,
);

const served = await weighServedPages();
console.log('\nOn-demand pages, served by the built Worker under wrangler dev');
console.log(
  '| page | status | HTML+CSS gzip | target | scripts | forms posting without JavaScript | verdict |',
);
console.log('|---|---|---|---|---|---|---|');
const heavyServed = served.filter(
  (page) =>
    page.status !== 200 || page.kb > (SERVED_PAGE_TARGETS[page.name] ?? Number.POSITIVE_INFINITY),
);
for (const page of served) {
  const limit = SERVED_PAGE_TARGETS[page.name];
  console.log(
    `| ${page.name} | ${page.status} | ${page.kb.toFixed(1)} KB | ${limit ? `≤ ${limit} KB` : '—'} | ${page.scripts.join(', ') || 'none'} | ${page.forms} | ${heavyServed.includes(page) ? 'MISS' : 'ok'} |`,
  );
}

const missed = [
  ...heavyServed,
  ...rows.filter((row) => row.misses.length > 0 || row.status >= 500),
  ...heavyPages,
  ...scriptedPages,
];
if (missed.length > 0) {
  console.error(`\n${missed.length} route(s) missed a target.`);
  process.exit(1);
}
