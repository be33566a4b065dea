import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { invoiceWindowAt, policy } from '../../src/policy/index.ts';
import {
  buildSite,
  prepareLocalState,
  removeLocalState,
  startBuiltWorker,
} from '../support/built-worker.ts';
import { startMailCaptureServer } from '../support/mail-capture-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    // The local stand-in for Resend that the built Worker sends its e-mails to.
    mailUrl: string;
    // How far the Worker's clock runs ahead of the real one (to sit inside an invoice window).
    clockOffsetMs: number;
  }
}

/**
 * How far to move the Worker's clock so the suite runs inside an invoice window (the
 * journey submits an invoice): nothing when one is open, else to two hours after the next
 * one opens — early on a business day, agency time.
 */
function offsetIntoInvoiceWindow(now: Date): number {
  const { open, window } = invoiceWindowAt(now, policy);
  return open ? 0 : window.opensAt.getTime() + 2 * 3_600_000 - now.getTime();
}

/**
 * Builds Ponte, gives it a fresh local D1 with the real migrations and the demo seed, and
 * serves the built Worker with `wrangler dev` on 127.0.0.1 for the browser tests.
 */
export default async function setup(project: TestProject) {
  if (!process.env.PONTE_E2E_SKIP_BUILD) buildSite();
  const clockOffsetMs = offsetIntoInvoiceWindow(new Date());
  const state = prepareLocalState({ clockOffsetMs });
  const mail = await startMailCaptureServer();
  const worker = await startBuiltWorker(state, {
    RESEND_API_KEY: 're_e2e',
    RESEND_BASE_URL: mail.url,
    CLOCK_OFFSET_MS: String(clockOffsetMs),
    // Signs the form-feedback cookie, as in production (without it each instance has its own key).
    FORM_SECRET: randomBytes(32).toString('base64url'),
  });
  project.provide('baseUrl', worker.baseUrl);
  project.provide('mailUrl', mail.url);
  project.provide('clockOffsetMs', clockOffsetMs);

  return () => {
    if (process.env.PONTE_E2E_WORKER_LOG)
      writeFileSync(process.env.PONTE_E2E_WORKER_LOG, worker.log());
    worker.stop();
    removeLocalState(state);
    return mail.close();
  };
}
