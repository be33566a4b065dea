// `npm run screenshots`: pictures of Ponte's main pages, taken from the real built Worker over
// the demo data with Debian's Chromium, at a laptop's size (1280×800) and a phone's (390×844).
// They land in test/screenshots/images/, which the README shows, so the README always shows
// what Ponte looks like. Each page is also checked for horizontal overflow, reported here.
// SCREENSHOTS_SKIP_BUILD=1 reuses dist/; SCREENSHOTS_DIR writes elsewhere (to look, not commit);
// SCREENSHOTS_SCHEME=dark shows the pages as a reader whose system is dark sees them.
// SCREENSHOTS_ONLY=space-board,request takes only those pictures.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { isoDateInZone, policy } from '../../src/policy/index.ts';
import { launchBrowser } from '../support/browser.ts';
import {
  buildSite,
  prepareLocalState,
  removeLocalState,
  startBuiltWorker,
} from '../support/built-worker.ts';
import { prepareDemoVisitors } from '../support/demo-links.ts';
import { demoSpaceCookie } from './space-visitor.ts';

// 'contact': Rita, the demo's client contact, signed in to the client space.
type Role = 'admin' | 'finance' | 'cs' | 'design' | 'paid' | 'contact';
type Shot = { name: string; path: string; as?: Role; firstLinkIn?: string };

const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

const outDir = process.env.SCREENSHOTS_DIR ?? join(import.meta.dirname, 'images');
mkdirSync(outDir, { recursive: true });

if (!process.env.SCREENSHOTS_SKIP_BUILD) buildSite({ quiet: true });
const state = prepareLocalState({ quiet: true });
const visitors = await prepareDemoVisitors(state);
const cookies: Record<Role, string> = {
  ...visitors.roleCookies,
  contact: await demoSpaceCookie(state, {
    id: 'demo-contact-bakery-owner',
    email: 'rita@paoquente.example',
  }),
};
const worker = await startBuiltWorker(state);
// The month of the demo minutes, held three days before today (db/seed-timeline-acks.ts).
const demoMinutesMonth = isoDateInZone(
  new Date(Date.now() - 3 * 86_400_000),
  policy.agency.timeZone,
).slice(0, 7);

