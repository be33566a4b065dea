import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_CSP } from '../../functions/http/security-headers.ts';
import { serveRequest } from '../../functions/serve.ts';
import {
  decodeFeedback,
  FEEDBACK_COOKIE,
  feedbackKey,
} from '../../src/server/forms/form-feedback.ts';
import { createTestApp, SAME_ORIGIN, TEST_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

/** A plain form post (no JavaScript) as a browser sends it from one of our pages. */
const formPost = (fields: Record<string, string>): RequestInit => ({
  method: 'POST',
  headers: {
    'Content-Type': 'application/x-www-form-urlencoded',
    Accept: 'text/html',
    ...SAME_ORIGIN,
  },
  body: new URLSearchParams(fields),
});

// Every returnTo a browser would turn into another site, or that cannot be a header at all.
const HOSTILE_RETURN_PATHS = [
  '/\t/evil.example',
  '/\t\t/evil.example',
  '/\n/evil.example',
  '/\r/evil.example',
  '\t//evil.example',
  '/sign-in\r\nSet-Cookie: planted=1',
  '/sign-in\n',
  '/sign-in\u0000',
  '/sign-in\u007f',
  '//evil.example',
  '/\\evil.example',
  'https://evil.example/',
  '/../\\evil.example',
];

const SECURITY_HEADERS = [
  'Content-Security-Policy',
  'Strict-Transport-Security',
  'X-Content-Type-Options',
  'Referrer-Policy',
  'X-Frame-Options',
];

describe.each(DRIVERS)('hardening (%s)', (driver) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(driver);
  });
  afterAll(() => app.close());

  describe('returnTo', () => {
    it('leads only to a path of ours: anything else falls back to the page default, never a 5xx', async () => {
      for (const returnTo of HOSTILE_RETURN_PATHS) {
        const response = await app.request(
          '/api/preferences/locale',
          formPost({ locale: 'en', returnTo }),
        );
        expect(response.status, JSON.stringify(returnTo)).toBe(303);
        expect(response.headers.get('Location'), JSON.stringify(returnTo)).toBe('/');
      }
      const ours = await app.request(
        '/api/preferences/locale',
        formPost({ locale: 'en', returnTo: '/sign-in/confirm?token=abc' }),
      );
      expect(ours.headers.get('Location')).toBe('/sign-in/confirm?token=abc');
    });

    it('a refused form with a hostile returnTo answers a 4xx, never a 5xx, and goes nowhere', async () => {
      for (const returnTo of HOSTILE_RETURN_PATHS) {
        const response = await app.request(
          '/api/auth/sign-in',
          formPost({ email: 'not-an-address', returnTo }),
        );
        expect(response.status, JSON.stringify(returnTo)).toBe(400);
        expect(response.headers.get('Location')).toBeNull();
      }
    });
  });

  describe('the form-feedback cookie', () => {
    it('is __Host-, host-only, HttpOnly, Secure, and signed with FORM_SECRET', async () => {
      const secret = 'an-integration-form-secret-32-chars';
      app.deps.formSecret = secret;
      try {
        const response = await app.request(
          '/api/auth/sign-in',
          formPost({ email: 'not-an-address', returnTo: '/sign-in' }),
        );
        expect(response.status).toBe(303);
        const cookie = response.headers.getSetCookie().find((c) => c.startsWith(FEEDBACK_COOKIE));
        expect(cookie).toBeDefined();
        expect(cookie).toMatch(/; Path=\/(;|$)/);
        expect(cookie).toMatch(/; HttpOnly(;|$)/);
        expect(cookie).toMatch(/; Secure(;|$)/);
        expect(cookie).not.toMatch(/Domain=/i);
        const value = cookie?.split(';')[0]?.slice(FEEDBACK_COOKIE.length + 1) ?? '';
        expect(decodeFeedback(value, feedbackKey(secret))?.error).toBeTruthy();
        // Signed by this secret and no other: a cookie written without it is not ours.
        expect(decodeFeedback(value, feedbackKey('another-form-secret-of-32-chars!!'))).toBeNull();
      } finally {
        app.deps.formSecret = undefined;
      }
    });
  });

  describe('every answer carries the security headers', () => {
    // Astro as the Worker sees it: bare answers with no headers of ours.
    const pages = async (request: Request) => {
      const { pathname } = new URL(request.url);
      if (pathname === '/partner') return Response.redirect(`${TEST_ORIGIN}/sign-in`, 303);
      if (pathname === '/broken') throw new Error('a page that crashed');
      if (pathname === '/404-prerendered')
        // A prerendered file from the assets, which carries the handbook's CSP from _headers.
        return new Response('<h1>404</h1>', {
          status: 404,
          headers: { 'Content-Security-Policy': "script-src 'self' 'sha256-x'" },
        });
      return new Response('<h1>404</h1>', {
        status: 404,
        headers: { 'Content-Type': 'text/html' },
      });
    };
    const serve = (path: string, init?: RequestInit) =>
      serveRequest(new Request(`${TEST_ORIGIN}${path}`, init), {
        api: (request) => app.api.fetch(request, {}),
        pages,
      });

    it('a write to a page: 405 with every header', async () => {
      for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
        const response = await serve('/sign-in', { method });
        expect(response.status).toBe(405);
        expect(response.headers.get('Allow')).toBe('GET, HEAD');
        for (const name of SECURITY_HEADERS) expect(response.headers.get(name), name).toBeTruthy();
        expect(response.headers.get('Content-Security-Policy')).toBe(PAGE_CSP);
      }
    });

    it('redirects, 404s and crashes of pages, and API answers, all with every header', async () => {
      const answers = await Promise.all([
        serve('/partner'),
        serve('/nowhere'),
        serve('/broken'),
        serve('/api/nowhere'),
        serve('/api/health'),
        serve('/api/preferences/locale', formPost({ locale: 'en', returnTo: '/' })),
      ]);
      expect(answers.map((response) => response.status)).toEqual([303, 404, 500, 401, 200, 303]);
      for (const response of answers)
        for (const name of SECURITY_HEADERS) expect(response.headers.get(name), name).toBeTruthy();
      expect(answers[0]?.headers.get('Content-Security-Policy')).toBe(PAGE_CSP);
      expect(answers[3]?.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    });

    it("keeps a prerendered page's own CSP (the handbook's hashes), adding the rest", async () => {
      const response = await serve('/404-prerendered');
      expect(response.headers.get('Content-Security-Policy')).toBe("script-src 'self' 'sha256-x'");
      expect(response.headers.get('Strict-Transport-Security')).toContain('max-age=31536000');
    });
  });
});
