import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { exportCsv, PT_BY_PLACEMENT, placementCells } from '../support/ads-exports.ts';
import { expectAccessible, openSignedInBrowser } from '../support/e2e.ts';

const baseUrl = inject('baseUrl');

// A by-placement day of two campaigns as a Brazilian spreadsheet re-saves it, with its totals.
const EXPORT = exportCsv(
  PT_BY_PLACEMENT,
  [
    placementCells({
      starts: '30/11/2026',
      campaign: '',
      impressions: '3.000',
      spend: '150,00',
      clicks: '60',
    }),
    placementCells({
      starts: '30/11/2026',
      campaign: 'Verão | Leads',
      placement: 'Feed',
      results: '5',
      indicator: 'Leads (formulário)',
      impressions: '2.000',
      spend: '100,00',
      clicks: '40',
    }),
    placementCells({
      starts: '30/11/2026',
      campaign: 'Tráfego site',
      placement: 'Stories do Instagram',
      results: '20',
      indicator: 'actions:link_click',
      impressions: '1.000',
      spend: '50,00',
      clicks: '20',
    }),
  ],
  { delimiter: ';', bom: true },
);

const overflowOf = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/**
 * Importing the ads manager's export (#20), without JavaScript: a client of the CS's own (the
 * demo clients' figures belong to the campaigns suite), upload → preview → save, and a
 * spreadsheet refused on its field.
 */
describe('importing the ads manager’s export', () => {
  let browser: Browser;
  let cs: Page;
  let importPage = '';
  beforeAll(async () => {
    ({
      browser,
      pages: [cs],
    } = await openSignedInBrowser('cs@ponte.example'));
    await cs.context().route('**/*.js', (route) => route.abort());
    await cs.goto(`${baseUrl}/clients/new`);
    await cs.getByLabel('Nome do cliente').fill('Loja das Importações');
    await cs.locator('form[action="/api/clients"] button[type="submit"]').click();
    await cs.waitForURL(/\/clients\/[^/]+$/);
    importPage = `${cs.url()}/campaigns/import`;
  });
  afterAll(() => browser?.close());

  it('a spreadsheet is refused on the file field with what to do', async () => {
    await cs.setViewportSize({ width: 390, height: 844 });
    await cs.goto(importPage);
    await cs.locator('#field-file').setInputFiles({
      name: 'relatorio.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]),
    });
    await cs.getByRole('button', { name: 'Ver a prévia' }).click();
    await cs.waitForURL(importPage);
    await expect(cs.getByRole('alert').textContent()).resolves.toContain('CSV UTF-8');
    await expect(cs.locator('#field-file').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await overflowOf(cs)).toBeLessThanOrEqual(0);
    await expectAccessible(cs);
  });

  it('upload → preview (what was recognised, the totals row skipped) → Salvar → saved', async () => {
    await cs.setViewportSize({ width: 1280, height: 800 });
    await cs.goto(importPage);
    await cs.locator('#field-file').setInputFiles({
      name: 'novembro.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(EXPORT),
    });
    await cs.getByRole('button', { name: 'Ver a prévia' }).click();
    await cs.waitForURL(/\/campaigns\/import\?file=[0-9a-f]{64}/);
    const preview = (await cs.locator('#preview').locator('..').textContent()) ?? '';
    for (const text of [
      'novembro.csv',
      'BRL',
      'Verão | Leads',
      'Tráfego site',
      'Stories',
      'Linha 2: a linha de totais',
      'Alcance',
      '5 leads',
    ])
      expect(preview).toContain(text);
    await expectAccessible(cs);
    await cs.setViewportSize({ width: 390, height: 844 });
    expect(await overflowOf(cs)).toBeLessThanOrEqual(0);
    await cs.getByRole('button', { name: 'Salvar' }).click();
    await cs.waitForURL(importPage);
    await expect(cs.getByRole('status').first().textContent()).resolves.toContain(
      'Importação salva: 2 números',
    );
    await expect(cs.locator('#recent').locator('..').textContent()).resolves.toContain(
      'novembro.csv',
    );
    await expectAccessible(cs);
  });
});
