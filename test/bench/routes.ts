import type { Database } from '../../db/client.ts';
import { policy } from '../../src/policy/index.ts';
import { loadApprovalPage } from '../../src/server/approvals/approval-page.ts';
import { loadCampaignPage } from '../../src/server/campaign-costs/campaign-page.ts';
import { loadSpaceBoard } from '../../src/server/client-space/space-board.ts';
import { listClientDeadlines } from '../../src/server/deadlines/client-pipeline.ts';
import { loadHomePage } from '../../src/server/home/home-page.ts';
import { loadPartnerInvoicesPage } from '../../src/server/invoices/partner-invoices-page.ts';
import { loadReviewInvoicesPage } from '../../src/server/invoices/review-invoices-page.ts';
import { openOnboardingByToken } from '../../src/server/onboarding/onboarding-links.ts';
import { reportMonthAt } from '../../src/server/timeline/report-deadline-rules.ts';
import { BENCH_NOW } from './bench-setup.ts';
import { importFiveThousandRows } from './campaign-import-bench.ts';
import { REQUEST_BENCH_PAGES } from './request-bench-pages.ts';
import { SCORECARD_BENCH_PAGES } from './scorecard-bench-pages.ts';
import { BENCH_CS_ID } from './seed-clients.ts';
import { COSTS_BENCH_CLIENT, COSTS_BENCH_VIEWER } from './seed-costs.ts';
import { PAGE_PARTNER_ID } from './seed-invoices.ts';
import { SPACE_BENCH_VIEWER } from './seed-space.ts';
import { reportReminderDay } from './seed-timeline.ts';
import { TIMELINE_BENCH_PAGES } from './timeline-bench-pages.ts';

/** What the run prepares before measuring: a signed-in session and people to sign in. */
export type BenchContext = {
  sessionCookie: string;
  benchEmail: (i: number) => string;
  // A contact's onboarding link token, for the client-link routes and pages.
  onboardingToken: string;
  // A contact's approval link token (version 2 of a piece, a dozen comments on version 1 and
  // a few on 2: the page compares the two), likewise; and another contact's, whose comments
  // the benchmark posts.
  approvalToken: string;
  commentingToken: string;
  // A signed-in partner per request, each ready to submit this month's invoice.
  partnerCookies: string[];
};

/** A route the benchmark measures, with the targets its issue set. */
export type BenchRoute = {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  // The body of request number i; routes with limits vary it so no limit is reached.
  body?: (i: number, context: BenchContext) => unknown;
  // A multipart body instead (file uploads).
  form?: (i: number, context: BenchContext) => FormData;
  headers?: (i: number, context: BenchContext) => Record<string, string>;
  targets: { roundTrips?: number; medianCpuMs?: number; bytes?: number };
};

const SAME_ORIGIN = { Origin: 'http://localhost', 'Sec-Fetch-Site': 'same-origin' };

