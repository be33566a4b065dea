import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoPng } from '../../db/demo-png.ts';
import { expectAccessible, mailTo, openSignedInBrowser } from '../support/e2e.ts';

const baseUrl = inject('baseUrl');
const PHONE = { width: 390, height: 844 };
const BAKERY = 'demo-client-bakery';
// A contact of this suite's own (the bakery's demo contacts belong to other suites).
const CONTACT = { name: 'Bia Sem Script', email: `bia.${Date.now()}@paoquente.example` };
const TITLE = 'Campanha de São João sem JS';

/**
 * The request form works without JavaScript: a contact signs in to the space, fills a
 * project request with a reference file, saves the draft and sends it, with plain posts;
 * then CS authorizes it naming its pieces, and each piece shows the request and its file.
 */
describe('the request form without JavaScript', () => {
  let browser: Browser;
  let cs: Page;
  let contact: Page;
  // axe-core runs as a script, which the contact's page does not run: each of their pages is
  // checked again in a page that runs scripts, signed in with the contact's cookies.
  let checker: Page;
  const expectContactPageAccessible = async () => {
    await checker.context().addCookies(await contact.context().cookies());
    await checker.goto(contact.url());
    await expectAccessible(checker);
  };
  let requestId = '';

  beforeAll(async () => {
    ({
      browser,
      pages: [cs],
    } = await openSignedInBrowser('cs@ponte.example'));
    const created = await cs.request.post(`${baseUrl}/api/clients/${BAKERY}/contacts`, {
      data: { ...CONTACT, locale: 'pt-BR', mayUseSpace: true },
      headers: { Origin: baseUrl },
    });
    expect(created.status(), await created.text()).toBe(200);
    const context = await browser.newContext({
      locale: 'pt-BR',
      viewport: PHONE,
      javaScriptEnabled: false,
    });
    contact = await context.newPage();
    checker = await (await browser.newContext({ locale: 'pt-BR', viewport: PHONE })).newPage();
    // A step that cannot happen fails in seconds, with the page it was on.
    contact.setDefaultTimeout(10_000);
    cs.setDefaultTimeout(10_000);
  });
  afterAll(() => browser?.close());

  it('signs the contact in with the e-mailed link, with plain forms', async () => {
    await contact.goto(`${baseUrl}/space/sign-in`);
    await contact.getByLabel('E-mail').fill(CONTACT.email);
    await contact.getByRole('button', { name: 'Enviar link' }).click();
    await contact.waitForURL(`${baseUrl}/space/sign-in/sent`);
    const link = await mailTo(CONTACT.email, /https?:\/\/\S+\/space\/sign-in\/confirm\?token=\S+/);
    await contact.goto(link.match);
    await contact.getByRole('button', { name: 'Entrar', exact: true }).click();
    await contact.waitForURL(`${baseUrl}/space`);
  });

  it('fills the form with a file, saves the draft, then sends it', async () => {
    await contact.goto(`${baseUrl}/space/requests/new?kind=project`);
    await expectContactPageAccessible();
    await contact.getByLabel('Nome do projeto').fill(TITLE);
    await contact.getByLabel('O que você precisa').fill('Posts e um cartaz para a festa junina.');
    await contact.getByLabel('Para quando').fill('2027-06-20');
    await contact.getByLabel('Arquivo de referência').setInputFiles({
      name: 'bandeirinhas.png',
      mimeType: 'image/png',
      buffer: Buffer.from(demoPng(400, 300, [240, 160, 40])),
    });
    await contact.getByRole('button', { name: 'Gravar rascunho' }).click();
    await contact.waitForLoadState();
    expect(await contact.locator('body').textContent(), contact.url()).toContain(
      'Rascunho gravado.',
    );
    // The draft kept the answers and the file.
    await expect(contact.getByLabel('Nome do projeto').inputValue()).resolves.toBe(TITLE);
    await expect(contact.locator('main').textContent()).resolves.toContain('bandeirinhas.png');
    await expectContactPageAccessible();
    await contact.getByRole('button', { name: 'Enviar à agência' }).click();
    await contact.waitForLoadState();
    expect(await contact.locator('body').textContent(), contact.url()).toContain(
      'Seu pedido foi enviado',
    );
    expect(contact.url()).toMatch(/\/space\/requests\/[\w-]+$/);
    await expectContactPageAccessible();
    requestId = new URL(contact.url()).pathname.split('/').pop() ?? '';
    await contact.goto(`${baseUrl}/space/requests`);
    const listed = await contact.locator('main').textContent();
    expect(listed).toContain(TITLE);
    expect(listed).toContain('Aberto pelo cliente');
    await expectContactPageAccessible();
  });

  it('lets CS authorize it with the pieces named; each piece shows the request and its file', async () => {
    expect(requestId).not.toBe('');
    await cs.goto(`${baseUrl}/requests/${requestId}`);
    const pieces = cs.getByLabel('Peças para começar, uma por linha');
    await expect(pieces.inputValue()).resolves.toBe(TITLE);
    await pieces.fill('Post da festa\nCartaz da vitrine');
    await cs.getByLabel('Tipo de peça').selectOption('social_post');
    await expectAccessible(cs);
    await cs.getByRole('button', { name: 'Autorizar', exact: true }).click();
    await expect(cs.getByRole('status').first().textContent()).resolves.toContain(
      'Pedido autorizado',
    );
    await expect(cs.locator('main').textContent()).resolves.toContain(`O projeto “${TITLE}”`);
    await cs.goto(`${baseUrl}/pieces?client=${BAKERY}`);
    await cs.getByRole('link', { name: 'Cartaz da vitrine' }).first().click();
    await expect(cs.locator('main').textContent()).resolves.toContain('Do pedido do cliente');
    const file = await cs.getByRole('link', { name: 'bandeirinhas.png' }).getAttribute('href');
    const download = await cs.request.get(`${baseUrl}${file}`);
    expect(download.status()).toBe(200);
    await expectAccessible(cs);
  });
});
