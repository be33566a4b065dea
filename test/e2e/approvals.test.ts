import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoPng } from '../../db/demo-png.ts';
import { expectAccessible, mailTo, openSignedInBrowser } from '../support/e2e.ts';

const baseUrl = inject('baseUrl');
const PIECE = '/pieces/demo-piece-launch';
const LINK = /https?:\/\/\S+\/approval\/[a-z2-7]{32}/;
const INTERNAL = 'NOTA-INTERNA-E2E só para a agência';

/**
 * The page's one pin the client sees is a target of at least 24×24 CSS px (WCAG 2.2) that leads to its
 * comment, and the comment links back to it; following the pin lands on the comment.
 */
async function expectPinLinkedToComment(page: Page) {
  const pin = page.locator('a.pin:not(.internal)');
  await expect(pin.count()).resolves.toBe(1);
  const size = await pin.boundingBox();
  expect(size?.width).toBeGreaterThanOrEqual(24);
  expect(size?.height).toBeGreaterThanOrEqual(24);
  const href = (await pin.getAttribute('href')) ?? '';
  expect(href).toMatch(/^#comment-/);
  const back = page.locator(`${href} a[href="#${await pin.getAttribute('id')}"]`);
  await expect(back.textContent()).resolves.toContain('ponto 1');
  await pin.click();
  expect(page.url().endsWith(href)).toBe(true);
}

describe('client approval of a piece in a real browser', () => {
  let browser: Browser;
  let cs: Page;
  let head: Page;
  let link: string;
  beforeAll(async () => {
    ({
      browser,
      pages: [cs, head],
    } = await openSignedInBrowser('cs@ponte.example', 'lider.design@ponte.example'));
  });
  afterAll(() => browser?.close());

  it('shows CS the board and the piece, and sends it to a contact with an internal note kept back', async () => {
    await cs.goto(`${baseUrl}/pieces`);
    await expectAccessible(cs);
    // The card's thumbnail is the piece's image, and it loads (the file route serves it).
    const thumb = cs.locator('.thumb img').first();
    await expect(thumb.getAttribute('src')).resolves.toBe(
      '/api/pieces/demo-piece-launch/versions/1/file',
    );
    await thumb.evaluate((img: HTMLImageElement) => img.decode());
    await expect(thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).resolves.toBe(1080);
    await cs.getByRole('link', { name: /Post de lançamento/ }).click();
    await cs.waitForURL(`${baseUrl}${PIECE}`);
    await expectAccessible(cs);
    // The agency pins too: an internal note on a point of the image, numbered apart ("i1").
    await cs.getByRole('img', { name: /Post de lançamento/ }).click({ position: { x: 40, y: 40 } });
    await expect(cs.getByLabel('O comentário é sobre').inputValue()).resolves.toBe('image');
    await cs.getByLabel('Comentário', { exact: true }).fill(INTERNAL);
    await cs.getByRole('button', { name: 'Comentar' }).click();
    await expect(cs.getByText(INTERNAL).count()).resolves.toBe(1);
    await expect(cs.locator('a.pin.internal').textContent()).resolves.toBe('i1');
    await cs.getByRole('checkbox', { name: /Rita Moraes/ }).check();
    await cs.getByRole('button', { name: 'Enviar', exact: true }).click();
    await expect(cs.getByRole('status').textContent()).resolves.toContain('1 contato');
    link = (await mailTo('rita@paoquente.example', LINK)).match;
  });

  it('changes nothing when a mail scanner fetches, heads or prefetches the link', async () => {
    const scanner = await browser.newContext();
    await scanner.request.head(link);
    await scanner.request.get(link, { headers: { 'Sec-Purpose': 'prefetch' } });
    const plain = await scanner.request.get(link);
    expect(plain.headers()['referrer-policy']).toBe('no-referrer');
    expect(plain.headers()['cache-control']).toContain('no-store');
    expect(await plain.text()).not.toContain('NOTA-INTERNA-E2E');
    await scanner.close();
    await cs.reload();
    await expect(cs.getByRole('cell', { name: 'Ainda não visto' }).count()).resolves.toBe(1);
  });

  it('fits the client’s link to a laptop and a phone, axe clean at both', async () => {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 390, height: 844 },
    ]) {
      const context = await browser.newContext({ locale: 'pt-BR', viewport });
      const page = await context.newPage();
      await page.goto(link);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow, `the approval page at ${viewport.width} px`).toBeLessThanOrEqual(0);
      await expectAccessible(page);
      await context.close();
    }
  });

  it('lets the client comment on a point of the image and on the text, from a phone', async () => {
    const phone = await (
      await browser.newContext({ locale: 'pt-BR', viewport: { width: 390, height: 844 } })
    ).newPage();
    await phone.goto(link);
    await expectAccessible(phone);
    await expect(phone.getByText(/Este link é pessoal, Rita Moraes/).count()).resolves.toBe(1);
    expect(await phone.content()).not.toContain('NOTA-INTERNA-E2E');
    const image = phone.getByRole('img', { name: /Post de lançamento/ });
    const box = await image.boundingBox();
    expect(box && box.width <= 390).toBe(true);
    // Without a pointer: the image takes focus and the arrows place the point.
    await phone.locator('.piece-image').focus();
    await phone.keyboard.press('ArrowDown');
    await phone.keyboard.press('ArrowDown');
    await expect(phone.locator('input[name="pinY"]').inputValue()).resolves.toBe('0.5500');
    await expect(phone.getByRole('radio', { name: 'A imagem' }).isChecked()).resolves.toBe(true);
    await image.click({ position: { x: (box?.width ?? 100) / 4, y: (box?.height ?? 100) / 2 } });
    expect(Number(await phone.locator('input[name="pinX"]').inputValue())).toBeCloseTo(0.25, 1);
    await phone.locator('#field-body').fill('O pão pode ficar mais dourado');
    await phone.getByRole('button', { name: 'Comentar' }).click();
    await expect(phone.getByText('ponto 1').count()).resolves.toBe(1);
    await expectPinLinkedToComment(phone);
    await phone.getByRole('radio', { name: 'O texto' }).check();
    await phone.locator('#field-body').fill('Troque "quentinho" por "fresquinho"');
    await phone.getByRole('button', { name: 'Comentar' }).click();
    await expect(
      phone.locator('.comment-body', { hasText: 'Troque "quentinho" por "fresquinho"' }).count(),
    ).resolves.toBe(1);
    await expectAccessible(phone);
    await phone.context().close();
    await cs.reload();
    await expect(cs.getByRole('cell', { name: 'Ainda não visto' }).count()).resolves.toBe(0);
    await expectPinLinkedToComment(cs);
  });

  it('takes a request for changes once, shows it read-only, and e-mails CS', async () => {
    const page = await browser.newPage({ locale: 'pt-BR', javaScriptEnabled: false });
    await page.goto(link);
    await page.getByRole('button', { name: 'Pedir alterações' }).click();
    await expect(page.locator('#field-message-error').textContent()).resolves.toContain(
      'o que deve mudar',
    );
    await page.getByLabel('O que deve mudar?').fill('Mais dourado e a legenda nova, por favor.');
    await page.getByRole('button', { name: 'Pedir alterações' }).click();
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('Obrigado');
    // Read-only now (axe needs JavaScript, which this page has off: the same page is checked above).
    await expect(page.getByRole('button', { name: 'Aprovar' }).count()).resolves.toBe(0);
    // A second tab, or a replay, changes nothing and says so.
    const token = link.split('/').pop();
    const replay = await page.request.post(`${baseUrl}/api/approval/${token}/decision`, {
      data: { decision: 'approved' },
      headers: { Origin: baseUrl },
    });
    expect(replay.status()).toBe(409);
    await page.close();
    const mail = await mailTo('cs@ponte.example', /Mais dourado e a legenda nova/);
    expect(mail.subject).toContain('Alterações pedidas');
  });

  it('sends a new version to the same contact once the head of design approves it; the old link says where it went; the client approves', async () => {
    await cs.goto(`${baseUrl}${PIECE}`);
    await expect(cs.getByText('Alterações pedidas').first().count()).resolves.toBe(1);
    await cs.locator('#field-file').setInputFiles({
      name: 'lancamento-v2.png',
      mimeType: 'image/png',
      buffer: Buffer.from(demoPng(1080, 1080, [200, 130, 40])),
    });
    await cs.getByRole('button', { name: 'Enviar versão' }).click();
    // A social post goes to the head of design first (#17): "send to the same contacts" stays
    // ticked, so the version is held and goes to Rita with the internal approval.
    await expect(cs.getByRole('status').first().textContent()).resolves.toContain(
      'Versão 2 adicionada. Ela passa primeiro pela revisão interna',
    );
    await head.goto(`${baseUrl}${PIECE}`);
    const review = head.getByRole('region', { name: 'Revisão interna' });
    await expect(review.textContent()).resolves.toContain('Versão 2');
    await review.getByRole('button', { name: 'Aprovar para o cliente' }).click();
    await expect(head.getByRole('status').first().textContent()).resolves.toContain(
      'Aprovada dentro da agência e enviada, como o CS pediu, a 1 contato',
    );
    const old = await browser.newPage({ locale: 'pt-BR' });
    await old.goto(link);
    await expect(old.getByText(/Existe uma versão mais nova \(versão 2\)/).count()).resolves.toBe(
      1,
    );
    await old.close();
    const newLink = (await mailTo('rita@paoquente.example', LINK)).match;
    expect(newLink).not.toBe(link);
    const page = await browser.newPage({ locale: 'pt-BR' });
    await page.goto(newLink);
    await expect(page.getByText(/Versão 1: Rita Moraes — Pediu alterações/).count()).resolves.toBe(
      1,
    );
    await page.getByRole('button', { name: 'Aprovar' }).click();
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(
      'sua aprovação foi registrada',
    );
    await expectAccessible(page);
    await page.close();
    const approved = await mailTo('cs@ponte.example', /aprovou "Post de lançamento/);
    expect(approved.subject).toContain('Aprovada');
    await cs.reload();
    await expect(cs.locator('main').textContent()).resolves.toContain(
      'Rita Moraes aprovou a versão 2',
    );
    await expectAccessible(cs);
  });

  it('gives a forged link a clear page', async () => {
    const page = await browser.newPage({ locale: 'pt-BR' });
    const response = await page.goto(`${baseUrl}/approval/${'a'.repeat(32)}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Não encontramos');
    await expectAccessible(page);
    await page.close();
  });
});