/** Every measured route. Later features add theirs here. */
export const BENCH_ROUTES: BenchRoute[] = [
  {
    name: 'health',
    method: 'GET',
    path: '/api/health',
    targets: { roundTrips: 1, medianCpuMs: 2 },
  },
  {
    name: 'set language',
    method: 'POST',
    path: '/api/preferences/locale',
    body: () => ({ locale: 'en' }),
    targets: { roundTrips: 0, medianCpuMs: 1 },
  },
  {
    // Each request signs in a different existing person from a different address, so every
    // one takes the full path (limits counted, link stored, e-mail queued) and none is limited.
    name: 'sign-in request',
    method: 'POST',
    path: '/api/auth/sign-in',
    body: (i, context) => ({ email: context.benchEmail(i) }),
    headers: (i) => ({ 'CF-Connecting-IP': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` }),
    targets: { roundTrips: 2 },
  },
  {
    name: 'onboarding autosave',
    method: 'POST',
    path: '/api/onboarding/{onboardingToken}/answers',
    body: (i) => ({ answers: { story: `Resposta ${i}`, goals: 'Vender mais' } }),
    targets: { roundTrips: 2, medianCpuMs: 2 },
  },
  {
    // The file transfer to R2 is not a database round trip: 1 (session) + 1 (checks and write).
    // No CPU target: the PDF's put through Miniflare's R2 client in Node (an HTTP request to
    // workerd) costs about as much as the rest of the route, and a Worker's binding does not.
    name: 'invoice submission',
    method: 'POST',
    path: '/api/invoices',
    form: (i) => {
      const form = new FormData();
      form.set('number', `NF ${i}`);
      form.set('issueDate', '2026-11-30');
      form.set('amount', '1.234,56');
      form.set(
        'file',
        new File([`%PDF-1.7\n% bench ${i}\n%%EOF\n`], 'fatura.pdf', { type: 'application/pdf' }),
      );
      return form;
    },
    headers: (i, context) => ({ Cookie: context.partnerCookies[i] ?? '' }),
    targets: { roundTrips: 2 },
  },
  {
    name: 'client comment on a piece',
    method: 'POST',
    path: '/api/approval/{commentingToken}/comments',
    body: (i) => ({ target: 'image', body: `Comentário ${i}`, pinX: 0.5, pinY: 0.5 }),
    targets: { roundTrips: 2, medianCpuMs: 2 },
  },
  {
    name: 'session validation',
    method: 'GET',
    path: '/api/auth/session',
    headers: (_, context) => ({ Cookie: context.sessionCookie }),
    targets: { roundTrips: 2, medianCpuMs: 1 },
  },
];

/** The path of a route with the context's values filled in ({onboardingToken}, {approvalToken}). */
export function routePath(route: BenchRoute, context: BenchContext): string {
  return route.path
    .replace('{onboardingToken}', context.onboardingToken)
    .replace('{approvalToken}', context.approvalToken)
    .replace('{commentingToken}', context.commentingToken);
}

/** The request init for request number i of a route: JSON bodies from our own origin. */
export function requestInit(route: BenchRoute, i: number, context: BenchContext): RequestInit {
  const headers = route.headers?.(i, context) ?? {};
  if (route.method === 'GET') return { method: 'GET', headers };
  if (route.form)
    return {
      method: route.method,
      headers: { ...SAME_ORIGIN, ...headers },
      body: route.form(i, context),
    };
  return {
    method: route.method,
    headers: { 'Content-Type': 'application/json', ...SAME_ORIGIN, ...headers },
    body: JSON.stringify(route.body?.(i, context)),
  };
}

/**
 * The data a server-rendered page loads, measured the same way (the page makes exactly this
 * call; rendering the HTML is Astro's part).
 */
export type BenchPageData = {
  name: string;
  page: string;
  load: (db: Database, context: BenchContext) => Promise<unknown>;
  targets: { roundTrips?: number; medianCpuMs?: number };
  // Fewer runs for a heavy subject (the 5,000-row import); else the run's own.
  runs?: { warmup: number; measured: number };
};

export const BENCH_PAGE_DATA: BenchPageData[] = [
  {
    // Parse + save of the ads manager's export, held to the Worker's CPU limit (30 s by
    // default on Workers Standard): see README, "Importing the ads manager's export".
    name: 'campaign import, 5,000 rows (parse + save)',
    page: 'POST /api/campaign-imports/{clientId}',
    load: (db) => importFiveThousandRows(db),
    targets: { roundTrips: 1, medianCpuMs: 30_000 },
    runs: { warmup: 2, measured: 15 },
  },
  {
    // A year of the partner's own invoices among all the agency's.
    name: 'partner invoices page',
    page: 'GET /partner/invoices',
    load: (db) => loadPartnerInvoicesPage(db, policy, PAGE_PARTNER_ID, new Date()),
    targets: { roundTrips: 1 },
  },
  {
    name: 'invoice review list (every invoice of the agency)',
    page: 'GET /review/invoices',
    load: (db) => loadReviewInvoicesPage(db, new URLSearchParams(), policy, new Date()),
    targets: { roundTrips: 1, medianCpuMs: 5 },
  },
  {
    name: 'invoice review list, filtered by month and status',
    page: 'GET /review/invoices?month=…&status=…',
    load: (db) =>
      loadReviewInvoicesPage(
        db,
        new URLSearchParams({ month: '2025-06', status: 'approved', page: '2' }),
        policy,
        new Date(),
      ),
    targets: { roundTrips: 1, medianCpuMs: 5 },
  },
  {
    // The CS's own 200 clients, among the agency's (all of them at 1×, a tenth at 10×).
    name: 'CS dashboard: 200 clients, each with its next deadline',
    page: 'GET /clients',
    load: (db) =>
      listClientDeadlines(
        db,
        { id: BENCH_CS_ID, roles: ['cs'] },
        policy,
        reportMonthAt(new Date(), policy.agency.timeZone),
      ),
    targets: { roundTrips: 2, medianCpuMs: 5 },
  },
  {
    // The CS's home: their 200 clients' deadlines (the query beside the batch), their pieces,
    // questionnaires and requests, their invoice and the window.
    name: 'partner home, CS with 200 clients',
    page: 'GET /partner (CS)',
    load: (db) => loadHomePage(db, { id: BENCH_CS_ID, roles: ['cs'] }, policy, new Date()),
    targets: { roundTrips: 2, medianCpuMs: 2 },
  },
  {
    // The same home on the monthly report's reminder day (#19): one more statement in its
    // batch, the CS's clients still owing last month's report (all 200 of them here).
    name: 'partner home, CS with 200 clients, on the report reminder day',
    page: 'GET /partner (CS, report reminder day)',
    load: (db) =>
      loadHomePage(db, { id: BENCH_CS_ID, roles: ['cs'] }, policy, reportReminderDay(BENCH_NOW)),
    targets: { roundTrips: 2, medianCpuMs: 2 },
  },
  {
    // Finance's home: what to review, the divergences and what to pay, among 5,000 invoices.
    name: 'partner home, finance',
    page: 'GET /partner (finance)',
    load: (db) => loadHomePage(db, { id: PAGE_PARTNER_ID, roles: ['finance'] }, policy, new Date()),
    targets: { roundTrips: 2, medianCpuMs: 2 },
  },
  // The scorecard (#21): a month counted, and a month closed (stored).
  ...SCORECARD_BENCH_PAGES,
  {
    name: 'questionnaire page',
    page: 'GET /onboarding/{token}/{section}',
    load: (db, context) => openOnboardingByToken(db, context.onboardingToken, new Date()),
    targets: { roundTrips: 2 },
  },
  {
    // Version 2, sent after the client asked for changes on version 1: the page's own load,
    // the comparison with version 1 (its second round trip, the caption's diff) included.
    name: 'approval page, version 2 beside version 1',
    page: 'GET /approval/{token}',
    load: (db, context) =>
      loadApprovalPage(db, policy, { token: context.approvalToken, ip: null }, new Date()),
    targets: { roundTrips: 2, medianCpuMs: 2 },
  },
  {
    // A client with 500 pieces in visible projects (and 50 in a hidden one), every status.
    name: 'client space board, 500 pieces',
    page: 'GET /space',
    load: (db) => loadSpaceBoard(db, SPACE_BENCH_VIEWER),
    targets: { roundTrips: 2, medianCpuMs: 2 },
  },
  {
    // The same client's list of one column, its second page (a column's "see all").
    name: 'client space list, a column’s page 2',
    page: 'GET /space?view=list&column=approved&page=2',
    load: (db) =>
      loadSpaceBoard(db, SPACE_BENCH_VIEWER, { view: 'list', column: 'approved', page: 2 }),
    targets: { roundTrips: 2, medianCpuMs: 2 },
  },
  ...REQUEST_BENCH_PAGES,
  {
    // The figure (#20): a client's campaigns page with 90 days × 20 campaigns in two
    // placements (the check of yesterday and the 30-day charts). One round trip of its own;
    // the page's session check makes the second.
    name: 'campaigns page, 90 days × 20 campaigns',
    page: 'GET /clients/{id}/campaigns',
    load: (db) => loadCampaignPage(db, COSTS_BENCH_VIEWER, COSTS_BENCH_CLIENT, policy, BENCH_NOW),
    targets: { roundTrips: 1, medianCpuMs: 5 },
  },
  ...TIMELINE_BENCH_PAGES,
];
