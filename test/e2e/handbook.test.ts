import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { builtHandbookPages } from '../support/built-pages.ts';
import { expectAccessible, openPortugueseBrowser } from '../support/e2e.ts';

const baseUrl = inject('baseUrl');
const pages = builtHandbookPages();

/** Searches the handbook with Pagefind from a page and returns the result links. */
async function search(page: Page, from: string, words: string): Promise<string[]> {
  await page.goto(`${baseUrl}${from}`);
  await page.click('site-search button[data-open-modal]');
  await page.fill('input.pagefind-ui__search-input', words);
  await page.locator('.pagefind-ui__result-link').first().waitFor();
  return page
    .locator('.pagefind-ui__result-link')
    .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
}

describe('the partner handbook (built, in Chromium)', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    ({ browser, page } = await openPortugueseBrowser());
  });
  afterAll(() => browser?.close());

  it('has every page in both languages', () => {
    const portuguese = pages.filter((p) => !p.startsWith('/en/'));
    const english = pages.filter((p) => p.startsWith('/en/'));
    expect(portuguese.length).toBeGreaterThanOrEqual(15);
    expect(english.map((p) => p.slice(3)).sort()).toEqual(portuguese.sort());
  });

  it.each(pages)(
    '%s has no accessibility violations and shows when it was last updated',
    async (path) => {
      const response = await page.goto(`${baseUrl}${path}`);
      expect(response?.status()).toBe(200);
      await expectAccessible(page);
      if (path !== '/' && path !== '/en/')
        await expect(page.locator('footer time').count()).resolves.toBeGreaterThan(0);
    },
  );

  it('finds the new-client deadlines by "72 horas" in Portuguese', async () => {
    const links = await search(page, '/', '72 horas');
    expect(links.some((href) => href.startsWith('/clients/new-client-pipeline/'))).toBe(true);
  });

  it('finds the renewal rule by "renewal" in English', async () => {
    const links = await search(page, '/en/', 'renewal');
    expect(links.some((href) => href.startsWith('/en/clients/new-client-pipeline/'))).toBe(true);
  });

  it('takes a CS partner from / to their deadlines in two clicks', async () => {
    await page.goto(`${baseUrl}/`);
    await page.locator('main a[href="/roles/cs/"]').first().click();
    await page.waitForURL(`${baseUrl}/roles/cs/`);
    await page.locator('main a[href="/clients/new-client-pipeline/"]').first().click();
    await page.waitForURL(`${baseUrl}/clients/new-client-pipeline/`);
    await expect(page.locator('main').textContent()).resolves.toContain('72 horas');
  });

  it('prints a policy page without the navigation, tables whole', async () => {
    await page.goto(`${baseUrl}/policies/task-routing/`);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('#starlight__sidebar').isVisible()).resolves.toBe(false);
    await expect(page.locator('site-search').first().isVisible()).resolves.toBe(false);
    await expect(page.locator('main table').first().isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });
});
