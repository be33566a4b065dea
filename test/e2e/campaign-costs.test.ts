import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addDaysToIsoDate, isoDateInZone, policy } from '../../src/policy/index.ts';
import { dailyCheckOn } from '../../src/server/campaign-costs/cost-check-rules.ts';
import { exportCsv, PT_BY_PLACEMENT, placementCells } from '../support/ads-exports.ts';
import { expectAccessible, openSignedInBrowser } from '../support/e2e.ts';

const baseUrl = inject('baseUrl');

/** The figure days of the check the campaigns page shows at the Worker's now (a weekend: Friday's). */
function checkedDays(): string[] {
  const now = new Date(Date.now() + inject('clockOffsetMs'));
  for (let day = isoDateInZone(now, policy.agency.timeZone); ; day = addDaysToIsoDate(day, -1)) {
    const check = dailyCheckOn(day, policy);
    if (check) return check.figureDays;
  }
}

const brazilian = (iso: string) => iso.split('-').reverse().join('/');

// Each checked day: the feed traffic at R$ 5,00 a click (the norm set below is R$ 1,50).
const EXPORT = exportCsv(
  PT_BY_PLACEMENT,
  checkedDays().map((day) =>
    placementCells({
      starts: brazilian(day),
      campaign: 'Verão | Tráfego',
      placement: 'Feed',
      results: '20',
      indicator: 'actions:link_click',
      impressions: '4.000',
      spend: '100,00',
      clicks: '20',
    }),
  ),
  { delimiter: ';', bom: true },
);

const overflowOf = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/**
 * The daily check (#20), without JavaScript, on a client of the paid-traffic suite's own (the
 * demo's bakery is only read): its norm set, the export uploaded, previewed and saved, the
 * breach shown on the campaigns page and acknowledged — a reason required when nothing is done.
 */
describe('the daily check of campaign costs', () => {
  let browser: Browser;
  let cs: Page;
  let campaigns = '';
  beforeAll(async () => {
    ({
      browser,
      pages: [cs],
    } = await openSignedInBrowser('cs@ponte.example'));
    await cs.context().route('**/*.js', (route) => route.abort());
    await cs.setViewportSize({ width: 1280, height: 800 });
    await cs.goto(`${baseUrl}/clients/new`);
    await cs.getByLabel('Nome do cliente').fill('Loja da Verificação');
    await cs.locator('form[action="/api/clients"] button[type="submit"]').click();
    await cs.waitForURL(/\/clients\/[^/]+$/);
    campaigns = `${cs.url()}/campaigns`;
    await cs.goto(`${cs.url()}/cost-norms`);
    await cs.locator('#field-max-CPC-feed').fill('1,50');
    await cs.getByRole('button', { name: 'Salvar normas' }).click();
    await cs.waitForURL(/\/cost-norms$/);
  });
  afterAll(() => browser?.close());

  it('before any import, the page says there is nothing yet to check and links the import', async () => {
    await cs.goto(campaigns);
    const main = (await cs.locator('main').textContent()) ?? '';
    expect(main).toContain('Nenhum número importado ainda.');
    expect(main).toContain('não há o que verificar');
    await expectAccessible(cs);
  });

  it('upload → preview → save → the breach shown → acknowledged', async () => {
    await cs.goto(campaigns);
    await cs
      .getByRole('link', { name: 'Importar a exportação do gerenciador de anúncios' })
      .first()
      .click();
    await cs.waitForURL(`${campaigns}/import`);
    await cs.locator('#field-file').setInputFiles({
      name: 'ontem.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(EXPORT),
    });
    await cs.getByRole('button', { name: 'Ver a prévia' }).click();
    await cs.waitForURL(/\/campaigns\/import\?file=[0-9a-f]{64}/);
    await cs.getByRole('button', { name: 'Salvar' }).click();
    await cs.waitForURL(`${campaigns}/import`);

    await cs.goto(campaigns);
    const breaches = cs.locator('#breaches').locator('..');
    // Amounts are written with a no-break space (R$ 5,00), read here as a plain one.
    const text = ((await breaches.textContent()) ?? '').replace(/\u00a0/g, ' ');
    for (const shown of ['Verão | Tráfego', 'Feed', 'CPC', 'R$ 5,00', 'R$ 1,50', 'R$ 3,50'])
      expect(text).toContain(shown);
    // The charts: an SVG per metric, labelled, with its table.
    const chart = cs.locator('figure.cost-chart svg[role="img"]').first();
    await expect(chart.getAttribute('aria-label')).resolves.toContain('CPC');
    await expectAccessible(cs);

    // "Nothing is needed" without saying why comes back on the note.
    const form = cs.locator('form[action$="/acknowledgements"]').first();
    await form.getByLabel('Nada é necessário (diga por quê na nota)').check();
    await form.getByRole('button', { name: 'Registrar' }).click();
    // Back to the page's top, where the error summary leads to the note.
    await cs.waitForURL(campaigns);
    await expect(cs.getByRole('alert').textContent()).resolves.toContain(
      'Diga por que nada é necessário.',
    );
    await expect(cs.locator('#field-note').getAttribute('aria-invalid')).resolves.toBe('true');
    await expectAccessible(cs);

    const again = cs.locator('form[action$="/acknowledgements"]').first();
    await again.getByLabel('Mudei o título e a chamada para ação').check();
    await again.getByRole('textbox', { name: 'Nota' }).fill('Título novo, CTA “Peça já”');
    await again.getByRole('button', { name: 'Registrar' }).click();
    await cs.waitForURL(`${campaigns}#breaches`);
    await expect(cs.getByRole('status').first().textContent()).resolves.toContain(
      'O estouro de “Verão | Tráfego” foi registrado.',
    );
    await expect(breaches.textContent()).resolves.toContain('Mudei o título e a chamada para ação');
    await cs.setViewportSize({ width: 390, height: 844 });
    expect(await overflowOf(cs)).toBeLessThanOrEqual(0);
    await expectAccessible(cs);
  });

  it('the demo bakery’s charts fit a phone and are axe-clean', async () => {
    await cs.setViewportSize({ width: 390, height: 844 });
    await cs.goto(`${baseUrl}/clients/demo-client-bakery/campaigns`);
    await expect(cs.locator('figure.cost-chart').count()).resolves.toBeGreaterThan(0);
    expect(await overflowOf(cs)).toBeLessThanOrEqual(0);
    await expectAccessible(cs);
  });
});