// `firstLinkIn`: a detail page, reached by the first link of that kind on `path`.
const shots: Shot[] = [
  { name: 'handbook', path: '/' },
  { name: 'sign-in', path: '/sign-in' },
  { name: 'home-cs', path: '/partner', as: 'cs' },
  { name: 'home-finance', path: '/partner', as: 'finance' },
  { name: 'invoices', path: '/partner/invoices', as: 'paid' },
  { name: 'review', path: '/review/invoices', as: 'finance' },
  // Paid traffic's invoice: the amount the scorecard expects beside it, with its lines (#21).
  { name: 'review-invoice', path: '/review/invoices/demo-invoice-paid', as: 'finance' },
  { name: 'clients', path: '/clients', as: 'cs' },
  { name: 'client', path: '/clients', as: 'cs', firstLinkIn: 'main a[href^="/clients/demo-"]' },
  { name: 'pieces', path: '/pieces', as: 'cs' },
  { name: 'piece', path: '/pieces/demo-piece-launch', as: 'cs' },
  // Version 2 after the client asked for changes: what changed, on both sides.
  { name: 'piece-comparison', path: '/pieces/demo-piece-menu', as: 'cs' },
  { name: 'tasks', path: '/tasks', as: 'cs' },
  // The demo's client requests (db/seed-space.ts): CS's triage of the one in 'question'.
  { name: 'requests', path: '/requests', as: 'cs' },
  { name: 'request', path: '/requests/demo-request-site', as: 'cs' },
  { name: 'people', path: '/admin/people', as: 'admin' },
  // A client's own cost norms, as its paid-traffic partner sees them (demo values marked).
  { name: 'cost-norms', path: '/clients/demo-client-bakery/cost-norms', as: 'paid' },
  // The ads manager's export upload (its preview needs a posted file: see the e2e suite).
  { name: 'campaign-import', path: '/clients/demo-client-bakery/campaigns/import', as: 'paid' },
  // The daily check and the 30-day charts, over the demo's month of figures (db/seed-campaigns.ts).
  { name: 'campaigns', path: '/clients/demo-client-bakery/campaigns', as: 'paid' },
  { name: 'home-paid', path: '/partner', as: 'paid' },
  // The scorecard (#21): Paulo's own month so far; Renata's, with a best of the month, as the
  // admin opens it (db/seed-scorecard.ts); and the team's month.
  { name: 'scorecard', path: '/scorecard', as: 'paid' },
  { name: 'scorecard-partner', path: '/admin/scorecard/demo-paid-scorecard', as: 'admin' },
  { name: 'team-scorecard', path: '/admin/scorecard', as: 'admin' },
  { name: 'approval', path: `/approval/${visitors.approvalToken}` },
  { name: 'approval-comparison', path: `/approval/${visitors.comparisonToken}` },
  { name: 'questionnaire', path: `/onboarding/${visitors.onboardingToken}` },
  // The satisfaction question as the e-mail's 4 opens it (nothing counts before its button).
  { name: 'satisfaction', path: `/satisfaction/${visitors.surveyToken}?score=4` },
  // The client space as Rita sees it: her board, the piece awaiting her, her request's conversation.
  { name: 'space-board', path: '/space', as: 'contact' },
  { name: 'space-piece', path: '/space/pieces/demo-piece-launch', as: 'contact' },
  { name: 'space-requests', path: '/space/requests', as: 'contact' },
  { name: 'space-request', path: '/space/requests/demo-request-site', as: 'contact' },
  // The request form (its draft saves itself with JavaScript, which the note says).
  { name: 'space-request-form', path: '/space/requests/new?kind=piece', as: 'contact' },
  // The client's timeline as CS sees it (#19): the list, the demo minutes with who was asked,
  // and the month of those minutes laid out to print.
  { name: 'timeline', path: '/clients/demo-client-bakery/timeline', as: 'cs' },
  {
    name: 'timeline-entry',
    path: '/clients/demo-client-bakery/timeline/demo-timeline-planning',
    as: 'cs',
  },
  // The minutes' form: people present, action items that become task requests (#19).
  {
    name: 'timeline-new-minutes',
    path: '/clients/demo-client-bakery/timeline/new?kind=minutes',
    as: 'cs',
  },
  {
    name: 'timeline-print',
    path: `/clients/demo-client-bakery/timeline/print?period=${demoMinutesMonth}`,
    as: 'cs',
  },
  // The timeline (#19): Rita's list, the minutes awaiting her answer, and their e-mailed link.
  { name: 'space-timeline', path: '/space/timeline', as: 'contact' },
  { name: 'space-timeline-entry', path: '/space/timeline/demo-timeline-planning', as: 'contact' },
  { name: 'timeline-ack', path: `/timeline-ack/${visitors.timelineAckToken}` },
];

const only = process.env.SCREENSHOTS_ONLY?.split(',');
const taken = only ? shots.filter((shot) => only.includes(shot.name)) : shots;

const browser = await launchBrowser();
const overflowing: string[] = [];
try {
  for (const size of SIZES) {
    for (const shot of taken) {
      const context = await browser.newContext({
        locale: 'pt-BR',
        viewport: { width: size.width, height: size.height },
        baseURL: worker.baseUrl,
        colorScheme: process.env.SCREENSHOTS_SCHEME === 'dark' ? 'dark' : 'light',
      });
      if (shot.as) {
        const [name, value] = cookies[shot.as].split('=') as [string, string];
        const { hostname } = new URL(worker.baseUrl);
        // __Host- cookies are Secure; Chromium keeps them for 127.0.0.1, a trustworthy origin.
        await context.addCookies([{ name, value, domain: hostname, path: '/', secure: true }]);
      }
      const page = await context.newPage();
      await page.goto(shot.path);
      if (shot.firstLinkIn) {
        const href = await page.locator(shot.firstLinkIn).first().getAttribute('href');
        if (href) await page.goto(href);
      }
      // Lazy images below the fold would stay empty boxes in a full-page picture.
      await page.evaluate(() =>
        Promise.all(
          [...document.images].map((image) => {
            image.loading = 'eager';
            return image.decode().catch(() => undefined);
          }),
        ),
      );
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      if (overflow > 0) overflowing.push(`${shot.name} at ${size.name}: ${overflow}px too wide`);
      await page.screenshot({
        path: join(outDir, `${shot.name}-${size.name}.png`),
        fullPage: true,
      });
      await context.close();
    }
  }
} finally {
  await browser.close();
  worker.stop();
  removeLocalState(state);
}

console.log(`${taken.length * SIZES.length} screenshots in ${outDir}`);
if (overflowing.length > 0) {
  console.log(`Wider than the screen:\n${overflowing.join('\n')}`);
  process.exitCode = 1;
}
