import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addDaysToIsoDate, isoDateInZone, policy } from '../../src/policy/index.ts';
import { expectAccessible, mailTo, openSignedInBrowser } from '../support/e2e.ts';
import { CAPTURED_PATH } from '../support/mail-capture-server.ts';

// The satisfaction question end to end, on a client of its own (the demo clients' contacts
// keep their inboxes and pipelines): CS records the 7-day check-in, each contact gets one
// question; one rates on a phone from the e-mailed link, one gives a low score that becomes
// CS's task, a scanner's hidden link closes the third's. Then a refund on the client page.

const baseUrl = inject('baseUrl');
const mailUrl = inject('mailUrl');
const serverNow = () => new Date(Date.now() + inject('clockOffsetMs'));
const stamp = Date.now().toString(36);
const CLIENT = `Floricultura ${stamp}`;
const CONTACTS = ['ana', 'bia', 'caio'].map((name) => ({
  name: `${name[0]?.toUpperCase()}${name.slice(1)} ${stamp}`,
  email: `${name}.${stamp}@flores.example`,
}));
const [ANA, BIA, CAIO] = CONTACTS as [
  (typeof CONTACTS)[0],
  (typeof CONTACTS)[0],
  (typeof CONTACTS)[0],
];
const LINK = /https?:\/\/\S+\/satisfaction\/[a-z2-7]{32}\?score=\d/;
const WAIT_MS = policy.satisfaction.minSecondsOnPage * 1000 + 300;

/** The e-mailed link with the rating chosen. */
async function surveyLink(to: string, score: number) {
  const { match } = await mailTo(to, LINK);
  return match.replace(/score=\d/, `score=${score}`);
}

/** A contact's phone: no session, Portuguese, 390×844. */
async function phone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    locale: 'pt-BR',
    viewport: { width: 390, height: 844 },
  });
  return context.newPage();
}

