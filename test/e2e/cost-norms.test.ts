import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, openSignedInBrowser } from '../support/e2e.ts';

const baseUrl = inject('baseUrl');

/**
 * A client's own cost norms (#20), without JavaScript. The demo clients' norms are only read
 * (the campaigns suite compares against them); the CS saves norms of a client of its own.
 */
describe('a client’s cost norms', () => {
  let browser: Browser;
  let cs: Page;
  let paid: Page;
  beforeAll(async () => {
    ({
      browser,
      pages: [cs, paid],
    } = await openSignedInBrowser('cs@ponte.example', 'trafego.pago@ponte.example'));
    for (const page of [cs, paid]) await page.context().route('**/*.js', (route) => route.abort());
  });
  afterAll(() => browser?.close());

  it('the paid-traffic partner on the team finds them from the client, demo values marked', async () => {
    await paid.setViewportSize({ width: 1280, height: 800 });
    await paid.goto(`${baseUrl}/clients/demo-client-clinic`);
    await paid.getByRole('link', { name: 'Normas de custo das campanhas' }).click();
    await paid.waitForURL(`${baseUrl}/clients/demo-client-clinic/cost-norms`);
    await expect(paid.locator('main').textContent()).resolves.toContain('valores de demonstração');
    await expect(paid.locator('#field-max-CPL-any').inputValue()).resolves.toBe('40,00');
    await expect(paid.locator('#field-currency').inputValue()).resolves.toBe('BRL');
    // The agency's reference is in roubles: said, since BRL figures are not compared with it.
    await expect(paid.locator('main').textContent()).resolves.toContain(
      'As normas da agência estão em RUB',
    );
    await expectAccessible(paid);
  });

  it('CS saves a client’s norms typed the Brazilian way, and a zero comes back on its field', async () => {
    await cs.setViewportSize({ width: 1280, height: 800 });
    await cs.goto(`${baseUrl}/clients/new`);
    await cs.getByLabel('Nome do cliente').fill('Loja das Normas');
    await cs.locator('form[action="/api/clients"] button[type="submit"]').click();
    await cs.waitForURL(/\/clients\/[^/]+$/);
    const editor = `${cs.url()}/cost-norms`;
    await cs.getByRole('link', { name: 'Normas de custo das campanhas' }).click();
    await cs.waitForURL(editor);
    await expect(cs.locator('main').textContent()).resolves.toContain(
      'ainda não tem normas próprias',
    );
    await cs.locator('#field-max-CPC-feed').fill('1,50');
    await cs.locator('#field-max-CPL-any').fill('35');
    await cs.getByRole('button', { name: 'Salvar normas' }).click();
    await cs.waitForURL(editor);
    await expect(cs.getByRole('status').first().textContent()).resolves.toContain(
      'Normas de custo salvas.',
    );
    await expect(cs.locator('#field-max-CPC-feed').inputValue()).resolves.toBe('1,50');
    await expect(cs.locator('#field-max-CPL-any').inputValue()).resolves.toBe('35,00');

    await cs.setViewportSize({ width: 390, height: 844 });
    await cs.locator('#field-max-CPC-stories').fill('0');
    await cs.getByRole('button', { name: 'Salvar normas' }).click();
    await cs.waitForURL(editor);
    const summary = cs.getByRole('alert');
    await expect(summary.getByRole('link').getAttribute('href')).resolves.toBe(
      '#field-max-CPC-stories',
    );
    await expect(cs.locator('#field-max-CPC-stories').getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );
    await expect(cs.locator('#field-max-CPC-stories').inputValue()).resolves.toBe('0');
    const overflow = await cs.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(cs);
  });
});
