import { defineMiddleware } from 'astro:middleware';
import type { WorkerEnv } from '../functions/worker-dependencies.ts';
import { workerDependencies } from '../functions/worker-dependencies.ts';
import { guardSpacePage, isSpacePath } from './server/client-space/space-guard.ts';
import { guardPage } from './server/pages/guard-page.ts';

/**
 * For on-demand pages: dependencies, session and the access table (see guardPage).
 * Prerendered handbook pages pass straight through.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  if (context.isPrerendered) return next();
  // Imported here, not at the top: the prerender build runs in Node, where this module is absent.
  const { env } = await import('cloudflare:workers');
  const deps = workerDependencies(env as unknown as WorkerEnv);
  // The client space keeps its own sessions: a partner's cookie means nothing there.
  if (isSpacePath(context.url.pathname)) return guardSpacePage(context, next, deps);
  return guardPage(context, next, deps);
});
