import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, openSignedInBrowser } from '../support/e2e.ts';

const baseUrl = inject('baseUrl');

describe('invoices in a real browser (demo invoices of this month)', () => {
  let browser: Browser;
  let partner: Page;
  let finance: Page;
  beforeAll(async () => {
    ({
      browser,
      pages: [partner, finance],
    } = await openSignedInBrowser('trafego.pago@ponte.example', 'financeiro@ponte.example'));
  });
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
    await finance.getByLabel('Situação').selectOption('submitted');
    await finance.getByRole('button', { name: 'Filtrar' }).click();
    await finance.waitForURL(/status=submitted/);
    await finance.getByRole('link', { name: 'NF 1001' }).click();
    await finance.waitForURL(`${baseUrl}/review/invoices/demo-invoice-paid`);
    await expectAccessible(finance);
    const pdf = await finance.request.get(`${baseUrl}/api/invoices/demo-invoice-paid/pdf`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(pdf.headers()['content-disposition']).toMatch(/^inline/);
    expect(pdf.headers()['x-content-type-options']).toBe('nosniff');
    await finance.getByRole('button', { name: 'Aprovar' }).click();
    await expect(finance.getByRole('status').textContent()).resolves.toBe('Fatura aprovada.');
    await expect(finance.locator('main').textContent()).resolves.toContain('Aprovada');
    await expectAccessible(finance);
  });
});
