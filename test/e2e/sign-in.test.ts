import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/server/auth/session-cookie.ts';
import { launchBrowser } from '../support/browser.ts';
import { expectAccessible, signedInPage, signInLinkMailedTo } from '../support/e2e.ts';

const baseUrl = inject('baseUrl');

/** Follows an e-mailed link in the browser and confirms it, as a person does. */
async function followLink(page: Page, link: string) {
  await page.goto(link);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await page.waitForURL(`${baseUrl}/partner`);
}

describe('partner sign-in in a real browser', () => {
  let browser: Browser;
  let admin: BrowserContext;
  let adminPage: Page;
  const invitee = `nova.parceira.${Date.now()}@ponte.example`;

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await browser.newContext({ locale: 'pt-BR' });
    adminPage = await admin.newPage();
  });
  afterAll(() => browser?.close());

  it('sends a signed-out visitor of the partner area to the sign-in page', async () => {
    const page = await browser.newPage({ locale: 'pt-BR' });
    await page.goto(`${baseUrl}/partner`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await expectAccessible(page);
    await page.close();
  });

  it('signs the admin in by e-mail: request, link, confirm, dashboard', async () => {
    await adminPage.goto(`${baseUrl}/sign-in`);
    await adminPage.getByLabel('E-mail').fill('admin@ponte.example');
    await adminPage.getByRole('button', { name: 'Enviar link' }).click();
    await adminPage.waitForURL(`${baseUrl}/sign-in/sent`);
    await expectAccessible(adminPage);
    await followLink(adminPage, await signInLinkMailedTo('admin@ponte.example'));
    await expect(adminPage.locator('h1').textContent()).resolves.toContain('Ana Andrade');
    await expectAccessible(adminPage);
  });

  it('sets the session cookie as __Host-, HttpOnly, Secure and SameSite=Lax', async () => {
    const cookie = (await admin.cookies()).find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
  });

  it('lets the admin invite a person, and shows a refused form again with what was typed', async () => {
    await adminPage.goto(`${baseUrl}/admin/people/invite`);
    await expectAccessible(adminPage);
    await adminPage.getByLabel('Nome').fill('Nova Parceira');
    await adminPage.getByLabel('E-mail').fill('não é e-mail');
    await adminPage.getByRole('button', { name: 'Enviar convite' }).click();
    await adminPage.waitForURL(`${baseUrl}/admin/people/invite`);
    await expect(adminPage.getByLabel('Nome').inputValue()).resolves.toBe('Nova Parceira');
    await expect(adminPage.locator('#field-email-error').textContent()).resolves.toContain(
      'e-mail válido',
    );
    await expect(adminPage.locator('#field-roles-error').textContent()).resolves.toContain('papel');
    await expectAccessible(adminPage);

    await adminPage.getByLabel('E-mail').fill(invitee);
    await adminPage.getByLabel('Design', { exact: true }).check();
    await adminPage.getByRole('button', { name: 'Enviar convite' }).click();
    await adminPage.waitForURL(/\/admin\/people\/[0-9a-f-]{36}$/);
    await expect(adminPage.getByRole('status').textContent()).resolves.toContain(invitee);
    await expectAccessible(adminPage);
    await adminPage.goto(`${baseUrl}/admin/people`);
    expect(await adminPage.getByRole('cell', { name: invitee }).count()).toBeGreaterThan(0);
    await expectAccessible(adminPage);
  });

  it('lets the invitee accept, land on the dashboard, and fill the profile', async () => {
    const context = await browser.newContext({ locale: 'pt-BR' });
    const page = await context.newPage();
    const invitation = await signInLinkMailedTo(invitee);
    await followLink(page, invitation);
    await expect(page.locator('main').textContent()).resolves.toContain('Design');

    // A partner does not reach the admin pages.
    const refused = await page.goto(`${baseUrl}/admin/people`);
    expect(refused?.status()).toBe(403);
    await expectAccessible(page);

    await page.goto(`${baseUrl}/partner/profile`);
    await expectAccessible(page);
    await page.getByLabel('CPF ou CNPJ').fill('111.111.111-11');
    await page.getByRole('button', { name: 'Salvar perfil' }).click();
    await page.waitForURL(`${baseUrl}/partner/profile`);
    await expect(page.locator('#field-taxId-error').textContent()).resolves.toContain('CPF');
    await expect(page.getByLabel('CPF ou CNPJ').inputValue()).resolves.toBe('111.111.111-11');
    await page.getByLabel('CPF ou CNPJ').fill('12.ABC.345/01DE-35');
    await page.getByLabel('Chave PIX').fill('nova.parceira@ponte.example');
    await page.getByRole('button', { name: 'Salvar perfil' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Perfil salvo');
    await expect(page.getByLabel('CPF ou CNPJ').inputValue()).resolves.toBe('12.ABC.345/01DE-35');

    // Signing out ends the session: the partner area asks to sign in again.
    await page.getByRole('button', { name: 'Sair', exact: true }).click();
    await page.waitForURL(`${baseUrl}/sign-in`);
    await page.goto(`${baseUrl}/partner`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');

    // The invitation worked once; opening it again explains why it no longer does.
    const reopened = await page.goto(invitation);
    expect(reopened?.headers()['referrer-policy']).toBe('no-referrer');
    expect(reopened?.headers()['cache-control']).toBe('no-store');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('já foi usado');
    await expect(page.getByRole('button', { name: 'Entrar', exact: true }).count()).resolves.toBe(
      0,
    );
    await expectAccessible(page);
    await context.close();
  });

  it('keeps a deep link through sign-in: /tasks signed out, the e-mailed link, then /tasks', async () => {
    const context = await browser.newContext({ locale: 'pt-BR' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/tasks?x=1`);
    expect(page.url()).toBe(`${baseUrl}/sign-in?next=%2Ftasks%3Fx%3D1`);
    await expect(page.locator('main').textContent()).resolves.toContain('você volta para a página');
    await expectAccessible(page);
    await page.getByLabel('E-mail').fill('trafego.pago@ponte.example');
    await page.getByRole('button', { name: 'Enviar link' }).click();
    await page.waitForURL(`${baseUrl}/sign-in/sent?next=%2Ftasks%3Fx%3D1`);
    // Asking for another link from here still leads to /tasks.
    await expect(
      page.getByRole('link', { name: 'Pedir um novo link' }).getAttribute('href'),
    ).resolves.toBe('/sign-in?next=%2Ftasks%3Fx%3D1');
    const link = await signInLinkMailedTo('trafego.pago@ponte.example');
    expect(link).not.toContain('tasks');
    await page.goto(link);
    await page.getByRole('button', { name: 'Entrar', exact: true }).click();
    await page.waitForURL(`${baseUrl}/tasks?x=1`);
    expect(new URL(page.url()).pathname).toBe('/tasks');
    await context.close();
  });

  it('draws the app’s own 404, with the navigation, for unknown and missing partner-area pages', async () => {
    for (const path of [
      '/partner/xyz',
      '/clients/does-not-exist/foo',
      '/review/whatever',
      '/pieces/nope',
      '/admin/people/nobody',
    ]) {
      const response = await adminPage.goto(`${baseUrl}${path}`);
      expect(response?.status(), path).toBe(404);
      await expect(adminPage.locator('h1').textContent()).resolves.toBe('Página não encontrada');
      const main = (await adminPage.locator('main').textContent()) ?? '';
      expect(main).toContain('Confira o endereço');
      expect(main).not.toMatch(/Error|at \S+:\d+/);
      await expect(adminPage.locator('main a[href="/partner"]').count()).resolves.toBe(1);
      await expect(adminPage.locator('main a[href="/"]').count()).resolves.toBe(1);
      // The navigation is drawn around it (the home link in the header).
      expect(await adminPage.locator('header nav a[href="/partner"]').count()).toBeGreaterThan(0);
    }
    await expectAccessible(adminPage);
  });

  it('keeps the handbook’s own 404 for a handbook address', async () => {
    const page = await browser.newPage({ locale: 'pt-BR' });
    const response = await page.goto(`${baseUrl}/policies/nao-existe/`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('site-search').count()).resolves.toBeGreaterThan(0);
    await page.close();
  });

  it('tells a partner which roles a page is for, with a way home and the handbook on roles', async () => {
    const page = await signedInPage(browser, 'design@ponte.example');
    const response = await page.goto(`${baseUrl}/review/invoices`);
    expect(response?.status()).toBe(403);
    await expect(page.locator('main').textContent()).resolves.toContain(
      'Esta página é para quem tem o papel Financeiro ou Administração.',
    );
    await expect(page.locator('main a[href="/start/reading-order/"]').count()).resolves.toBe(1);
    await expect(page.locator('main a[href="/partner"]').count()).resolves.toBe(1);
    await expectAccessible(page);
    await page.context().close();
  });
});
