// The weight of the on-demand pages as the built Worker serves them under `wrangler dev`:
// the gzip size of each page's HTML plus the stylesheets it links, the scripts it loads,
// and whether its forms work without JavaScript (they post to the API and come back).

import { gzipSync } from 'node:zlib';
import { prepareLocalState, removeLocalState, startBuiltWorker } from '../support/built-worker.ts';
import { prepareDemoVisitors } from '../support/demo-links.ts';

/** Every page at most 30 KB gzip of HTML+CSS (#16), its stylesheet counted once. */
export const SERVED_PAGE_TARGET_KB = 30;

type Role = keyof Awaited<ReturnType<typeof prepareDemoVisitors>>['roleCookies'];
type ServedPage = { name: string; path: string; as?: Role };

/** Serves the built site over a fresh demo state and weighs the pages a client and a partner open first. */
export async function weighServedPages() {
  const state = prepareLocalState({ quiet: true });
  const visitors = await prepareDemoVisitors(state);
  const worker = await startBuiltWorker(state);
  try {
    const pages: ServedPage[] = [
      { name: 'approval page', path: `/approval/${visitors.approvalToken}` },
      // Version 2 after the client asked for changes: the comparison with version 1.
      { name: 'approval page, what changed', path: `/approval/${visitors.comparisonToken}` },
      { name: 'questionnaire page', path: `/onboarding/${visitors.onboardingToken}` },
      { name: 'satisfaction page', path: `/satisfaction/${visitors.surveyToken}?score=4` },
      { name: 'sign-in page', path: '/sign-in' },
      { name: 'partner home (CS)', path: '/partner', as: 'cs' },
      { name: 'partner home (finance)', path: '/partner', as: 'finance' },
      { name: 'my invoices', path: '/partner/invoices', as: 'paid' },
      { name: 'review list', path: '/review/invoices', as: 'finance' },
      { name: 'clients', path: '/clients', as: 'cs' },
      { name: 'client page', path: '/clients/demo-client-bakery', as: 'cs' },
      { name: 'pieces board', path: '/pieces', as: 'cs' },
      { name: 'piece page', path: '/pieces/demo-piece-launch', as: 'cs' },
      { name: 'piece page, what changed', path: '/pieces/demo-piece-menu', as: 'cs' },
      { name: 'tasks', path: '/tasks', as: 'cs' },
      { name: 'people', path: '/admin/people', as: 'admin' },
      { name: 'profile', path: '/partner/profile', as: 'paid' },
    ];
    const weighed = [];
    for (const page of pages) {
      const headers: Record<string, string> = page.as
        ? { Cookie: visitors.roleCookies[page.as] }
        : {};
      const response = await fetch(`${worker.baseUrl}${page.path}`, { headers });
      const html = await response.text();
      const styles = new Set(
        [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1] ?? ''),
      );
      let bytes = gzipSync(html).byteLength;
      for (const href of styles)
        bytes += gzipSync(await (await fetch(`${worker.baseUrl}${href}`)).text()).byteLength;
      const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1] ?? '');
      const forms = (html.match(/<form[^>]*method="post"[^>]*>/g) ?? []).length;
      weighed.push({ ...page, status: response.status, kb: bytes / 1024, scripts, forms });
    }
    return weighed;
  } finally {
    worker.stop();
    removeLocalState(state);
  }
}
