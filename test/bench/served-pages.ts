// The weight of the on-demand pages as the built Worker serves them under `wrangler dev`:
// the gzip size of each page's HTML plus the stylesheets it links, the scripts it loads,
// and whether its forms work without JavaScript (they post to the API and come back).

import { gzipSync } from 'node:zlib';
import { prepareLocalState, removeLocalState, startBuiltWorker } from '../support/built-worker.ts';
import { prepareDemoVisitors } from '../support/demo-links.ts';

export const SERVED_PAGE_TARGETS: Record<string, number> = { 'approval page': 30 };

/** Serves the built site over a fresh demo state and weighs the pages a client and a partner open first. */
export async function weighServedPages() {
  const state = prepareLocalState({ quiet: true });
  const visitors = await prepareDemoVisitors(state);
  const worker = await startBuiltWorker(state);
  try {
    const pages = [
      { name: 'approval page', path: `/approval/${visitors.approvalToken}` },
      { name: 'questionnaire page', path: `/onboarding/${visitors.onboardingToken}` },
      { name: 'sign-in page', path: '/sign-in' },
    ];
    const weighed = [];
    for (const page of pages) {
      const response = await fetch(`${worker.baseUrl}${page.path}`);
      const html = await response.text();
      const styles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)];
      let bytes = gzipSync(html).byteLength;
      for (const [, href] of styles)
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
