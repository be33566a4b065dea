// The weight of the on-demand pages as the built Worker serves them under `wrangler dev`:
// the gzip size of each page's HTML plus the stylesheets it links, the scripts it loads,
// and whether its forms work without JavaScript (they post to the API and come back).

import { gzipSync } from 'node:zlib';
import { desc, eq } from 'drizzle-orm';
import { createD1Database } from '../../db/client.ts';
import { openLocalBindings } from '../../db/local-bindings.ts';
import { outbox } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { sendForApproval } from '../../src/server/approvals/approval-rounds.ts';
import { sendOnboarding } from '../../src/server/onboarding/onboarding-links.ts';
import { prepareLocalState, removeLocalState, startBuiltWorker } from '../support/built-worker.ts';

export const SERVED_PAGE_TARGETS: Record<string, number> = { 'approval page': 30 };

const CS = { id: 'demo-cs', name: 'Carla Campos', ip: null };

/** Sends the demo links a client would get, straight into the local state, and returns their tokens. */
async function sendDemoLinks(state: string) {
  const local = await openLocalBindings(state);
  try {
    const db = createD1Database(local.DB);
    const now = new Date();
    const user = { id: CS.id, roles: ['cs' as const] };
    const origin = 'http://localhost';
    await sendForApproval(
      db,
      policy,
      {
        pieceId: 'demo-piece-launch',
        contactIds: ['demo-contact-bakery-owner'],
        actor: CS,
        user,
        origin,
      },
      now,
    );
    await sendOnboarding(
      db,
      policy,
      {
        clientId: 'demo-client-clinic',
        contactIds: ['demo-contact-clinic-director'],
        actor: CS,
        user,
        origin,
      },
      now,
    );
    const tokenIn = async (to: string, pattern: RegExp) => {
      const [mail] = await db
        .select({ text: outbox.text })
        .from(outbox)
        .where(eq(outbox.toAddress, to))
        .orderBy(desc(outbox.createdAt));
      return pattern.exec(mail?.text ?? '')?.[1] ?? '';
    };
    return {
      approval: await tokenIn('rita@paoquente.example', /\/approval\/([a-z2-7]{32})/),
      onboarding: await tokenIn('marina@sorrisoleve.example', /\/onboarding\/([a-z2-7]{32})/),
    };
  } finally {
    await local.dispose();
  }
}

/** Serves the built site over a fresh demo state and weighs the pages a client and a partner open first. */
export async function weighServedPages() {
  const state = prepareLocalState({ quiet: true });
  const tokens = await sendDemoLinks(state);
  const worker = await startBuiltWorker(state);
  try {
    const pages = [
      { name: 'approval page', path: `/approval/${tokens.approval}` },
      { name: 'questionnaire page', path: `/onboarding/${tokens.onboarding}` },
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
