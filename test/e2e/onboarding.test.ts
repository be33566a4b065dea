import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CURRENT_ONBOARDING } from '../../src/questionnaires/index.ts';
import { expectAccessible, mailTo, openSignedInBrowser } from '../support/e2e.ts';

const baseUrl = inject('baseUrl');
const CLIENT = '/clients/demo-client-bakery';
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** Required answers, valid, for the parts of the questionnaire the test does not type. */
const requiredAnswers = Object.fromEntries(
  CURRENT_ONBOARDING.sections
    .flatMap((s) => s.questions)
    .filter((q) => q.required && q.kind !== 'files' && q.id !== 'story')
    .map((q) => [
      q.id,
      q.kind === 'email'
        ? 'rita@paoquente.example'
        : q.kind === 'phone'
          ? '+5511987650001'
          : `Resposta de ${q.id}`,
    ]),
);

describe('client onboarding in a real browser', () => {
  let browser: Browser;
  let cs: Page;
  let link: string;
  beforeAll(async () => {
    ({
      browser,
      pages: [cs],
    } = await openSignedInBrowser('cs@ponte.example'));
  });
  afterAll(() => browser?.close());

  it('lets CS send the questionnaire to a contact from the client page', async () => {
    await cs.goto(`${baseUrl}/clients`);
    await expectAccessible(cs);
    await cs.getByRole('link', { name: 'Padaria Pão Quente' }).click();
    await cs.waitForURL(`${baseUrl}${CLIENT}`);
    await expectAccessible(cs);
    await cs.getByRole('checkbox', { name: /Rita Moraes/ }).check();
    await cs.getByRole('button', { name: 'Enviar o questionário' }).click();
    await expect(cs.getByRole('status').textContent()).resolves.toContain('1 contato');
    link = (await mailTo('rita@paoquente.example', /https?:\/\/\S+\/onboarding\/[a-z2-7]{32}/))
      .match;
  });

  it('saves as the client types, and resumes on another device days later', async () => {
    const phone = await browser.newPage({ locale: 'pt-BR' });
    await phone.goto(link);
    expect(phone.url()).toMatch(/\/onboarding\/[a-z2-7]{32}\/person$/);
    await expectAccessible(phone);
    await phone.getByLabel(/Conte um pouco da sua trajetória/).fill('Abrimos a padaria em 2010.');
    await expect(
      phone.locator('[data-autosave-status]').getByText('Salvo automaticamente').waitFor(),
    ).resolves.toBeUndefined();
    await phone.close();

    const laptop = await (await browser.newContext({ locale: 'pt-BR' })).newPage();
    await laptop.goto(link);
    await expect(laptop.getByLabel(/Conte um pouco da sua trajetória/).inputValue()).resolves.toBe(
      'Abrimos a padaria em 2010.',
    );
    // "Next" with required answers missing: the messages sit next to their fields, nothing typed is lost.
    await laptop.getByLabel(/O que você espera da nossa parceria/).fill('Crescer com dados');
    await laptop.getByRole('button', { name: 'Salvar e continuar' }).click();
    await laptop.waitForURL(/\/person$/);
    await expect(laptop.locator('#field-goals-error').textContent()).resolves.toBe(
      'O que você quer alcançar com o marketing digital? — Preencha este campo.',
    );
    await expect(
      laptop.getByLabel(/O que você espera da nossa parceria/).inputValue(),
    ).resolves.toBe('Crescer com dados');
    await expectAccessible(laptop);
    await laptop.context().close();
  });

  it('stores a chosen file that was not sent with its own button, and refuses a bad one with the field marked', async () => {
    const page = await browser.newPage({ locale: 'pt-BR' });
    await page.goto(`${link}/materials`);
    // Chosen, never sent with "Enviar arquivo": "Salvar e continuar" takes it along.
    await page
      .getByLabel('Escolher arquivos')
      .first()
      .setInputFiles({ name: 'pesquisa.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: 'Salvar e continuar' }).click();
    await page.waitForURL(/\/access$/);
    await expect(page.getByRole('status').textContent()).resolves.toContain('arquivos enviados');
    await page.goto(`${link}/materials`);
    await expect(
      page
        .locator('.uploaded-files')
        .getByText(/pesquisa\.pdf/)
        .first()
        .waitFor(),
    ).resolves.toBeUndefined();
    await page.getByLabel(/Links para pastas on-line/).fill('https://drive.example/padaria');
    await page.locator('#field-materials').setInputFiles({
      name: 'virus.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('MZ\x90\x00'),
    });
    await page.getByRole('button', { name: 'Salvar e continuar' }).click();
    await page.waitForURL(/\/materials$/);
    // Refused, not dropped: the field is marked, the summary links to it, the typing is kept.
    await expect(page.locator('#field-materials').getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );
    await expect(page.locator('#field-materials-error').textContent()).resolves.toMatch(
      /“virus.pdf” não foi enviado: .*não é aceito/,
    );
    await expect(page.getByLabel(/Links para pastas on-line/).inputValue()).resolves.toBe(
      'https://drive.example/padaria',
    );
    await expect(page.locator('.uploaded-files').getByText('virus.pdf').count()).resolves.toBe(0);
    await expectAccessible(page);
    await page.close();
  });

  it('keeps a chosen file without JavaScript too: the plain form takes it along', async () => {
    const context = await browser.newContext({ locale: 'pt-BR', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${link}/materials`);
    await page.locator('#field-materials').setInputFiles({
      name: 'lista.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Lista de produtos\n'),
    });
    await page.getByRole('button', { name: 'Salvar e continuar' }).click();
    await page.waitForURL(/\/access$/);
    await page.goto(`${link}/materials`);
    await expect(
      page
        .locator('.uploaded-files')
        .getByText(/lista\.txt/)
        .first()
        .waitFor(),
    ).resolves.toBeUndefined();
    await context.close();
  });

  it('fits a 390 px phone, with the sections as a task list of their states', async () => {
    const phone = await browser.newPage({ locale: 'pt-BR', viewport: { width: 390, height: 844 } });
    for (const section of [...CURRENT_ONBOARDING.sections.map((s) => s.id), 'review']) {
      await phone.goto(`${link}/${section}`);
      const [scrollWidth, innerWidth] = await phone.evaluate(() => [
        document.documentElement.scrollWidth,
        window.innerWidth,
      ]);
      expect(scrollWidth, section).toBeLessThanOrEqual(innerWidth);
    }
    const sections = phone.getByRole('navigation', { name: 'Seções do questionário' });
    await expect(sections.getByRole('listitem').first().textContent()).resolves.toMatch(
      /Sobre você.*Em andamento/,
    );
    await expect(
      sections.getByRole('listitem').filter({ hasText: 'Pesquisas e materiais' }).textContent(),
    ).resolves.toMatch(/Concluída/);
    await expectAccessible(phone);
    await phone.close();
  });

  it('submits with consent, thanks the client, and tells CS by e-mail', async () => {
    const page = await browser.newPage({ locale: 'pt-BR' });
    const token = link.split('/').pop();
    const saved = await page.request.post(`${baseUrl}/api/onboarding/${token}/answers`, {
      data: { answers: requiredAnswers },
      headers: { Origin: baseUrl },
    });
    expect(saved.status()).toBe(200);
    await page.goto(`${link}/review`);
    await expectAccessible(page);
    // Every answer before the irreversible submit, each with a way to change it; files by name.
    const review = page.locator('main');
    await expect(review.textContent()).resolves.toContain('Abrimos a padaria em 2010.');
    await expect(review.textContent()).resolves.toContain('pesquisa.pdf');
    await expect(
      page
        .getByRole('link', { name: /Alterar Conte um pouco da sua trajetória/ })
        .getAttribute('href'),
    ).resolves.toBe(`/onboarding/${token}/person?change=1#field-story`);
    await page.getByRole('button', { name: 'Enviar o questionário' }).click();
    await expect(page.locator('#field-consent-error').textContent()).resolves.toContain(
      'privacidade',
    );
    await page.getByLabel(/Li o aviso de privacidade/).check();
    await page.getByRole('button', { name: 'Enviar o questionário' }).click();
    await page.waitForURL(link);
    await expect(page.locator('h1').textContent()).resolves.toBe('Obrigado!');
    await expectAccessible(page);
    const mail = await mailTo('cs@ponte.example', /\/clients\/demo-client-bakery\/onboarding/);
    expect(mail.subject).toBe('Padaria Pão Quente enviou o questionário');
    await page.close();
  });

  it('shows CS the answers on one printable page, with the deadlines that started', async () => {
    await cs.goto(`${baseUrl}${CLIENT}`);
    await expect(cs.getByText(/Estratégia: até/).count()).resolves.toBe(1);
    await cs.goto(`${baseUrl}${CLIENT}/onboarding`);
    await expect(cs.locator('main').textContent()).resolves.toContain('Abrimos a padaria em 2010.');
    await expectAccessible(cs);
  });

  it('gives a revoked link a clear page', async () => {
    await cs.goto(`${baseUrl}/clients/demo-client-clinic`);
    await cs.getByRole('checkbox', { name: /Marina Costa/ }).check();
    await cs.getByRole('button', { name: 'Enviar o questionário' }).click();
    const clinicLink = (
      await mailTo('marina@sorrisoleve.example', /https?:\/\/\S+\/onboarding\/[a-z2-7]{32}/)
    ).match;
    // Revoking asks first: the disclosure opens the question, its button revokes.
    const marina = cs.getByRole('row', { name: /Marina Costa/ });
    await marina.locator('summary', { hasText: 'Revogar link' }).click();
    await marina.getByRole('button', { name: 'Sim, revogar o link' }).click();
    const page = await browser.newPage({ locale: 'pt-BR' });
    const response = await page.goto(clinicLink);
    expect(response?.status()).toBe(410);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('desativado');
    await expectAccessible(page);
    await page.close();
  });
});
