import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findAccessibilityViolations } from '../support/browser.ts';
import { mailTo, openSignedInBrowser } from '../support/e2e.ts';

const baseUrl = inject('baseUrl');
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };
const TIMELINE = `${baseUrl}/clients/demo-client-bakery/timeline`;
// A title of this run's own: the suite's minutes are told apart from the demo's by it.
const TITLE = `Reunião de alinhamento E2E ${Date.now().toString(36)}`;

/** A day some days from today in the agency's time zone, YYYY-MM-DD, as the date field takes it. */
const daysFromToday = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo' }).format(
    new Date(Date.now() + days * 86_400_000),
  );

/** No wider than the screen, and axe-clean; soft, so one run lists every page's problems. */
async function expectFitAndAccessible(page: Page, what: string) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect.soft(overflow, `${what}: sideways scroll`).toBeLessThanOrEqual(0);
  expect.soft(await findAccessibilityViolations(page), `${what}: axe`).toEqual([]);
}

/**
 * The timeline end to end (#19): CS writes minutes with two action items, one refused by the
 * lead time; the contact asked (Rita) acknowledges them at phone size through the personal
 * link from her e-mail; CS sees who acknowledged and when, on the entry, the printed month and
 * its Markdown export. Every page axe-clean.
 */
describe('the client timeline', () => {
  let browser: Browser;
  let cs: Page;
  let entryUrl = '';

  beforeAll(async () => {
    ({
      browser,
      pages: [cs],
    } = await openSignedInBrowser('cs@ponte.example'));
    await cs.setViewportSize(LAPTOP);
  });
  afterAll(() => browser?.close());

  it('CS writes minutes with two action items: one becomes a task, one is refused by the lead time', async () => {
    await cs.goto(TIMELINE);
    await expectFitAndAccessible(cs, 'the timeline');
    await cs.getByRole('link', { name: 'Nova ata de reunião' }).click();
    await cs.waitForURL(`${TIMELINE}/new?kind=minutes`);
    await expectFitAndAccessible(cs, 'the minutes form');
    await cs.getByLabel('Título').fill(TITLE);
    await cs.getByLabel('O que foi discutido').fill('O calendário de posts e a verba de mídia.');
    await cs.getByLabel('Decisões').fill('Posts às terças e quintas.');
    const first = cs.locator('fieldset.action-item').nth(0);
    await first.getByLabel('O quê').fill('Arte do post de sábado');
    await first.getByLabel('Quem').selectOption('design');
    await first.getByLabel('Até').fill(daysFromToday(14));
    const second = cs.locator('fieldset.action-item').nth(1);
    await second.getByLabel('O quê').fill('Banner para hoje');
    await second.getByLabel('Quem').selectOption('design');
    await second.getByLabel('Até').fill(daysFromToday(0));
    await cs.getByLabel('O cliente também (espaço do cliente e e-mail)').check();
    await cs.locator('#field-contactIds').getByLabel('Rita Moraes').check();
    await cs.getByLabel('Pedir que confirmem a leitura').check();
    await cs.getByRole('button', { name: 'Salvar', exact: true }).click();
    await cs.waitForURL(/\/timeline\/[\w-]+(\?.*)?$/);
    entryUrl = cs.url().split('?')[0] ?? '';
    const main = (await cs.locator('main').textContent()) ?? '';
    expect(main).toContain(TITLE);
    expect(main).toContain('Arte do post de sábado');
    expect(main).toContain('Pedido de tarefa');
    expect(main).toContain('antecedência mínima');
    await expectFitAndAccessible(cs, 'the minutes just saved');
  });

  it('Rita acknowledges them on her phone through the personal link in her e-mail', async () => {
    // The timeline-notices job runs with the scheduled handler, as the cron does.
    const link = (
      await mailTo(
        'rita@paoquente.example',
        new RegExp(`(?<=${TITLE}[\\s\\S]*)https?://\\S+/timeline-ack/[a-z2-7]+`),
      )
    ).match;
    const phone = await browser.newContext({ locale: 'pt-BR', viewport: PHONE });
    const rita = await phone.newPage();
    await rita.goto(link);
    await expect(rita.locator('main').textContent()).resolves.toContain(TITLE);
    await expectFitAndAccessible(rita, 'the acknowledgement link');
    await rita.getByRole('button', { name: 'Li e estou de acordo' }).click();
    await expect(rita.getByRole('status').first().textContent()).resolves.toContain(
      'Registramos que você leu e está de acordo',
    );
    await expectFitAndAccessible(rita, 'the link once answered');
    await phone.close();
  });

  it('CS sees who acknowledged, on the entry, the printed month and the Markdown export', async () => {
    await cs.goto(entryUrl);
    const entry = (await cs.locator('main').textContent()) ?? '';
    expect(entry).toContain('Rita Moraes');
    expect(entry).toMatch(/De acordo/);
    // The answer names the version Rita read.
    expect(entry).toContain('sobre a versão 1');
    await cs.goto(TIMELINE);
    await cs.getByRole('link', { name: 'Imprimir ou exportar um mês' }).click();
    await cs.waitForURL(`${TIMELINE}/print`);
    await expectFitAndAccessible(cs, 'the print page');
    const printed = (await cs.locator('main').textContent()) ?? '';
    expect(printed).toContain(TITLE);
    expect(printed).toContain('Rita Moraes: li e estou de acordo');
    expect(printed).toContain('não aberto como pedido de tarefa');
    await cs.emulateMedia({ media: 'print' });
    await expect(cs.locator('form.toolbar').isVisible()).resolves.toBe(false);
    await expect(cs.locator('.site-header').isVisible()).resolves.toBe(false);
    await cs.emulateMedia({ media: 'screen' });
    await cs.setViewportSize(PHONE);
    await expectFitAndAccessible(cs, 'the print page on a phone');
    const href = await cs.getByRole('link', { name: 'Baixar em Markdown' }).getAttribute('href');
    const exported = await cs.request.get(`${baseUrl}${href}`);
    expect(exported.status()).toBe(200);
    expect(exported.headers()['content-disposition']).toMatch(/^attachment; filename="timeline-/);
    expect(await exported.text()).toContain('Rita Moraes: li e estou de acordo');
    await cs.setViewportSize(LAPTOP);
  });
});
