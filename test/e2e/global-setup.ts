import { writeFileSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
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
  }
}

/**
 * Builds Ponte, gives it a fresh local D1 with the real migrations and the demo seed, and
 * serves the built Worker with `wrangler dev` on 127.0.0.1 for the browser tests.
 */
export default async function setup(project: TestProject) {
  if (!process.env.PONTE_E2E_SKIP_BUILD) buildSite();
  const state = prepareLocalState();
  const mail = await startMailCaptureServer();
  const worker = await startBuiltWorker(state, {
    RESEND_API_KEY: 're_e2e',
    RESEND_BASE_URL: mail.url,
  });
  project.provide('baseUrl', worker.baseUrl);
  project.provide('mailUrl', mail.url);

  return () => {
    if (process.env.PONTE_E2E_WORKER_LOG)
      writeFileSync(process.env.PONTE_E2E_WORKER_LOG, worker.log());
    worker.stop();
    removeLocalState(state);
    return mail.close();
  };
}
