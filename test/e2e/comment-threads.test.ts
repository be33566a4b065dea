import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, mailTo, openSignedInBrowser } from '../support/e2e.ts';

const baseUrl = inject('baseUrl');
// The demo's banner at version 2, ready to send: Rita commented on version 1 (one thread
// answered and resolved, one about the text still open).
const PIECE = '/pieces/demo-piece-menu';
const TEXT_THREAD = '#comment-demo-piece-menu-text';
const LINK = /https?:\/\/\S+\/approval\/[a-z2-7]{32}/;
const INTERNAL = 'SÓ-NA-AGÊNCIA-E2E';
const ANSWER = 'Texto e preço de outono na versão 2.';

describe('a conversation on the client’s comments, in a real browser', () => {
  let browser: Browser;
  let cs: Page;
  beforeAll(async () => {
    ({
      browser,
      pages: [cs],
    } = await openSignedInBrowser('cs@ponte.example'));
  });
  afterAll(() => browser?.close());

  /** Waits for the notice the page comes back with. */
  const notice = (page: Page, text: string) =>
    page.getByRole('status').filter({ hasText: text }).waitFor();

  /** Replies in the text thread with its form (a plain post), marked internal only or not. */
  async function replyInTextThread(text: string, internalOnly: boolean) {
    await cs.goto(`${baseUrl}${PIECE}`);
    const thread = cs.locator(TEXT_THREAD);
    await thread.getByText('Responder', { exact: true }).first().click();
    await thread.getByLabel('Resposta', { exact: true }).fill(text);
    if (internalOnly) await thread.getByRole('checkbox', { name: /Só interno/ }).check();
    await thread.getByRole('button', { name: 'Responder' }).click();
  }

  it('lets CS answer the client visibly and internally, see the open count, and resolve', async () => {
    await cs.goto(`${baseUrl}${PIECE}`);
    await expect(
      cs.getByRole('heading', { name: 'Comentários do cliente na versão 1' }).count(),
    ).resolves.toBe(1);
    await replyInTextThread(ANSWER, false);
    await notice(cs, 'o cliente a vê');
    await replyInTextThread(INTERNAL, true);
    await notice(cs, 'só a agência vê');
    await expectAccessible(cs);

    await cs.goto(`${baseUrl}/pieces`);
    const card = cs.locator('.piece-card', { hasText: 'Banner do cardápio de outono' });
    await expect(card.textContent()).resolves.toContain('Comentários do cliente em aberto: 1');

    await cs.goto(`${baseUrl}${PIECE}`);
    await cs.locator(TEXT_THREAD).getByRole('button', { name: 'Marcar como resolvido' }).click();
    await notice(cs, 'marcada como resolvida');
    await expect(
      cs.locator(TEXT_THREAD).getByRole('button', { name: 'Reabrir' }).count(),
    ).resolves.toBe(1);
  });

  it('shows the client, on version 2 at a phone’s size, what became of their comments', async () => {
    await cs.getByRole('checkbox', { name: /Rita Moraes/ }).check();
    await cs.getByRole('button', { name: 'Enviar', exact: true }).click();
    await notice(cs, '1 contato');
    const link = (await mailTo('rita@paoquente.example', LINK)).match;

    const context = await browser.newContext({
      locale: 'pt-BR',
      viewport: { width: 390, height: 844 },
    });
    const phone = await context.newPage();
    await phone.goto(link);
    const before = phone.locator('section', {
      has: phone.getByRole('heading', { name: 'Seus comentários na versão 1' }),
    });
    await expect(before.locator('.badge', { hasText: 'Resolvido' }).count()).resolves.toBe(2);
    await expect(before.textContent()).resolves.toContain(ANSWER);
    await expect(phone.content()).resolves.not.toContain(INTERNAL);
    const overflow = await phone.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(phone);
    await context.close();
  });
});
