import { API_CSP, PAGE_CSP, withSecurityHeaders } from './http/security-headers.ts';

/** What answers a request behind the Worker: the API (Hono), and Astro for everything else. */
export type Handlers = {
  api: (request: Request) => Response | Promise<Response>;
  pages: (request: Request) => Promise<Response>;
};

function isApiPath(pathname: string): boolean {
  return pathname === '/api' || pathname.startsWith('/api/');
}

async function answer(request: Request, api: boolean, handlers: Handlers): Promise<Response> {
  if (api) return handlers.api(request);
  // Pages only read; every write goes through the API, so other methods stop here.
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response(null, { status: 405, headers: { Allow: 'GET, HEAD' } });
  }
  return handlers.pages(request);
}

/**
 * The Worker's fetch: /api/* to Hono, the rest to Astro, writes to pages refused — and every
 * answer, whoever made it (Astro's redirects and 404s, a 405, a crash), with the security headers.
 */
export async function serveRequest(request: Request, handlers: Handlers): Promise<Response> {
  const api = isApiPath(new URL(request.url).pathname);
  const csp = api ? API_CSP : PAGE_CSP;
  try {
    return withSecurityHeaders(await answer(request, api, handlers), csp);
  } catch (error) {
    // Hono and Astro answer their own errors; this is the last resort, still with the headers.
    console.error('unhandled', error);
    const failure = new Response('Internal Server Error', {
      status: 500,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
    return withSecurityHeaders(failure, csp);
  }
}
