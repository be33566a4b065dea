import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/server/auth/session-cookie.ts';
import { launchBrowser } from '../support/browser.ts';
import { expectAccessible, signInLinkMailedTo } from '../support/e2e.ts';

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
    await expect(adminPage.locator('#roles-error').textContent()).resolves.toContain('papel');
    await expectAccessible(adminPage);

    await adminPage.getByLabel('E-mail').fill(invitee);
    await adminPage.getByLabel('Design').check();
    await adminPage.getByRole('button', { name: 'Enviar convite' }).click();
    await adminPage.waitForURL(/\/admin\/people\/[0-9a-f-]{36}$/);
    await expect(adminPage.getByRole('status').textContent()).resolves.toContain(invitee);
    await expectAccessible(adminPage);
    await adminPage.goto(`${baseUrl}/admin/people`);
    await expect(adminPage.getByRole('cell', { name: invitee })).toBeTruthy();
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

  it('shows an accessible 404 page for a person who does not exist', async () => {
    const response = await adminPage.goto(`${baseUrl}/admin/people/nobody`);
    expect(response?.status()).toBe(404);
    await expectAccessible(adminPage);
  });
});
