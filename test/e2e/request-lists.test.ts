import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, openSignedInBrowser } from '../support/e2e.ts';

// CS's request list (#18), paged through its address: whatever the page value, the built
// Worker answers with the list (never a 5xx), the count, and a way back to the first page.
// The demo's two requests fill one page; the paging itself is proven on the database
// (test/integration/request-lists-paging.test.ts) and in the component's test.

const baseUrl = inject('baseUrl');

describe('CS’s request list, whatever page its address asks for', () => {
  let browser: Browser;
  let cs: Page;
  beforeAll(async () => {
    ({
      browser,
      pages: [cs],
    } = await openSignedInBrowser('cs@ponte.example'));
  });
  afterAll(() => browser?.close());

  it('shows the first page for a page that is no whole number from 1', async () => {
    await cs.setViewportSize({ width: 390, height: 844 });
    for (const bad of ['abc', '0', '-1', '1.5', '99999999999']) {
      const response = await cs.goto(`${baseUrl}/requests?page=${bad}`);
      expect(response?.status(), bad).toBe(200);
      await expect(cs.getByRole('status').first().textContent()).resolves.toMatch(/Pedidos: \d+/);
      await expect(cs.locator('table.stack-table tbody tr').count()).resolves.toBeGreaterThan(0);
    }
    await expectAccessible(cs);
  });

  it('shows a page past the end empty, with the count and the way to the first page', async () => {
    const response = await cs.goto(`${baseUrl}/requests?page=999999`);
    expect(response?.status()).toBe(200);
    await expect(cs.locator('table.stack-table').count()).resolves.toBe(0);
    const first = cs.getByRole('link', { name: 'Ir para a primeira página' });
    await expect(first.getAttribute('href')).resolves.toBe('/requests');
    await expectAccessible(cs);
    await first.click();
    await cs.waitForURL(`${baseUrl}/requests`);
    await expect(cs.locator('table.stack-table tbody tr').count()).resolves.toBeGreaterThan(0);
  });
});
