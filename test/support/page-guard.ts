import {
  FORBIDDEN_PAGE,
  NOT_FOUND_PAGE,
  type PageContext,
} from '../../src/server/pages/guard-page.ts';

/** A page request as Astro's middleware sees it, signed in with `sessionToken` when given. */
export function pageRequest(path: string, sessionToken?: string): PageContext {
  const url = new URL(`http://localhost${path}`);
  return {
    url,
    request: new Request(url, { headers: { 'Accept-Language': 'pt-BR' } }),
    cookies: {
      get: () => (sessionToken ? { value: sessionToken } : undefined),
      set: () => {},
    },
    locals: {} as PageContext['locals'],
    redirect: (location, status) => new Response(null, { status, headers: { location } }),
  };
}

/** A page that answers `status`, and the app's pages it was asked to draw instead. */
export function pageAnswering(status: number) {
  const rewrites: string[] = [];
  const next = async (rewrite?: string) => {
    if (rewrite) rewrites.push(rewrite);
    if (rewrite === NOT_FOUND_PAGE) return new Response('app not-found page', { status: 404 });
    if (rewrite === FORBIDDEN_PAGE) return new Response('app forbidden page', { status: 403 });
    return new Response('the page', { status });
  };
  return { next, rewrites };
}
