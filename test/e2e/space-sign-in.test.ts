import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, mailTo, openSignedInBrowser } from '../support/e2e.ts';

const baseUrl = inject('baseUrl');
const PHONE = { width: 390, height: 844 };
// Igor reads Russian; CS makes him a contact of the bakery too, so he chooses a client.
const IGOR = { id: 'demo-contact-clinic-manager', email: 'igor@sorrisoleve.example' };

/** A JSON POST from a signed-in page, same-origin as the browser sends it. */
async function post(page: Page, path: string, data: Record<string, unknown>) {
  const response = await page.request.post(`${baseUrl}${path}`, {
    data,
    headers: { Origin: baseUrl },
  });
  expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
}

/** Fails when the page is wider than a phone, or axe-core finds a violation. */
async function expectFitAndAccessible(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
}

/**
 * The client space's sign-in on a phone (#18): a contact of two clients signs in from his
 * mailbox, chooses the client, lands on the board in his language; the used link says so;
 * signing out leads back to the sign-in.
 */
describe('signing in to the client space on a phone', () => {
  let browser: Browser;
  let cs: Page;
  let igor: Page;
  let link: string;

  beforeAll(async () => {
    ({
      browser,
      pages: [cs],
    } = await openSignedInBrowser('cs@ponte.example'));
    const igorAs = (clientId: string, path: string) =>
      post(cs, `/api/clients/${clientId}/contacts${path}`, {
        name: 'Igor Petrov',
        email: IGOR.email,
        locale: 'ru',
        mayApprovePieces: true,
        mayUseSpace: true,
      });
    await igorAs('demo-client-clinic', `/${IGOR.id}`);
    await igorAs('demo-client-bakery', '');
    const context = await browser.newContext({ locale: 'ru', viewport: PHONE });
    igor = await context.newPage();
  });
  afterAll(() => browser?.close());

  it('sends a link whatever the address, and the link signs in after a confirmation', async () => {
    await igor.goto(`${baseUrl}/space`);
    expect(new URL(igor.url()).pathname).toBe('/space/sign-in');
    await expectFitAndAccessible(igor);
    await igor.getByLabel('E-mail').fill(IGOR.email);
    await igor.getByRole('button', { name: 'Отправить ссылку' }).click();
    await igor.waitForURL(`${baseUrl}/space/sign-in/sent`);
    await expectFitAndAccessible(igor);
    link = (await mailTo(IGOR.email, /https?:\/\/\S+\/space\/sign-in\/confirm\?token=[a-z2-7]{32}/))
      .match;
    await igor.goto(link);
    await expectFitAndAccessible(igor);
    await igor.getByRole('button', { name: 'Войти', exact: true }).click();
    await igor.waitForURL(`${baseUrl}/space/choose`);
    await expectFitAndAccessible(igor);
  });

  it('lets him choose the client, then shows the space in his language', async () => {
    await igor.getByRole('button', { name: 'Войти как Clínica Sorriso Leve' }).click();
    await igor.waitForURL(`${baseUrl}/space`);
    expect(await igor.locator('html').getAttribute('lang')).toBe('ru');
    const nav = igor.getByRole('navigation', { name: 'Кабинет клиента' });
    await expect(
      nav.getByRole('link', { name: 'Доска' }).getAttribute('aria-current'),
    ).resolves.toBe('page');
    await expectFitAndAccessible(igor);
  });

  it('answers an address the space does not have with its own 404, in his language', async () => {
    const missing = await igor.goto(`${baseUrl}/space/nowhere`);
    expect(missing?.status()).toBe(404);
    expect(await igor.locator('html').getAttribute('lang')).toBe('ru');
    await expect(
      igor.getByRole('navigation', { name: 'Кабинет клиента' }).isVisible(),
    ).resolves.toBe(true);
    await expectFitAndAccessible(igor);
  });

  it('says a used link is used (410), and signing out leads back to the sign-in', async () => {
    const used = await igor.goto(link);
    expect(used?.status()).toBe(410);
    await expect(igor.getByRole('alert').textContent()).resolves.toContain('уже использована');
    await expectFitAndAccessible(igor);
    await igor.goto(`${baseUrl}/space`);
    await igor.getByRole('button', { name: 'Выйти' }).click();
    await igor.waitForURL(`${baseUrl}/space/sign-in`);
    await expect(igor.getByRole('status').first().textContent()).resolves.toContain(
      'Вы вышли из кабинета клиента',
    );
    await igor.goto(`${baseUrl}/space`);
    expect(new URL(igor.url()).pathname).toBe('/space/sign-in');
  });
});
