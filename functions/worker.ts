import astro from '@astrojs/cloudflare/entrypoints/server';
import { createApi } from './app.ts';
import { PAGE_CSP, withSecurityHeaders } from './http/security-headers.ts';
import { runJobs } from './jobs/index.ts';
import { type WorkerEnv, workerDependencies } from './worker-dependencies.ts';

// Env is generated from wrangler.toml by `wrangler types`.

const api = createApi((env) => workerDependencies(env as WorkerEnv));

function isApiPath(pathname: string): boolean {
  return pathname === '/api' || pathname.startsWith('/api/');
}

/**
 * The one Worker: /api/* goes to Hono, everything else (handbook, partner area, client
 * links, assets) to Astro, and the cron trigger runs the jobs.
 */
export default {
  async fetch(request, env, ctx) {
    if (isApiPath(new URL(request.url).pathname)) return api.fetch(request, env, ctx);
    // Pages only read; every write goes through the API, so other methods stop here.
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: { Allow: 'GET, HEAD' } });
    }
    return withSecurityHeaders(await astro.fetch(request, env, ctx), PAGE_CSP);
  },
  async scheduled(_controller, env, ctx) {
    ctx.waitUntil(runJobs(workerDependencies(env)));
  },
} satisfies ExportedHandler<Env>;
