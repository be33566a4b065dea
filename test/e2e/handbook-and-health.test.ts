import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findAccessibilityViolations } from '../support/browser.ts';
import { openPortugueseBrowser } from '../support/e2e.ts';

const baseUrl = inject('baseUrl');

describe('Ponte on the built Worker (wrangler dev, real Chromium)', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    ({ browser, page } = await openPortugueseBrowser());
  });
  afterAll(() => browser?.close());

  it('serves the handbook in pt-BR at /', async () => {
    const response = await page.goto(`${baseUrl}/`);
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('pt-BR');
    await expect(page.title()).resolves.toContain('Manual do parceiro');
  });

  it('serves the handbook in English at /en/', async () => {
    const response = await page.goto(`${baseUrl}/en/`);
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expect(page.title()).resolves.toContain('Partner handbook');
  });

  it('sends the security headers on handbook pages too', async () => {
    const response = await page.goto(`${baseUrl}/start/welcome/`);
    const headers = response?.headers() ?? {};
    expect(headers['content-security-policy']).toContain("object-src 'none'");
    expect(headers['strict-transport-security']).toContain('max-age=31536000');
    expect(headers['x-content-type-options']).toBe('nosniff');
  });

  it('reports every part healthy at /api/health', async () => {
    const response = await fetch(`${baseUrl}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      parts: { database: 'ok', files: 'ok', outbox: 'ok' },
    });
  });

  it('runs the scheduled jobs when the cron trigger fires', async () => {
    // wrangler dev --test-scheduled exposes the cron trigger at this path.
    const response = await fetch(`${baseUrl}/cdn-cgi/handler/scheduled?cron=*+*+*+*+*`);
    expect(response.status).toBe(200);
  });

  it('has no development mail viewer in the production build', async () => {
    const response = await fetch(`${baseUrl}/dev/mail`);
    expect(response.status).toBe(404);
  });

  it('refuses writes to pages (every write goes through the API)', async () => {
    const response = await fetch(`${baseUrl}/`, { method: 'POST' });
    expect(response.status).toBe(405);
  });

  it('switches the interface language with the no-JavaScript form', async () => {
    await page.goto(`${baseUrl}/preferences/language`);
    expect(await page.textContent('h1')).toBe('Idioma');
    await page.check('input[value="ru"]');
    await page.click('main button[type="submit"]');
    await page.waitForURL(`${baseUrl}/preferences/language`);
    expect(await page.textContent('h1')).toBe('Язык');
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
  });

  // Every handbook page is checked in handbook.test.ts.
  it.each(['/preferences/language'])(
    'has no accessibility violations on %s (axe-core)',
    async (path) => {
      await page.goto(`${baseUrl}${path}`);
      expect(await findAccessibilityViolations(page)).toEqual([]);
    },
  );
});
