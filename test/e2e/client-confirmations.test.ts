import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, openSignedInBrowser } from '../support/e2e.ts';

const baseUrl = inject('baseUrl');
const BAKERY = `${baseUrl}/clients/demo-client-bakery`;

// Destructive actions on the client and people pages ask first, and both steps work with
// JavaScript off: the question is a <details> disclosure holding the real POST form. Playwright
// cannot evaluate in a page without scripts, so axe and the width run on a scripted page (`look`).
describe('client and people pages without JavaScript', () => {
  let browser: Browser;
  let noScript: BrowserContext;
  let cs: Page;
  let admin: Page;
  let look: Page;
  beforeAll(async () => {
    let signedCs: Page;
    let signedAdmin: Page;
    ({
      browser,
      pages: [signedCs, signedAdmin],
    } = await openSignedInBrowser('cs@ponte.example', 'admin@ponte.example'));
    const withoutScript = async (signed: Page) => {
      const context = await browser.newContext({ locale: 'pt-BR', javaScriptEnabled: false });
      await context.addCookies(await signed.context().cookies());
      return context;
    };
    look = signedCs;
    noScript = await withoutScript(signedCs);
    cs = await noScript.newPage();
    admin = await (await withoutScript(signedAdmin)).newPage();
  });
  afterAll(() => browser?.close());

  it('shows a new contact’s WhatsApp formatted, with a chat link', async () => {
    await cs.goto(BAKERY);
    await cs.locator('summary', { hasText: 'Incluir contato' }).click();
    await cs.getByLabel('Nome', { exact: true }).fill('Bia Barros');
    await cs.getByLabel('E-mail', { exact: true }).fill('bia@padaria.example');
    await cs.getByLabel('WhatsApp', { exact: true }).fill('+5511912345678');
    await cs.getByRole('button', { name: 'Salvar contato' }).click();
    await expect(cs.getByRole('status').textContent()).resolves.toContain('Contato salvo');
    const chat = cs.getByRole('link', { name: /Bia Barros no WhatsApp/ });
    await expect(chat.textContent()).resolves.toBe('+55 11 91234-5678');
    await expect(chat.getAttribute('href')).resolves.toBe('https://wa.me/5511912345678');
    await look.goto(BAKERY);
    await expectAccessible(look);
  });

  it('asks before removing a contact, and removes only once confirmed', async () => {
    await cs.setViewportSize({ width: 390, height: 844 });
    await cs.goto(BAKERY);
    const row = cs.getByRole('row', { name: /Bia Barros/ });
    await row.locator('summary', { hasText: 'Remover' }).click();
    await expect(row.locator('.confirm-step p').textContent()).resolves.toContain(
      'Remover Bia Barros dos contatos?',
    );
    await look.setViewportSize({ width: 390, height: 844 });
    await look.goto(BAKERY);
    const seen = look.getByRole('row', { name: /Bia Barros/ });
    await seen.locator('summary', { hasText: 'Remover' }).click();
    await expect(
      look.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).resolves.toBe(true);
    await expectAccessible(look);
    await row.getByRole('button', { name: 'Sim, remover' }).click();
    await expect(cs.getByRole('status').textContent()).resolves.toContain('Contato removido');
    await expect(cs.getByRole('row', { name: /Bia Barros/ }).count()).resolves.toBe(0);
  });

  it('changes the client’s details on their own page, reached from the summary list', async () => {
    await cs.setViewportSize({ width: 1280, height: 800 });
    await cs.goto(BAKERY);
    await cs.getByRole('link', { name: 'Alterar Segmento' }).click();
    await cs.waitForURL(`${BAKERY}/edit#field-segment`);
    const crumbs = cs.locator('nav.breadcrumbs a');
    await expect(crumbs.first().textContent()).resolves.toBe('Clientes');
    await expect(crumbs.nth(1).textContent()).resolves.toBe('Padaria Pão Quente');
    await expect(cs.locator('main').textContent()).resolves.not.toMatch(/webhook/i);
    await look.setViewportSize({ width: 1280, height: 800 });
    await look.goto(`${BAKERY}/edit`);
    await expectAccessible(look);
    await cs.getByLabel('Segmento').fill('Padaria artesanal');
    await cs.getByRole('button', { name: 'Salvar cliente' }).click();
    await cs.waitForURL(BAKERY);
    await expect(cs.getByRole('status').textContent()).resolves.toContain('Cliente salvo');
    await expect(cs.locator('.summary-list').textContent()).resolves.toContain('Padaria artesanal');
  });

  it('asks before taking someone off a team', async () => {
    await cs.goto(BAKERY);
    const summary = cs.locator('summary', { hasText: 'Tirar da equipe' }).first();
    await summary.click();
    await expect(cs.locator('details[open] .confirm-step p').textContent()).resolves.toMatch(
      /^Tirar .+ da equipe/,
    );
    // Not confirmed: nothing changed.
    await cs.goto(BAKERY);
    await expect(
      cs.locator('summary', { hasText: 'Tirar da equipe' }).count(),
    ).resolves.toBeGreaterThan(0);
  });

  it('asks before deactivating a person, with what it does', async () => {
    await admin.goto(`${baseUrl}/admin/people/demo-design`);
    await expect(admin.locator('nav.breadcrumbs a').textContent()).resolves.toBe('Pessoas');
    await admin.locator('summary', { hasText: 'Desativar conta' }).click();
    await expect(admin.locator('.confirm-step p').textContent()).resolves.toContain(
      'perde o acesso na hora',
    );
    await expect(admin.getByRole('button', { name: 'Sim, desativar' }).isVisible()).resolves.toBe(
      true,
    );
  });
});
