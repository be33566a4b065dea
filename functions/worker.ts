import astro from '@astrojs/cloudflare/entrypoints/server';
import { createApi } from './app.ts';
import { runJobs } from './jobs/index.ts';
import { serveRequest } from './serve.ts';
import { type WorkerEnv, workerDependencies } from './worker-dependencies.ts';

// Env is generated from wrangler.toml by `wrangler types`.

const api = createApi((env) => workerDependencies(env as WorkerEnv));

/**
 * The one Worker: /api/* goes to Hono, everything else (handbook, partner area, client
 * links, assets) to Astro (see serveRequest), and the cron trigger runs the jobs.
 */
export default {
  async fetch(request, env, ctx) {
    return serveRequest(request, {
      api: (req) => api.fetch(req, env, ctx),
      pages: (req) => astro.fetch(req, env, ctx),
    });
  },
  async scheduled(_controller, env, ctx) {
    ctx.waitUntil(runJobs(workerDependencies(env)));
  },
} satisfies ExportedHandler<Env>;
