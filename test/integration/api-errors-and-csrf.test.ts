import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../functions/app.ts';
import { seedPeople, signIn } from '../support/sign-in.ts';
import {
  createTestApp,
  readJson,
  SAME_ORIGIN,
  TEST_ORIGIN,
  type TestApp,
} from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...SAME_ORIGIN, ...headers },
  body: JSON.stringify(body),
});

describe.each(DRIVERS)('API errors, CSRF and headers (%s)', (driver) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(driver);
  });
  afterAll(() => app.close());

  describe('security headers', () => {
    it('sends HSTS of at least a year, a CSP and nosniff on every answer, errors included', async () => {
      for (const path of ['/api/health', '/api/nowhere']) {
        const response = await app.request(path);
        const hsts = response.headers.get('Strict-Transport-Security') ?? '';
        expect(Number(/max-age=(\d+)/.exec(hsts)?.[1])).toBeGreaterThanOrEqual(31_536_000);
        expect(response.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
        expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
      }
    });
  });

  describe('validation', () => {
    it('answers 400 with a localized message per field (pt-BR by default)', async () => {
      const response = await app.request('/api/preferences/locale', json({ locale: 'xx' }));
      expect(response.status).toBe(400);
      // A refused request changes nothing: no language cookie is set.
      expect(response.headers.get('Set-Cookie')).toBeNull();
      const { error } = await readJson(response);
      expect(error.code).toBe('validation');
      expect(error.message).toMatch(/campos/i);
      expect(Object.keys(error.fields)).toEqual(['locale']);
    });

    it('answers in English when the browser asks for it', async () => {
      const response = await app.request(
        '/api/preferences/locale',
        json({}, { 'Accept-Language': 'en-US,en;q=0.9' }),
      );
      expect(response.status).toBe(400);
      const { error } = await readJson(response);
      expect(error.fields.locale).toMatch(/required/i);
      expect(response.headers.get('Content-Language')).toBe('en');
    });

    it('answers 400, not 500, to malformed JSON', async () => {
      const response = await app.request('/api/preferences/locale', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...SAME_ORIGIN },
        body: '{"locale":',
      });
      expect(response.status).toBe(400);
      expect((await readJson(response)).error.code).toBe('bad_request');
    });

    it('answers 415 to a body type it does not read', async () => {
      const response = await app.request('/api/preferences/locale', {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain', ...SAME_ORIGIN },
        body: 'locale=en',
      });
      expect(response.status).toBe(415);
    });

    it('accepts the same input as a plain form post and redirects back', async () => {
      const response = await app.request('/api/preferences/locale', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'text/html',
          ...SAME_ORIGIN,
        },
        body: 'locale=ru&returnTo=%2Fen%2F',
      });
      expect(response.status).toBe(303);
      expect(response.headers.get('Location')).toBe('/en/');
      expect(response.headers.get('Set-Cookie')).toMatch(
        /ponte_locale=ru;.*HttpOnly.*Secure.*SameSite=Lax/,
      );
    });

    it('never redirects to another site: a foreign returnTo falls back to the home page', async () => {
      for (const returnTo of ['//evil.example/', 'https://evil.example/', '/\\evil.example']) {
        const response = await app.request('/api/preferences/locale', {
          method: 'POST',
          headers: {
            'Content-Type': 'application/x-www-form-urlencoded',
            Accept: 'text/html',
            ...SAME_ORIGIN,
          },
          body: new URLSearchParams({ locale: 'en', returnTo }),
        });
        expect(response.status).toBe(303);
        expect(response.headers.get('Location')).toBe('/');
      }
    });
  });

  describe('cross-site requests (CSRF)', () => {
    const post = (headers: Record<string, string>, type = 'application/json') =>
      app.request('/api/preferences/locale', {
        method: 'POST',
        headers: { 'Content-Type': type, ...headers },
        body: type === 'application/json' ? '{"locale":"en"}' : 'locale=en',
      });

    it('refuses a cross-site JSON request and a cross-site form post', async () => {
      for (const type of ['application/json', 'application/x-www-form-urlencoded']) {
        const response = await post(
          { 'Sec-Fetch-Site': 'cross-site', Origin: 'https://evil.example' },
          type,
        );
        expect(response.status).toBe(403);
        expect((await readJson(response)).error.code).toBe('cross_site_request');
      }
    });

    it('refuses a foreign Origin, a same-site sibling, and a request with neither header', async () => {
      expect((await post({ Origin: 'https://evil.example' })).status).toBe(403);
      expect((await post({ 'Sec-Fetch-Site': 'same-site' })).status).toBe(403);
      expect((await post({})).status).toBe(403);
    });

    it('accepts our own origin, by Sec-Fetch-Site or by Origin', async () => {
      expect((await post({ 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
      expect((await post({ Origin: TEST_ORIGIN })).status).toBe(200);
    });
  });

  describe('unknown and broken', () => {
    it('answers 404 JSON for an unknown API path to a signed-in person, 401 to anyone else', async () => {
      // Paths nobody opened in the access table are closed: a visitor learns nothing from them.
      expect((await app.request('/api/does-not-exist')).status).toBe(401);
      await seedPeople(app);
      const cookie = await signIn(app, 'cs@ponte.example');
      const response = await app.request('/api/does-not-exist', { headers: { Cookie: cookie } });
      expect(response.status).toBe(404);
      expect((await readJson(response)).error.code).toBe('not_found');
    });

    it('answers 500 with a request id and no stack trace when something unexpected fails', async () => {
      const broken = createApi(() => {
        throw new Error('secret internal detail');
      });
      const response = await broken.request('/api/health', { headers: { 'CF-Ray': 'ray-123' } });
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(text).not.toContain('secret internal detail');
      expect(text).not.toMatch(/at \w+ \(/);
      const { error } = JSON.parse(text);
      expect(error).toMatchObject({ code: 'internal', requestId: expect.any(String) });
      expect(error.message).toContain(error.requestId);
    });
  });
});
