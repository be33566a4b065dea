// `npm run load`: the built Worker under `wrangler dev` on 127.0.0.1, loaded with autocannon
// — bounded in time and connections, loopback only — on the pages and calls people use
// most. Prints requests per second, p50/p99 latency and errors per target, with the machine
// it ran on; exits non-zero on any error.

import { cpus, totalmem } from 'node:os';
import autocannon from 'autocannon';
import {
  buildSite,
  prepareLocalState,
  removeLocalState,
  startBuiltWorker,
} from '../support/built-worker.ts';
import { prepareDemoVisitors } from '../support/demo-links.ts';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 10);

if (!process.env.LOAD_SKIP_BUILD) buildSite({ quiet: true });
const state = prepareLocalState({ quiet: true });
const visitors = await prepareDemoVisitors(state);
const worker = await startBuiltWorker(state);

type Target = {
  name: string;
  path: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
};
const targets: Target[] = [
  { name: 'sign-in page', path: '/sign-in' },
  { name: 'handbook page (task routing policy)', path: '/policies/task-routing/' },
  { name: 'approval page', path: `/approval/${visitors.approvalToken}` },
  {
    name: 'partner invoice list',
    path: '/partner/invoices',
    headers: { Cookie: visitors.partnerCookie },
  },
  {
    name: 'questionnaire autosave',
    path: `/api/onboarding/${visitors.onboardingToken}/answers`,
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Origin: worker.baseUrl,
      'Sec-Fetch-Site': 'same-origin',
    },
    body: JSON.stringify({ answers: { story: 'Abrimos a clínica em 2012.' } }),
  },
];

const rows: {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
}[] = [];
try {
  for (const target of targets) {
    const result = await autocannon({
      url: `${worker.baseUrl}${target.path}`,
      method: target.method ?? 'GET',
      headers: target.headers,
      body: target.body,
      connections: CONNECTIONS,
      duration: SECONDS,
    });
    rows.push({
      name: target.name,
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      // Connection errors, timeouts, and any answer other than 2xx.
      errors: result.errors + result.timeouts + result.non2xx,
      requests: result.requests.total,
    });
  }
} finally {
  worker.stop();
  removeLocalState(state);
}

const cpu = cpus();
console.log(
  `\nPonte under load — ${SECONDS} s per target, ${CONNECTIONS} connections, loopback; ` +
    `${cpu.length} × ${cpu[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}\n`,
);
console.log('| target | requests | requests/s | p50 latency | p99 latency | errors |');
console.log('|---|---|---|---|---|---|');
for (const row of rows)
  console.log(
    `| ${row.name} | ${row.requests} | ${row.rps.toFixed(0)} | ${row.p50} ms | ${row.p99} ms | ${row.errors} |`,
  );
const failed = rows.filter((row) => row.errors > 0);
if (failed.length > 0) {
  console.error(`\nErrors under load: ${failed.map((row) => row.name).join(', ')}`);
  process.exit(1);
}