async function expectFitsPhone(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

describe('the satisfaction question and refunds', () => {
  let browser: Browser;
  let cs: Page;
  let clientPath = '';
  beforeAll(async () => {
    ({
      browser,
      pages: [cs],
    } = await openSignedInBrowser('cs@ponte.example'));
  });
  afterAll(() => browser?.close());

  it('CS records the 7-day check-in; each contact is e-mailed one question', async () => {
    await cs.setViewportSize({ width: 1280, height: 800 });
    await cs.goto(`${baseUrl}/clients/new`);
    await cs.getByLabel('Nome do cliente').fill(CLIENT);
    await cs
      .getByLabel('Início do serviço')
      .fill(addDaysToIsoDate(isoDateInZone(serverNow(), policy.agency.timeZone), -5));
    await cs.locator('form[action="/api/clients"] button[type="submit"]').click();
    await cs.waitForURL(/\/clients\/[^/]+$/);
    clientPath = new URL(cs.url()).pathname;
    for (const contact of CONTACTS) {
      await cs.locator('summary', { hasText: 'Incluir contato' }).click();
      await cs.getByLabel('Nome', { exact: true }).fill(contact.name);
      await cs.getByLabel('E-mail', { exact: true }).fill(contact.email);
      await cs.getByRole('button', { name: 'Salvar contato' }).click();
      await expect(cs.getByRole('status').textContent()).resolves.toContain('Contato salvo');
    }
    await cs.getByLabel('Etapa', { exact: true }).selectOption('checked_in');
    await cs.getByRole('button', { name: 'Registrar etapa' }).click();
    await expect(cs.getByRole('status').textContent()).resolves.toBe('Etapa registrada.');
    for (const contact of CONTACTS) {
      const mail = await mailTo(contact.email, LINK);
      expect(mail.subject).toMatch(/Uma pergunta/);
      expect(mail.text).toContain(`nosso trabalho para ${CLIENT}`);
    }
  });

  it('a contact rates from the e-mailed link on a phone; a scanner’s visits before count for nothing', async () => {
    const link = await surveyLink(ANA.email, 4);
    // A link scanner: GET, HEAD and a prefetch of the e-mailed addresses.
    for (const method of ['GET', 'HEAD'])
      for (const headers of [{}, { 'Sec-Purpose': 'prefetch' }] as Record<string, string>[])
        expect(
          (await fetch(link.replace('score=4', 'score=1'), { method, headers, redirect: 'manual' }))
            .status,
        ).toBe(200);
    const page = await phone(browser);
    await page.goto(link);
    await expect(page.locator('h1').textContent()).resolves.toBe('Como foi o nosso trabalho?');
    await expect(page.getByRole('radio', { name: /4 · Satisfeito/ }).isChecked()).resolves.toBe(
      true,
    );
    await expectAccessible(page);
    await expectFitsPhone(page);
    await page
      .getByLabel('Quer nos contar algo? (opcional)')
      .fill('Flores lindas, entrega no prazo.');
    await page.waitForTimeout(WAIT_MS);
    await page.getByRole('button', { name: 'Enviar minha nota' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      'Obrigado! Sua nota foi registrada.',
    );
    await expect(page.locator('h1').textContent()).resolves.toBe('Obrigado!');
    await expectAccessible(page);
    // The same link again: answered, nothing to send.
    await page.goto(link);
    await expect(page.locator('main').textContent()).resolves.toContain('Sua nota: 4 de 5');
    await expect(page.getByRole('button', { name: 'Enviar minha nota' }).count()).resolves.toBe(0);
    await page.context().close();
  });

  it('a low score sent too quickly is asked again, then becomes a task CS sees', async () => {
    const page = await phone(browser);
    await page.goto(await surveyLink(BIA.email, 1));
    await page.getByRole('button', { name: 'Enviar minha nota' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Confirme sua nota');
    await expect(
      page.getByRole('radio', { name: /1 · Muito insatisfeito/ }).isChecked(),
    ).resolves.toBe(true);
    await expectAccessible(page);
    await page.getByLabel('Quer nos contar algo? (opcional)').fill('As flores chegaram murchas.');
    await page.waitForTimeout(WAIT_MS);
    await page.getByRole('button', { name: 'Enviar minha nota' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      'Seu atendimento vai entrar em contato',
    );
    await page.context().close();

    const mail = await mailTo('cs@ponte.example', new RegExp(`${BIA.name}.*nota 1 de 5`));
    expect(mail.subject).toContain(CLIENT);
    await cs.goto(`${baseUrl}/tasks`);
    const task = cs.getByRole('link', { name: new RegExp(`Entrar em contato com ${BIA.name}`) });
    await task.first().click();
    await expect(cs.locator('main').textContent()).resolves.toContain(
      'As flores chegaram murchas.',
    );
    await expectAccessible(cs);
  });

  it('the hidden link a scanner follows closes the question for good', async () => {
    const delivered = (await (await fetch(`${mailUrl}${CAPTURED_PATH}`)).json()) as {
      to: string | string[];
      html: string;
    }[];
    const html = delivered.filter((m) => [m.to].flat().includes(CAIO.email)).at(-1)?.html ?? '';
    const trap = /href="([^"]+\/void)" rel="nofollow" aria-hidden="true"/.exec(html)?.[1] ?? '';
    expect(trap).not.toBe('');
    expect((await fetch(trap.replaceAll('&amp;', '&'))).status).toBe(410);
    const page = await phone(browser);
    await page.goto(await surveyLink(CAIO.email, 5));
    await expect(page.locator('h1').textContent()).resolves.toBe('Esta pergunta foi encerrada');
    await expect(page.getByRole('button', { name: 'Enviar minha nota' }).count()).resolves.toBe(0);
    await expectAccessible(page);
    await page.context().close();
  });

  it('CS records the client’s refund on its page, at phone size; a day in the future is refused on its field', async () => {
    await cs.setViewportSize({ width: 390, height: 844 });
    await cs.goto(`${baseUrl}${clientPath}`);
    await cs.locator('summary', { hasText: 'Registrar o reembolso' }).click();
    const today = isoDateInZone(serverNow(), policy.agency.timeZone);
    await cs.getByLabel('Dia em que o cliente pediu').fill(addDaysToIsoDate(today, 1));
    await cs.getByRole('button', { name: 'Registrar o reembolso' }).click();
    await expect(cs.getByRole('alert').textContent()).resolves.toContain(
      'não pode estar no futuro',
    );
    await expect(cs.locator('#field-requestedOn').getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );
    await expectAccessible(cs);
    await cs.getByLabel('Dia em que o cliente pediu').fill(today);
    await cs.getByLabel('Observação (opcional)').fill('Pediu pelo WhatsApp');
    await cs.getByRole('button', { name: 'Registrar o reembolso' }).click();
    await expect(cs.getByRole('status').textContent()).resolves.toContain('Reembolso registrado');
    await expect(cs.locator('#refunds').locator('..').textContent()).resolves.toContain(
      'Pediu pelo WhatsApp',
    );
    await expect(cs.locator('main').textContent()).resolves.toContain(
      'registrou que o cliente pediu reembolso',
    );
    await expectFitsPhone(cs);
    await expectAccessible(cs);
  });
});
