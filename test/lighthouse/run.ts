// `npm run lighthouse`: Lighthouse (mobile emulation, Debian's Chromium) on the pages people
// open first — the handbook's home, a policy page, sign-in, a client's approval page and
// questionnaire — and the partner area's main pages, each as its role sees it (home,
// invoices, the review list, a client, a piece, tasks), served by the built Worker under
// `wrangler dev`. Each of performance,
// accessibility, best practices and SEO must score at least 95; exits non-zero otherwise.

import { existsSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import {
  buildSite,
  prepareLocalState,
  removeLocalState,
  startBuiltWorker,
} from '../support/built-worker.ts';
import { prepareDemoVisitors } from '../support/demo-links.ts';

const MINIMUM = 95;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const chromePath = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));
if (!chromePath) throw new Error('Chromium not found: apt-get install -y chromium');

if (!process.env.LIGHTHOUSE_SKIP_BUILD) buildSite({ quiet: true });
const state = prepareLocalState({ quiet: true });
const visitors = await prepareDemoVisitors(state);
const worker = await startBuiltWorker(state);
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});

type Role = keyof typeof visitors.roleCookies;
const pages: { name: string; path: string; as?: Role }[] = [
  { name: 'handbook home', path: '/' },
  { name: 'policy page (task routing)', path: '/policies/task-routing/' },
  { name: 'sign-in', path: '/sign-in' },
  { name: 'approval page', path: `/approval/${visitors.approvalToken}` },
  { name: 'questionnaire', path: `/onboarding/${visitors.onboardingToken}` },
  { name: 'partner home (CS)', path: '/partner', as: 'cs' },
  { name: 'my invoices', path: '/partner/invoices', as: 'paid' },
  { name: 'review list', path: '/review/invoices', as: 'finance' },
  { name: 'client page', path: '/clients/demo-client-bakery', as: 'cs' },
  { name: 'piece page', path: '/pieces/demo-piece-launch', as: 'cs' },
  { name: 'tasks', path: '/tasks', as: 'cs' },
];
const rows: { name: string; scores: Record<string, number>; failing: string[] }[] = [];
try {
  for (const page of pages) {
    const result = await lighthouse(`${worker.baseUrl}${page.path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
      // A partner page is opened signed in, with the session cookie of its role.
      extraHeaders: page.as ? { Cookie: visitors.roleCookies[page.as] } : {},
    });
    const categories = result?.lhr.categories ?? {};
    const scores = Object.fromEntries(
      CATEGORIES.map((id) => [id, Math.round((categories[id]?.score ?? 0) * 100)]),
    );
    // The audits that cost points, to say what to fix.
    const failing = Object.values(result?.lhr.audits ?? {})
      .filter(
        (audit) => audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode === 'binary',
      )
      .map((audit) => audit.id);
    rows.push({ name: page.name, scores, failing });
  }
} finally {
  await chrome.kill();
  worker.stop();
  removeLocalState(state);
}

console.log(
  `\nLighthouse (mobile emulation, ${chromePath}); minimum ${MINIMUM} in each category\n`,
);
console.log(`| page | ${CATEGORIES.join(' | ')} | verdict |`);
console.log(`|---|${CATEGORIES.map(() => '---').join('|')}|---|`);
const low = rows.filter((row) => CATEGORIES.some((id) => (row.scores[id] ?? 0) < MINIMUM));
for (const row of rows)
  console.log(
    `| ${row.name} | ${CATEGORIES.map((id) => row.scores[id]).join(' | ')} | ${low.includes(row) ? `MISS (${row.failing.join(', ')})` : 'ok'} |`,
  );
if (low.length > 0) process.exit(1);
