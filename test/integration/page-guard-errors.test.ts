import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FORBIDDEN_PAGE,
  guardPage,
  NOT_FOUND_PAGE,
  type PageContext,
} from '../../src/server/pages/guard-page.ts';
import { seedPeople, signIn } from '../support/sign-in.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

/** A page request as Astro's middleware sees it, signed in with `sessionToken` when given. */
function pageRequest(path: string, sessionToken?: string): PageContext {
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
function pageAnswering(status: number) {
  const rewrites: string[] = [];
  const next = async (rewrite?: string) => {
    if (rewrite) rewrites.push(rewrite);
    if (rewrite === NOT_FOUND_PAGE) return new Response('app not-found page', { status: 404 });
    if (rewrite === FORBIDDEN_PAGE) return new Response('app forbidden page', { status: 403 });
    return new Response('the page', { status });
  };
  return { next, rewrites };
}

describe.each(DRIVERS)('the page guard: sign-in, 404 and 403 (%s)', (driver) => {
  let app: TestApp;
  let cs = '';
  beforeAll(async () => {
    app = await createTestApp(driver);
    await seedPeople(app);
    cs = (await signIn(app, 'cs@ponte.example')).split('=')[1] ?? '';
  });
  afterAll(() => app.close());

  it('sends a signed-out person to sign-in keeping the page and its query string', async () => {
    const page = pageAnswering(200);
    const response = await guardPage(pageRequest('/tasks?x=1'), page.next, app.deps);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/sign-in?next=%2Ftasks%3Fx%3D1');
    const deeper = await guardPage(pageRequest('/clients/demo-client-bakery'), page.next, app.deps);
    expect(deeper.headers.get('location')).toBe('/sign-in?next=%2Fclients%2Fdemo-client-bakery');
    // The partner home is where sign-in lands anyway: nothing to keep.
    const home = await guardPage(pageRequest('/partner'), page.next, app.deps);
    expect(home.headers.get('location')).toBe('/sign-in');
    expect(page.rewrites).toEqual([]);
  });

  it('draws the app’s not-found page for a partner-area address that answers 404', async () => {
    for (const path of ['/partner/xyz', '/clients/does-not-exist/foo', '/pieces/nope']) {
      const page = pageAnswering(404);
      const response = await guardPage(pageRequest(path, cs), page.next, app.deps);
      expect(response.status, path).toBe(404);
      expect(await response.text()).toBe('app not-found page');
      expect(page.rewrites).toEqual([NOT_FOUND_PAGE]);
      expect(response.headers.get('Cache-Control')).toBe('no-store');
    }
  });

  it('draws the forbidden page where the roles do not reach, before any page runs', async () => {
    const page = pageAnswering(200);
    const response = await guardPage(pageRequest('/review/whatever', cs), page.next, app.deps);
    expect(response.status).toBe(403);
    expect(page.rewrites).toEqual([FORBIDDEN_PAGE]);
  });

  it('leaves client links’ own 404s, pages that answer, and the not-found page itself alone', async () => {
    for (const [path, status, token] of [
      ['/onboarding/unknown-token', 404, undefined],
      ['/approval/unknown-token', 404, undefined],
      ['/clients', 200, cs],
      [NOT_FOUND_PAGE, 404, cs],
    ] as const) {
      const page = pageAnswering(status);
      const response = await guardPage(pageRequest(path, token), page.next, app.deps);
      expect(response.status, path).toBe(status);
      expect(await response.text()).toBe('the page');
      expect(page.rewrites, path).toEqual([]);
    }
  });
});
