import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORBIDDEN_PAGE, guardPage, NOT_FOUND_PAGE } from '../../src/server/pages/guard-page.ts';
import { pageAnswering, pageRequest } from '../support/page-guard.ts';
import { seedPeople, signIn } from '../support/sign-in.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

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
