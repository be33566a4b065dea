import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, mailTo, openSignedInBrowser } from '../support/e2e.ts';

// Every page of the partner area and of a client's link, at a laptop's size and a phone's:
// nothing wider than the screen, axe-core clean (contrast included), the navigation with the
// current section marked, a breadcrumb on every detail page, the handbook page of its rule.

const baseUrl = inject('baseUrl');
const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** `rule`: the handbook page of the rule the page applies, linked at its foot. */
type Visit = { path: string; section?: string; detail?: boolean; rule?: string };

/** The pages each demo person opens; `section`: the navigation entry marked as current. */
const VISITS: Record<string, Visit[]> = {
  'cs@ponte.example': [
    { path: '/partner', section: 'Início' },
    { path: '/partner/invoices', section: 'Minhas faturas', rule: '/finance/invoices/' },
    { path: '/partner/profile' },
    { path: '/clients', section: 'Clientes', rule: '/clients/new-client-pipeline/' },
    { path: '/clients/new', section: 'Clientes', detail: true },
    {
      path: '/clients/demo-client-bakery',
      section: 'Clientes',
      detail: true,
      rule: '/clients/new-client-pipeline/',
    },
    { path: '/clients/demo-client-bakery/edit', section: 'Clientes', detail: true },
    {
      path: '/clients/demo-client-bakery/contacts/demo-contact-bakery-owner',
      section: 'Clientes',
      detail: true,
    },
    { path: '/pieces', section: 'Peças' },
    { path: '/pieces/demo-piece-launch', section: 'Peças', detail: true },
    { path: '/tasks', section: 'Tarefas' },
    { path: '/requests', section: 'Pedidos', rule: '/clients/client-space/' },
    { path: '/scorecard', section: 'Meu placar', rule: '/finance/incentives/' },
    { path: '/partner/no-such-page' },
  ],
  'financeiro@ponte.example': [
    { path: '/partner', section: 'Início' },
    { path: '/review/invoices', section: 'Revisão de faturas', rule: '/finance/invoices/' },
  ],
  'admin@ponte.example': [
    { path: '/admin/people', section: 'Pessoas' },
    { path: '/admin/people/invite', section: 'Pessoas', detail: true },
    { path: '/admin/people/demo-cs', section: 'Pessoas', detail: true },
    { path: '/admin/scorecard', section: 'Placar da equipe', rule: '/finance/incentives/' },
    {
      path: '/admin/scorecard/demo-paid',
      section: 'Placar da equipe',
      detail: true,
      rule: '/finance/incentives/',
    },
  ],
  'design@ponte.example': [{ path: '/review/invoices' }],
};

/** Fails unless the page fits the viewport's width (a phone must never scroll sideways). */
async function expectNoOverflow(page: Page, label: string) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow, `${label} is ${overflow}px wider than the screen`).toBeLessThanOrEqual(0);
}

/** Fails unless the navigation, as the reader sees it at this size, marks `section`. */
async function expectSectionMarked(page: Page, size: (typeof SIZES)[number], section: string) {
  if (size.name === 'phone') await page.getByText('Menu', { exact: true }).click();
  const marked = page.locator('nav.site-nav a[aria-current="page"]').locator('visible=true');
  await expect(marked.textContent()).resolves.toBe(section);
}

async function visitAt(page: Page, size: (typeof SIZES)[number], visit: Visit) {
  await page.setViewportSize({ width: size.width, height: size.height });
  await page.goto(`${baseUrl}${visit.path}`);
  const label = `${visit.path} at ${size.name}`;
  await expectNoOverflow(page, label);
  await expectAccessible(page);
  if (visit.detail) {
    await expect(
      page.locator('nav.breadcrumbs [aria-current="page"]').count(),
      `${label} has a breadcrumb`,
    ).resolves.toBe(1);
  }
  if (visit.rule) {
    await expect(page.locator('.rule-link a').getAttribute('href')).resolves.toBe(visit.rule);
  }
  if (visit.section) await expectSectionMarked(page, size, visit.section);
}

describe('every page at a laptop’s and a phone’s size', () => {
  let browser: Browser;
  let pages: Page[];
  const emails = Object.keys(VISITS);
  beforeAll(async () => {
    ({ browser, pages } = await openSignedInBrowser(...emails));
  });
  afterAll(() => browser?.close());

  for (const size of SIZES) {
    it(`fits, passes axe and marks where the reader is, at ${size.width}×${size.height}`, async () => {
      for (const [at, email] of emails.entries()) {
        const page = pages[at] as Page;
        for (const visit of VISITS[email] ?? []) await visitAt(page, size, visit);
      }
    });
  }

  it('answers an unknown partner-area address with the app’s own 404, navigation included', async () => {
    const cs = pages[0] as Page;
    const response = await cs.goto(`${baseUrl}/partner/no-such-page`);
    expect(response?.status()).toBe(404);
    await expect(cs.locator('nav.site-nav').count()).resolves.toBeGreaterThan(0);
  });

  it('draws the 403 page with the navigation for a role the page does not admit', async () => {
    const design = pages[3] as Page;
    const response = await design.goto(`${baseUrl}/review/invoices`);
    expect(response?.status()).toBe(403);
    await expect(design.locator('nav.site-nav').count()).resolves.toBeGreaterThan(0);
  });

  it('marks a refused form’s fields and leads to them from the error summary', async () => {
    const cs = pages[0] as Page;
    await cs.setViewportSize({ width: 1280, height: 800 });
    await cs.goto(`${baseUrl}/clients/new`);
    await cs.locator('form[action="/api/clients"] button[type="submit"]').click();
    const summary = cs.locator('.error-summary');
    await summary.waitFor();
    const firstLink = summary.locator('a[href^="#field-"]').first();
    const target = (await firstLink.getAttribute('href')) ?? '';
    await expect(cs.locator(target).getAttribute('aria-invalid')).resolves.toBe('true');
    await expectAccessible(cs);
  });
});

describe('a client’s questionnaire link, and its answers for CS, at both sizes', () => {
  let browser: Browser;
  let client: BrowserContext;
  let cs: Page;
  let link: string;
  beforeAll(async () => {
    ({
      browser,
      pages: [cs],
    } = await openSignedInBrowser('cs@ponte.example'));
    await cs.goto(`${baseUrl}/clients/demo-client-clinic`);
    await cs.getByRole('checkbox', { name: /Igor/ }).check();
    await cs.getByRole('button', { name: 'Enviar o questionário' }).click();
    link = (await mailTo('igor@sorrisoleve.example', /https?:\/\/\S+\/onboarding\/[a-z2-7]{32}/))
      .match;
    client = await browser.newContext({ locale: 'pt-BR' });
  });
  afterAll(() => browser?.close());

  for (const size of SIZES) {
    it(`fits, passes axe and (for CS) marks where the reader is, at ${size.width}×${size.height}`, async () => {
      const page = await client.newPage();
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.goto(link);
      await expectNoOverflow(page, `the questionnaire at ${size.name}`);
      await expectAccessible(page);
      await page.goto(`${link}/review`);
      await expectNoOverflow(page, `the questionnaire's review at ${size.name}`);
      await expectAccessible(page);
      await page.close();
      // The answers page exists once a questionnaire was sent (it was, above).
      await visitAt(cs, size, {
        path: '/clients/demo-client-clinic/onboarding',
        section: 'Clientes',
        detail: true,
        rule: '/clients/onboarding/',
      });
    });
  }
});
