import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoPng } from '../../db/demo-png.ts';
import { invoiceWindowAt, policy } from '../../src/policy/index.ts';
import { CURRENT_ONBOARDING } from '../../src/questionnaires/index.ts';
import {
  expectAccessible,
  mailTo,
  openSignedInBrowser,
  signInLinkMailedTo,
} from '../support/e2e.ts';

// The agency's month in one walk through a real browser: a partner joins and is paid; a
// client is registered, onboarded, and approves a piece; the deadlines follow.

const baseUrl = inject('baseUrl');
const serverNow = () => new Date(Date.now() + inject('clockOffsetMs'));
const stamp = Date.now().toString(36);
const PARTNER = `jornada.${stamp}@ponte.example`;
const CLIENT = `Cafeteria Jornada ${stamp}`;
const CONTACT = `lia.${stamp}@cafeteria.example`;
const pdf = (text: string) =>
  Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\n%%EOF\n`);

describe('the agency’s month, end to end', () => {
  let browser: Browser;
  let admin: Page;
  let partner: Page;
  let finance: Page;
  let cs: Page;
  let clientPath = '';
  beforeAll(async () => {
    ({
      browser,
      pages: [admin, finance, cs],
    } = await openSignedInBrowser(
      'admin@ponte.example',
      'financeiro@ponte.example',
      'cs@ponte.example',
    ));
  });
  afterAll(() => browser?.close());

  it('admin invites a Design partner, who joins and reads their role’s page', async () => {
    await admin.goto(`${baseUrl}/admin/people/invite`);
    await expectAccessible(admin);
    await admin.getByLabel('Nome').fill('Júlia Jornada');
    await admin.getByLabel('E-mail').fill(PARTNER);
    await admin.getByLabel('Design', { exact: true }).check();
    await admin.getByRole('button', { name: 'Enviar convite' }).click();
    await admin.waitForURL(/\/admin\/people\/[0-9a-f-]{36}$/);

    partner = await (await browser.newContext({ locale: 'pt-BR' })).newPage();
    await partner.goto(await signInLinkMailedTo(PARTNER));
    await partner.getByRole('button', { name: 'Entrar' }).click();
    await partner.waitForURL(`${baseUrl}/partner`);
    await expectAccessible(partner);
    // From the partner area to the handbook's start page, and on to the page for Design.
    await partner
      .getByRole('navigation', { name: 'Navegação principal' })
      .getByRole('link', { name: 'Manual do parceiro' })
      .click();
    await partner.locator('main a[href="/roles/design/"]').first().click();
    await partner.waitForURL(`${baseUrl}/roles/design/`);
    await expect(partner.locator('h1').textContent()).resolves.toContain('Design');
    await expectAccessible(partner);
  });

  it('the partner fills the profile and submits the month’s invoice in the window', async () => {
    await partner.goto(`${baseUrl}/partner/profile`);
    await expectAccessible(partner);
    await partner.getByLabel('CPF ou CNPJ').fill('153.509.460-56');
    await partner.getByLabel('Chave PIX').fill(PARTNER);
    await partner.getByRole('button', { name: 'Salvar perfil' }).click();
    await expect(partner.getByRole('status').textContent()).resolves.toContain('Perfil salvo');

    const { open, window } = invoiceWindowAt(serverNow(), policy);
    expect(open).toBe(true);
    await partner.goto(`${baseUrl}/partner/invoices`);
    await expectAccessible(partner);
    await partner.getByLabel('Número da nota ou fatura').fill('NF 77');
    await partner.getByLabel('Data de emissão').fill(`${window.competenceMonth}-28`);
    await partner.getByLabel(/^Valor/).fill('2.500,00');
    await partner
      .getByLabel('PDF da fatura')
      .setInputFiles({ name: 'nf-77.pdf', mimeType: 'application/pdf', buffer: pdf('77') });
    await partner.getByRole('button', { name: 'Enviar fatura' }).click();
    // The plain post comes back to the page, which lists the invoice.
    await partner.getByRole('cell', { name: 'Em revisão' }).waitFor();
    await expect(partner.getByRole('cell', { name: 'NF 77' }).count()).resolves.toBe(1);
  });

  it('finance raises a divergence, the partner corrects, finance approves and pays', async () => {
    await finance.goto(`${baseUrl}/review/invoices`);
    await expectAccessible(finance);
    await finance.getByRole('link', { name: 'NF 77' }).click();
    await expectAccessible(finance);
    await finance.getByLabel('Mensagem da divergência').fill('O valor combinado é 2.400,00.');
    await finance.getByRole('button', { name: 'Apontar divergência' }).click();
    await expect(finance.locator('main').textContent()).resolves.toContain('Divergência');

    await partner.goto(`${baseUrl}/partner/invoices`);
    await expect(partner.locator('main').textContent()).resolves.toContain(
      'O valor combinado é 2.400,00.',
    );
    await partner.getByLabel(/^Valor/).fill('2.400,00');
    await partner.getByLabel('PDF da fatura').setInputFiles({
      name: 'nf-77b.pdf',
      mimeType: 'application/pdf',
      buffer: pdf('77 corrigida'),
    });
    await partner.getByRole('button', { name: 'Enviar fatura' }).click();
    await partner.getByRole('cell', { name: 'R$ 2.400,00' }).waitFor();

    await finance.reload();
    await finance.getByRole('button', { name: 'Aprovar' }).click();
    await expect(finance.getByRole('status').textContent()).resolves.toBe('Fatura aprovada.');
    await finance.getByRole('button', { name: 'Marcar como paga' }).click();
    await expect(finance.locator('main').textContent()).resolves.toContain('Paga');
    await expectAccessible(finance);
    await partner.goto(`${baseUrl}/partner/invoices`);
    await expect(partner.getByRole('cell', { name: 'Paga' }).count()).resolves.toBe(1);
  });

  it('CS registers a client and a contact, and records the payment', async () => {
    await cs.goto(`${baseUrl}/clients/new`);
    await expectAccessible(cs);
    await cs.getByLabel('Nome do cliente').fill(CLIENT);
    await cs.getByRole('button', { name: 'Salvar cliente' }).click();
    await cs.waitForURL(/\/clients\/[0-9a-f-]{36}$/);
    clientPath = new URL(cs.url()).pathname;
    await cs.getByText('Incluir contato').click();
    await cs.getByLabel('Nome', { exact: true }).fill('Lia Souza');
    await cs.getByLabel('E-mail', { exact: true }).fill(CONTACT);
    await cs.getByRole('button', { name: 'Salvar contato' }).click();
    await expect(cs.getByRole('cell', { name: 'Lia Souza', exact: true }).count()).resolves.toBe(1);
    await cs.getByLabel('Etapa', { exact: true }).selectOption('paid');
    await cs.getByRole('button', { name: 'Registrar etapa' }).click();
    await cs.getByLabel('Etapa', { exact: true }).selectOption('contacted');
    await cs.getByRole('button', { name: 'Registrar etapa' }).click();
    await expectAccessible(cs);
  });

  it('CS sends the questionnaire; the client fills and submits it', async () => {
    await cs.getByRole('checkbox', { name: /Lia Souza/ }).check();
    await cs.getByRole('button', { name: 'Enviar o questionário' }).click();
    const link = (await mailTo(CONTACT, /https?:\/\/\S+\/onboarding\/[a-z2-7]{32}/)).match;
    const client = await (await browser.newContext({ locale: 'pt-BR' })).newPage();
    await client.goto(link);
    await client.getByLabel(/Conte um pouco da sua trajetória/).fill('Torramos café desde 2015.');
    await client.getByRole('button', { name: 'Salvar e continuar' }).click();
    // The remaining required answers, as autosave would send them.
    const answers = Object.fromEntries(
      CURRENT_ONBOARDING.sections
        .flatMap((s) => s.questions)
        .filter((q) => q.required && q.kind !== 'files' && q.id !== 'story')
        .map((q) => [
          q.id,
          q.kind === 'email' ? CONTACT : q.kind === 'phone' ? '+5511987650001' : `Resposta ${q.id}`,
        ]),
    );
    const token = link.split('/').pop();
    const saved = await client.request.post(`${baseUrl}/api/onboarding/${token}/answers`, {
      data: { answers },
      headers: { Origin: baseUrl },
    });
    expect(saved.status()).toBe(200);
    await client.goto(`${link}/review`);
    await client.getByLabel(/Li o aviso de privacidade/).check();
    await client.getByRole('button', { name: 'Enviar o questionário' }).click();
    await client.waitForURL(link);
    await expect(client.locator('h1').textContent()).resolves.toBe('Obrigado!');
    await expectAccessible(client);
    await client.context().close();
  });

  it('CS sends a piece; the client asks for changes; a new version is approved', async () => {
    await cs.goto(`${baseUrl}/pieces`);
    await expectAccessible(cs);
    await cs.getByLabel('Cliente').last().selectOption({ label: CLIENT });
    await cs.getByLabel('Nome do projeto').fill('Lançamento');
    await cs.getByRole('button', { name: 'Adicionar projeto' }).click();
    await cs
      .getByLabel('Projeto', { exact: true })
      .selectOption({ label: `${CLIENT} — Lançamento` });
    await cs.getByLabel('Título').fill('Banner do café');
    // A kind the policy sends straight to the client: the internal review before it has an
    // end-to-end test of its own (internal-review-and-comparison).
    await cs.locator('#field-kind').selectOption('other');
    await cs.getByRole('button', { name: 'Adicionar peça' }).click();
    await cs.waitForURL(/\/pieces\/[0-9a-f-]{36}$/);
    const upload = async (rgb: [number, number, number]) => {
      await cs.locator('#field-file').setInputFiles({
        name: 'banner.png',
        mimeType: 'image/png',
        buffer: Buffer.from(demoPng(600, 300, rgb)),
      });
      await cs.getByRole('button', { name: 'Enviar versão' }).click();
    };
    await upload([90, 60, 30]);
    await cs.getByRole('checkbox', { name: /Lia Souza/ }).check();
    await cs.getByRole('button', { name: 'Enviar', exact: true }).click();
    const first = (await mailTo(CONTACT, /https?:\/\/\S+\/approval\/[a-z2-7]{32}/)).match;
    const client = await (await browser.newContext({ locale: 'pt-BR' })).newPage();
    await client.goto(first);
    await expectAccessible(client);
    await client.getByLabel('O que deve mudar?').fill('Mais claro, por favor.');
    await client.getByRole('button', { name: 'Pedir alterações' }).click();
    await expect(client.getByRole('status').first().textContent()).resolves.toContain('Obrigado');
    await mailTo('cs@ponte.example', /Mais claro, por favor/);

    await cs.reload();
    await upload([200, 170, 120]);
    const second = (await mailTo(CONTACT, /https?:\/\/\S+\/approval\/[a-z2-7]{32}/)).match;
    expect(second).not.toBe(first);
    await client.goto(second);
    await client.getByRole('button', { name: 'Aprovar' }).click();
    await expect(client.getByRole('status').first().textContent()).resolves.toContain('aprovação');
    await expectAccessible(client);
    await cs.reload();
    await expect(cs.locator('main').textContent()).resolves.toContain('Aprovada');
    await expectAccessible(cs);
  });

  it('shows the right next deadline on the CS dashboard', async () => {
    await cs.goto(`${baseUrl}/clients`);
    const row = cs.getByRole('row', { name: new RegExp(CLIENT) });
    // The questionnaire came in: the strategy is due within 24 hours, before the launch.
    await expect(row.textContent()).resolves.toContain('Estratégia');
    await expectAccessible(cs);
    await cs.goto(`${baseUrl}${clientPath}`);
    await expect(cs.locator('main').textContent()).resolves.toMatch(/Estratégia: até/);
  });
});
