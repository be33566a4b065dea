import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoPng } from '../../db/demo-png.ts';
import { expectAccessible, mailTo, openSignedInBrowser } from '../support/e2e.ts';

const baseUrl = inject('baseUrl');
const TITLE = 'Cartaz da feira de outono E2E';
const PHONE = { width: 390, height: 844 };
const RITA = 'rita@paoquente.example';
const CAPTIONS = {
  1: 'Feira de outono: pães e doces da estação.',
  2: 'Feira de outono no sábado: pães e doces da estação.',
  3: 'Feira de outono no domingo: pães, doces e cafés da estação.',
} as const;

/** The newest link e-mailed to Rita for this piece's version `number`. */
async function linkToVersion(number: number): Promise<string> {
  const mail = await mailTo(
    RITA,
    new RegExp(`"${TITLE}" \\(versão ${number}\\)[\\s\\S]*?https?://\\S+/approval/[a-z2-7]{32}`),
  );
  return /https?:\/\/\S+\/approval\/[a-z2-7]{32}/.exec(mail.match)?.[0] ?? '';
}

/** Fails when the page is wider than its window (a phone's page never scrolls sideways). */
async function expectNoSidewaysScroll(page: Page, what: string) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow, what).toBeLessThanOrEqual(0);
}

/** Every image of the page decoded (lazy ones included): its size is its own, not a broken icon's. */
async function imagesLoaded(page: Page) {
  return page.evaluate(() =>
    Promise.all(
      [...document.querySelectorAll('main img')].map(async (element) => {
        const image = element as HTMLImageElement;
        image.loading = 'eager';
        await image.decode().catch(() => undefined);
        return { src: image.getAttribute('src') ?? '', width: image.naturalWidth };
      }),
    ),
  );
}

/**
 * A social post from Design to the client's yes, through the agency's own review first:
 * the head of design asks for changes on version 1 and approves version 2; CS sends version 2;
 * Rita asks for changes on a phone; version 3, approved inside the agency, goes to her; she
 * sees what changed from version 2 — the version she was sent, never version 1, which the
 * agency kept to itself — with JavaScript (one image over the other, a slider) and without
 * (side by side), and approves.
 */
