import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_SCORECARD_PARTNER } from '../../db/seed-scorecard.ts';
import { formatMonth } from '../../src/i18n/index.ts';
import { addMonths, isoDateInZone, policy } from '../../src/policy/index.ts';
import { expectAccessible, openSignedInBrowser } from '../support/e2e.ts';

// The scorecard pages on the demo (db/seed-scorecard.ts): Renata, a paid-traffic partner, reads
// her month so far on a phone; Ana, the admin, reads the team's month at a laptop's size, sees
// the best of it, and chooses last month without a script.

const baseUrl = inject('baseUrl');
const serverNow = () => new Date(Date.now() + inject('clockOffsetMs'));

async function expectFitsScreen(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

describe('the scorecard pages', () => {
  let browser: Browser;
  let renata: Page;
  let admin: Page;
  const thisMonth = () => isoDateInZone(serverNow(), policy.agency.timeZone).slice(0, 7);
  beforeAll(async () => {
    ({
      browser,
      pages: [renata, admin],
    } = await openSignedInBrowser(DEMO_SCORECARD_PARTNER.email, 'admin@ponte.example'));
  });
  afterAll(() => browser?.close());

  it('a paid-traffic partner reads this month so far, line by line, and the chart on a phone', async () => {
    await renata.setViewportSize({ width: 390, height: 844 });
    await renata.getByText('Menu', { exact: true }).click();
    await renata.getByRole('link', { name: 'Meu placar' }).click();
    await renata.waitForURL(`${baseUrl}/scorecard`);
    await expect(renata.locator('h1').textContent()).resolves.toBe('Meu placar');
    const month = formatMonth(thisMonth(), 'pt-BR');
    await expect(renata.locator('h2').first().textContent()).resolves.toBe(`Este mês: ${month}`);
    await expect(renata.getByText(/^Parcial, até /).count()).resolves.toBe(1);
    // The base, each variable line (at zero too), and this month's bonus of the best.
    const lines = renata.locator('table.scorecard-lines tbody tr');
    await expect(lines.count()).resolves.toBe(7);
    await expect(lines.first().textContent()).resolves.toMatch(/R\$\s1\.500,00/);
    const renewal = renata.locator('tr[data-line="renewedAfterFirstMonth"]');
    await expect(renewal.textContent()).resolves.toMatch(/R\$\s100,00/);
    await expect(renata.locator('tr[data-line="bestOfMonth"]').count()).resolves.toBe(1);
    // One row per line, not a card: the line's total sits beside its name.
    const name = await renewal.locator('td').first().boundingBox();
    const total = await renewal.locator('td').last().boundingBox();
    expect(total?.x ?? 0).toBeGreaterThan((name?.x ?? 0) + 150);
    expect(total?.y ?? 0).toBeLessThan((name?.y ?? 0) + (name?.height ?? 0));
    // The chart is one image with a text alternative; its figures are the months'.
    const chart = renata.locator('figure.scorecard-chart svg[role="img"]');
    await expect(chart.getAttribute('aria-label')).resolves.toMatch(/^Parte variável por mês/);
    // On a phone each month is a disclosure (the wide table is hidden): its name and amounts,
    // opening on all its figures.
    await expect(renata.locator('table.scorecard-history').isVisible()).resolves.toBe(false);
    const history = renata.locator('.scorecard-months > li');
    await expect(history.count()).resolves.toBe(policy.incentives.scorecardMonths);
    await expect(history.first().locator('summary').textContent()).resolves.toMatch(
      new RegExp(`${month}[\\s\\S]*Parte variável: -?R\\$\\s[\\d.,]+ · Total: -?R\\$`),
    );
    await history.first().locator('summary').click();
    await expect(
      history.first().getByText('Renovações', { exact: true }).isVisible(),
    ).resolves.toBe(true);
    await expect(chart.boundingBox().then((box) => box?.width ?? 999)).resolves.toBeLessThanOrEqual(
      390,
    );
    await expectFitsScreen(renata);
    await expectAccessible(renata);
    // Paper is as narrow as a phone, but printed the months are the table again: a closed
    // disclosure would print no figures.
    await renata.emulateMedia({ media: 'print' });
    await expect(renata.locator('table.scorecard-history').isVisible()).resolves.toBe(true);
    await expect(renata.locator('.scorecard-months').isVisible()).resolves.toBe(false);
    await renata.emulateMedia({ media: 'screen' });
    // The rule's handbook page, linked at the foot.
    await expect(
      renata.locator('a[href*="/finance/incentives/"]').count(),
    ).resolves.toBeGreaterThan(0);
  });

  it('an admin sees every partner’s month with the best marked, then chooses last month', async () => {
    await admin.setViewportSize({ width: 1280, height: 800 });
    await admin.goto(`${baseUrl}/admin/scorecard`);
    await expect(admin.locator('h1').textContent()).resolves.toBe('Placar da equipe');
    const rows = admin.locator('table.scorecard-team tbody tr');
    await expect(rows.count()).resolves.toBeGreaterThanOrEqual(5);
    const best = admin.locator('tr[data-best="true"]');
    await expect(best.count()).resolves.toBeGreaterThan(0);
    await expect(best.first().textContent()).resolves.toContain('Melhor do mês');
    await expect(admin.locator('.scorecard-best').textContent()).resolves.toContain(
      'Melhor do mês até agora:',
    );
    await expectFitsScreen(admin);
    await expectAccessible(admin);

    const lastMonth = addMonths(thisMonth(), -1);
    await admin.getByLabel('Mês').selectOption(lastMonth);
    await admin.getByRole('button', { name: 'Mostrar' }).click();
    await admin.waitForURL(`${baseUrl}/admin/scorecard?month=${lastMonth}`);
    await expect(admin.locator('h2').first().textContent()).resolves.toBe(
      formatMonth(lastMonth, 'pt-BR'),
    );
    await expect(admin.locator('tr[data-best="true"]').count()).resolves.toBeGreaterThan(0);
    await expect(admin.locator('.scorecard-best').textContent()).resolves.toMatch(
      /Melhor do mês: /,
    );
    await expectAccessible(admin);

    // A partner's own page, from the team's: the same page the partner sees.
    await admin.locator(`tr[data-partner="${DEMO_SCORECARD_PARTNER.id}"] a`).click();
    await admin.waitForURL(`${baseUrl}/admin/scorecard/${DEMO_SCORECARD_PARTNER.id}`);
    await expect(admin.locator('h1').textContent()).resolves.toBe(DEMO_SCORECARD_PARTNER.name);
    await expect(admin.locator('nav.breadcrumbs').textContent()).resolves.toContain(
      'Placar da equipe',
    );
    // At a laptop's width the months are one table (the phone's disclosures hidden).
    const months = admin.locator('table.scorecard-history tbody tr');
    await expect(months.count()).resolves.toBe(policy.incentives.scorecardMonths);
    await expect(months.first().isVisible()).resolves.toBe(true);
    await expect(admin.locator('.scorecard-months').isVisible()).resolves.toBe(false);
    await expectAccessible(admin);
  });

  it('answers the app’s 404 for a month not offered, a partner without a scorecard, or another partner’s address under /scorecard', async () => {
    for (const path of ['/admin/scorecard?month=1999-01', '/admin/scorecard/demo-finance']) {
      const response = await admin.goto(`${baseUrl}${path}`);
      expect(response?.status(), path).toBe(404);
      await expect(admin.locator('h1').textContent()).resolves.toBe('Página não encontrada');
    }
    // A partner's own page has no address for anyone else's: only the session says whose.
    const other = await renata.goto(`${baseUrl}/scorecard/demo-paid`);
    expect(other?.status()).toBe(404);
    await renata.goto(`${baseUrl}/scorecard?partnerId=demo-paid&partner=demo-paid`);
    await expect(renata.locator('tr[data-line="bestOfMonth"]').count()).resolves.toBe(1);
  });
});
