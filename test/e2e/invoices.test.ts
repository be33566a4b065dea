import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, openSignedInBrowser } from '../support/e2e.ts';

const baseUrl = inject('baseUrl');

describe('invoices in a real browser (demo invoices of this month)', () => {
  let browser: Browser;
  let partner: Page;
  let finance: Page;
  let correcting: Page;
  beforeAll(async () => {
    ({
      browser,
      pages: [partner, finance, correcting],
    } = await openSignedInBrowser(
      'trafego.pago@ponte.example',
      'financeiro@ponte.example',
      // Design's demo invoice has a divergence: the form is offered to correct it.
      'design@ponte.example',
    ));
  });

  /** Whether the page is wider than its window (a phone would scroll sideways). */
  const overflows = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  afterAll(() => browser?.close());

  it('shows the partner the window, its calendar file and the history', async () => {
    await partner.goto(`${baseUrl}/partner/invoices`);
    await expect(partner.locator('main').textContent()).resolves.toMatch(
      /janela de envio está (aberta|fechada)/,
    );
    await expect(partner.getByRole('cell', { name: 'NF 1001' }).count()).resolves.toBe(1);
    await expect(partner.getByRole('cell', { name: 'Em revisão' }).count()).resolves.toBe(1);
    await expectAccessible(partner);
    const ics = await partner.request.get(`${baseUrl}/api/invoices/window.ics`);
    expect(ics.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    expect(await ics.text()).toMatch(/BEGIN:VEVENT[\s\S]*DTSTART:\d{8}T030000Z/);
  });

  it('does not let a partner into the review, nor read another partner’s PDF', async () => {
    const review = await partner.goto(`${baseUrl}/review/invoices`);
    expect(review?.status()).toBe(403);
    const other = await partner.request.get(`${baseUrl}/api/invoices/demo-invoice-organic/pdf`);
    expect(other.status()).toBe(404);
  });

  it('lets finance filter, open, read the PDF and approve an invoice', async () => {
    await finance.goto(`${baseUrl}/review/invoices`);
    await expectAccessible(finance);
    const months = await finance.getByLabel('Competência').locator('option').allTextContents();
    expect(months.slice(0, 2)).toEqual(['Todos os meses', expect.stringMatching(/ de 20\d\d$/)]);
    await finance.getByLabel('Situação').selectOption('submitted');
    await finance.getByRole('button', { name: 'Filtrar' }).click();
    await finance.waitForURL(/status=submitted/);
    await finance.getByRole('link', { name: 'NF 1001' }).click();
    await finance.waitForURL(`${baseUrl}/review/invoices/demo-invoice-paid`);
    // Paid traffic's invoice: beside its amount, what the scorecard expects, with the lines.
    const summary = finance.locator('.summary-list');
    await expect(summary.getByText('Esperado pelo placar').count()).resolves.toBe(1);
    const lines = finance.getByRole('table', { name: 'Valor do mês, linha a linha' });
    await expect(lines.getByRole('cell', { name: 'Valor fixo, todo mês' }).count()).resolves.toBe(
      1,
    );
    // Finance sees the lines only: the partner's scorecard page is for admins.
    await expect(finance.getByRole('link', { name: /Ver o placar/ }).count()).resolves.toBe(0);
    await expectAccessible(finance);
    const pdf = await finance.request.get(`${baseUrl}/api/invoices/demo-invoice-paid/pdf`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(pdf.headers()['content-disposition']).toMatch(/^inline/);
    expect(pdf.headers()['x-content-type-options']).toBe('nosniff');
    const crumbs = finance.getByRole('navigation', { name: 'Você está em' });
    await expect(crumbs.getByRole('link', { name: 'Revisão de faturas' }).count()).resolves.toBe(1);
    await finance.getByRole('button', { name: 'Aprovar' }).click();
    await expect(finance.getByRole('status').textContent()).resolves.toBe('Fatura aprovada.');
    await expect(finance.locator('main').textContent()).resolves.toContain('Aprovada');
    // The history in sentences, with who acted, and no event code.
    const history = (await finance.locator('.timeline').textContent()) ?? '';
    expect(history).toContain('Fábio Fonseca (financeiro) aprovou a fatura');
    expect(history).not.toMatch(/invoice_/);
    await expectAccessible(finance);
  });

  it('tells the partner what happened to their invoice, and who did it', async () => {
    await partner.goto(`${baseUrl}/partner/invoices`);
    const history = (await partner.locator('.timeline').textContent()) ?? '';
    expect(history).toContain('Fábio Fonseca (financeiro) aprovou a fatura');
    await expectAccessible(partner);
  });

  it('says on organic traffic’s invoice that the scorecard does not pay its partner, with no lines', async () => {
    await finance.goto(`${baseUrl}/review/invoices/demo-invoice-organic`);
    const main = (await finance.locator('main').textContent()) ?? '';
    expect(main).toContain('Este parceiro não recebe pelo placar.');
    await expect(finance.locator('[data-line]').count()).resolves.toBe(0);
  });

  it('fits a 390 px phone: the partner’s invoices, the review list and an invoice', async () => {
    for (const [page, path] of [
      [partner, '/partner/invoices'],
      [finance, '/review/invoices'],
      [finance, '/review/invoices/demo-invoice-paid'],
    ] as const) {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${baseUrl}${path}`);
      expect(await overflows(page), path).toBe(false);
      await page.setViewportSize({ width: 1280, height: 800 });
      expect(await overflows(page), path).toBe(false);
    }
  });

  it('marks a refused invoice’s fields, keeps what was typed, and labels the amount in R$', async () => {
    await correcting.goto(`${baseUrl}/partner/invoices`);
    await expect(correcting.getByLabel('Valor (R$)').count()).resolves.toBe(1);
    await correcting.getByLabel('Número da nota ou fatura').fill('RPA 13');
    await correcting.getByLabel(/^Valor/).fill('12,345');
    await correcting.getByRole('button', { name: 'Enviar fatura' }).click();
    const summary = correcting.getByRole('alert');
    await summary.waitFor();
    await expect(summary.locator('a[href="#field-amount"]').count()).resolves.toBe(1);
    const amount = correcting.getByLabel(/^Valor/);
    await expect(amount.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(amount.inputValue()).resolves.toBe('12,345');
    await expect(correcting.getByLabel('Número da nota ou fatura').inputValue()).resolves.toBe(
      'RPA 13',
    );
    await expectAccessible(correcting);
  });

  it('offers the payments as a Brazilian spreadsheet beside the bank’s file', async () => {
    await finance.goto(`${baseUrl}/review/invoices`);
    const month = await finance.getByLabel('Mês do envio').inputValue();
    const sheet = await finance.request.get(
      `${baseUrl}/api/finance/payments.csv?month=${month}&format=spreadsheet`,
    );
    expect(sheet.status()).toBe(200);
    const [header] = (await sheet.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe('Parceiro;CPF/CNPJ;Chave PIX;Número;Valor;Moeda;Data de pagamento');
    await expect(
      finance.getByRole('button', { name: 'Baixar arquivo para o banco (CSV)' }).count(),
    ).resolves.toBe(1);
  });
});