describe('internal review, then what changed between versions, in a real browser', () => {
  let browser: Browser;
  let cs: Page;
  let design: Page;
  let head: Page;
  let pieceUrl: string;
  let pieceId: string;
  let link: string;

  beforeAll(async () => {
    ({
      browser,
      pages: [cs, design, head],
    } = await openSignedInBrowser(
      'cs@ponte.example',
      'design@ponte.example',
      'lider.design@ponte.example',
    ));
    const created = await cs.request.post(`${baseUrl}/api/pieces`, {
      data: { projectId: 'demo-project-summer', title: TITLE, kind: 'social_post' },
      headers: { Origin: baseUrl },
    });
    expect(created.status()).toBe(200);
    pieceId = ((await created.json()) as { id: string }).id;
    pieceUrl = `${baseUrl}/pieces/${pieceId}`;
  });
  afterAll(() => browser?.close());

  /** Design uploads a version on the piece's page: it goes to the internal review first. */
  async function uploadVersion(number: 1 | 2 | 3, rgb: [number, number, number]) {
    await design.goto(pieceUrl);
    await design.locator('#field-file').setInputFiles({
      name: `cartaz-v${number}.png`,
      mimeType: 'image/png',
      buffer: Buffer.from(demoPng(1080, 1350, rgb)),
    });
    await design.locator('#field-text').fill(CAPTIONS[number]);
    await design.getByRole('button', { name: 'Enviar versão' }).click();
    await expect(design.getByRole('status').first().textContent()).resolves.toContain(
      'revisão interna',
    );
    if (number === 3) {
      await expectAccessible(design);
      await expectNoSidewaysScroll(design, 'the piece page after an upload');
    }
  }

  /** The head of design decides on a version with the review's form on the piece's page. */
  async function review(number: number, decision: 'approved' | 'changes_requested') {
    await head.goto(pieceUrl);
    const section = head.getByRole('region', { name: 'Revisão interna' });
    await expect(section.textContent()).resolves.toContain(`Versão ${number}`);
    if (number === 1) {
      await expectAccessible(head);
      await expectNoSidewaysScroll(head, 'the piece page with the internal review');
    }
    if (decision === 'changes_requested')
      await section.locator('textarea[name="message"]').fill('Mais contraste, por favor.');
    await section
      .getByRole('button', {
        name: decision === 'approved' ? 'Aprovar para o cliente' : 'Pedir alterações',
      })
      .click();
    await expect(head.getByRole('status').first().textContent()).resolves.toContain(
      decision === 'approved' ? 'Aprovada dentro da agência' : 'Alterações pedidas',
    );
  }

  /** CS sends the current version to Rita from the piece's page. */
  async function sendToRita() {
    await cs.goto(pieceUrl);
    await cs.getByRole('checkbox', { name: /Rita Moraes/ }).check();
    await cs.getByRole('button', { name: 'Enviar', exact: true }).click();
    await expect(cs.getByRole('status').first().textContent()).resolves.toContain('1 contato');
  }

  /** A version Design uploads, the head approves and CS sends to Rita: her link to it. */
  async function approvedAndSent(number: 2 | 3, rgb: [number, number, number]) {
    await uploadVersion(number, rgb);
    await review(number, 'approved');
    await sendToRita();
    return linkToVersion(number);
  }

  /** Rita's link opened on a phone, with JavaScript or without. */
  async function onPhone(url: string, javaScriptEnabled = true) {
    const context = await browser.newContext({
      locale: 'pt-BR',
      viewport: PHONE,
      javaScriptEnabled,
    });
    const page = await context.newPage();
    await page.goto(url);
    return page;
  }

  it('keeps version 1 inside the agency: the head asks for changes, CS cannot send it', async () => {
    await uploadVersion(1, [214, 160, 60]);
    await review(1, 'changes_requested');
    const refused = await cs.request.post(`${baseUrl}/api/pieces/${pieceId}/send`, {
      data: { contactIds: ['demo-contact-bakery-owner'] },
      headers: { Origin: baseUrl },
    });
    expect(refused.status()).toBe(409);
  });

  it('sends version 2, approved inside the agency; Rita asks for changes from her phone', async () => {
    const phone = await onPhone(await approvedAndSent(2, [190, 120, 40]));
    // The first version she was sent: nothing to compare with (version 1 was never hers).
    await expect(phone.locator('.version-comparison').count()).resolves.toBe(0);
    await phone.getByLabel('O que deve mudar?').fill('Troquem o dia e ponham os cafés.');
    await phone.getByRole('button', { name: 'Pedir alterações' }).click();
    await expect(phone.getByRole('status').first().textContent()).resolves.toContain('Obrigado');
    await phone.context().close();
  });

  it('shows Rita what changed from version 2 to 3 on a phone, one over the other with a slider', async () => {
    link = await approvedAndSent(3, [150, 64, 28]);
    const phone = await onPhone(link);
    const section = phone.getByRole('region', { name: 'O que mudou da versão 2 para a 3' });
    await expect(section.count()).resolves.toBe(1);
    const slider = phone.getByRole('slider', { name: 'Mostrar a versão 3 sobre a 2' });
    await expect(slider.inputValue()).resolves.toBe('50');
    // The keyboard moves it; the value is said in words.
    await slider.focus();
    await phone.keyboard.press('ArrowRight');
    await expect(slider.inputValue()).resolves.toBe('51');
    await expect(slider.getAttribute('aria-valuetext')).resolves.toBe('51% da versão 3');
    await expect(
      phone
        .locator('.compare-stage')
        .evaluate((stage) => getComputedStyle(stage).getPropertyValue('--reveal')),
    ).resolves.toBe('51%');
    // Side by side is a press away, and back.
    await expect(phone.locator('.compare-pair').isVisible()).resolves.toBe(false);
    await phone.getByRole('button', { name: 'Ver lado a lado' }).click();
    await expect(phone.locator('.compare-pair').isVisible()).resolves.toBe(true);
    await expect(slider.isVisible()).resolves.toBe(false);
    await phone.getByRole('button', { name: 'Ver uma sobre a outra' }).click();
    await expect(slider.isVisible()).resolves.toBe(true);
    // The caption's changes, marked in more than colour.
    await expect(section.locator('ins').first().textContent()).resolves.toContain('adicionado:');
    await expect(section.locator('del').first().textContent()).resolves.toContain('removido:');
    await expect(section.locator('del').allTextContents()).resolves.toContainEqual(
      expect.stringContaining('sábado'),
    );
    // Every image loads, and none is version 1's: the agency never sent it to her.
    const images = await imagesLoaded(phone);
    expect(images.every((image) => image.width === 1080)).toBe(true);
    expect(images.map((image) => image.src).join(' ')).not.toContain('/versions/1/');
    const token = link.split('/').pop();
    const never = await phone.request.get(`${baseUrl}/api/approval/${token}/versions/1/file`);
    expect(never.status()).toBe(404);
    await expectNoSidewaysScroll(phone, 'the approval page with the comparison, on a phone');
    await expectAccessible(phone);
    await phone.context().close();
  });

  it('shows the same two versions side by side without JavaScript; Rita approves', async () => {
    const phone = await onPhone(link, false);
    const pair = phone.locator('.compare-pair figure');
    await expect(pair.locator('figcaption').allTextContents()).resolves.toEqual([
      'Versão 2',
      'Versão 3',
    ]);
    await expect(phone.getByRole('slider').count()).resolves.toBe(0);
    const [older, newer] = await Promise.all(
      [0, 1].map((i) => pair.nth(i).locator('img').boundingBox()),
    );
    // Beside each other, each its own half of the screen, their height kept from the start.
    expect(older && newer && older.y === newer.y && older.x < newer.x).toBe(true);
    expect(Math.round(((newer?.height ?? 0) / (newer?.width ?? 1)) * 100)).toBe(125);
    await expectNoSidewaysScroll(phone, 'the comparison without JavaScript, on a phone');
    await phone.getByRole('button', { name: 'Aprovar' }).click();
    await expect(phone.getByRole('status').first().textContent()).resolves.toContain(
      'sua aprovação foi registrada',
    );
    await phone.context().close();
  });

  it('shows the agency the same comparison on the piece page', async () => {
    await cs.goto(pieceUrl);
    await expect(
      cs.getByRole('region', { name: 'O que mudou da versão 2 para a 3' }).count(),
    ).resolves.toBe(1);
    await expect(
      cs.getByRole('slider', { name: 'Mostrar a versão 3 sobre a 2' }).count(),
    ).resolves.toBe(1);
    await expect(cs.locator('main').textContent()).resolves.toContain(
      'Rita Moraes aprovou a versão 3',
    );
    await expectNoSidewaysScroll(cs, 'the piece page with the comparison');
    await expectAccessible(cs);
  });
});
