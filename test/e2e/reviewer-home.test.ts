import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ptBR } from '../../src/i18n/messages/pt-BR.ts';
import { expectAccessible, openSignedInBrowser } from '../support/e2e.ts';

const baseUrl = inject('baseUrl');
const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

describe('the home of a head of design (#17)', () => {
  let browser: Browser;
  let head: Page;
  beforeAll(async () => {
    ({
      browser,
      pages: [head],
    } = await openSignedInBrowser('lider.design@ponte.example'));
  });
  afterAll(() => browser?.close());

  it.each(SIZES)(
    'shows the internal reviews waiting for them, fits $width px and passes axe',
    async (size) => {
      await head.setViewportSize(size);
      const response = await head.goto(`${baseUrl}/partner`);
      expect(response?.status()).toBe(200);
      const card = head.locator('li.card', {
        has: head.getByRole('heading', { name: ptBR.dashboard.reviewsWaiting }),
      });
      await expect(card.count()).resolves.toBe(1);
      // Each review waiting links to its piece; none waiting says so calmly.
      const links = await card.locator('ul a[href^="/pieces/"]').count();
      if (links === 0)
        await expect(card.locator('.empty').textContent()).resolves.toBe(
          ptBR.dashboard.reviewsWaitingEmpty,
        );
      const overflow = await head.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await expectAccessible(head);
    },
  );
});
