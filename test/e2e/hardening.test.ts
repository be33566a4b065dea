import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';

const baseUrl = inject('baseUrl');

// What markup that slipped into a page would try: a script of its own.
const INJECTED = '<script>window.__injected = true;</script>';

/**
 * Opens `path` with an inline script added to the HTML the Worker served, its headers (the
 * CSP among them) left as they were: the browser decides whether the script runs.
 */
async function openWithInjectedScript(page: Page, path: string) {
  await page.route(`${baseUrl}${path}`, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('</head>', `${INJECTED}</head>`);
    await route.fulfill({ response, body: html });
  });
  const response = await page.goto(`${baseUrl}${path}`);
  await page.unroute(`${baseUrl}${path}`);
  expect(await page.content()).toContain(INJECTED);
  return response;
}

const ranInjected = (page: Page) =>
  page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected === true);

const SECURITY_HEADERS = [
  'content-security-policy',
  'strict-transport-security',
  'x-content-type-options',
  'referrer-policy',
];

describe('hardening on the built Worker (wrangler dev, real Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it('does not run an inline script injected into an on-demand page (CSP without unsafe-inline)', async () => {
    const page = await browser.newPage({ locale: 'pt-BR' });
    const response = await openWithInjectedScript(page, '/sign-in');
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self';/);
    expect(await ranInjected(page)).toBe(false);
    await page.close();
  });

  it("runs the handbook's own inline scripts (by hash) but not an injected one", async () => {
    const page = await browser.newPage({ locale: 'pt-BR', colorScheme: 'light' });
    await openWithInjectedScript(page, '/start/welcome/');
    expect(await ranInjected(page)).toBe(false);
    // Starlight's theme script ran: the page is built dark and the script follows the browser.
    expect(await page.getAttribute('html', 'data-theme')).toBe('light');
    await page.close();
  });

  it('sends every security header on a 405, 404s and redirects, from the Worker, Astro and the assets', async () => {
    const answers: [string, RequestInit, number][] = [
      ['/sign-in', { method: 'POST' }, 405],
      ['/partner/invoices', { method: 'DELETE' }, 405],
      ['/', { method: 'POST' }, 405],
      ['/nowhere', {}, 404],
      ['/_astro/nowhere.js', {}, 404],
      ['/api/nowhere', {}, 401],
      ['/partner', {}, 303],
      ['/start/welcome', {}, 307],
    ];
    for (const [path, init, status] of answers) {
      const response = await fetch(`${baseUrl}${path}`, { ...init, redirect: 'manual' });
      const what = `${init.method ?? 'GET'} ${path}`;
      expect(response.status, what).toBe(status);
      for (const name of SECURITY_HEADERS)
        expect(response.headers.get(name), `${what}: ${name}`).toBeTruthy();
      expect(response.headers.get('strict-transport-security'), what).toContain('max-age=31536000');
      expect(response.headers.get('x-content-type-options'), what).toBe('nosniff');
      await response.arrayBuffer();
    }
  });

  it("serves the handbook's 404 page with its scripts working", async () => {
    const page = await browser.newPage({ locale: 'pt-BR', colorScheme: 'light' });
    const response = await page.goto(`${baseUrl}/nowhere`);
    expect(response?.status()).toBe(404);
    // The prerendered page keeps the handbook's CSP (its scripts' hashes), not the strict one.
    expect(response?.headers()['content-security-policy']).toContain("'sha256-");
    expect(await page.getAttribute('html', 'data-theme')).toBe('light');
    await page.close();
  });

  it('does not show a form-feedback cookie the server did not sign (a planted one)', async () => {
    const context = await browser.newContext({ locale: 'pt-BR' });
    // Well-formed feedback, as a sibling subdomain (or a cookie-tossing trick) could write it.
    const planted = Buffer.from(
      JSON.stringify({ error: 'Conta bloqueada: ligue 0800 000' }),
    ).toString('base64url');
    const page = await context.newPage();
    await page.goto(`${baseUrl}/sign-in`);
    // Planted by script. The plain name is what a sibling subdomain can set for the parent
    // domain; the __Host- one stands for tricks that have slipped past the prefix (a nameless cookie).
    await page.evaluate(async (value) => {
      await cookieStore.set({ name: '__Host-ponte_feedback', value, path: '/' });
      await cookieStore.set({ name: 'ponte_feedback', value, path: '/' });
    }, planted);
    const names = await page.evaluate(async () =>
      (await cookieStore.getAll()).map((cookie) => cookie.name),
    );
    expect(names).toEqual(expect.arrayContaining(['__Host-ponte_feedback', 'ponte_feedback']));
    const response = await page.reload();
    expect(response?.status()).toBe(200);
    expect(await page.textContent('body')).not.toContain('Conta bloqueada');
    await context.close();
  });
});
