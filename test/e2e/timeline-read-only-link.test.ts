import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAccessibilityViolations, launchBrowser } from '../support/browser.ts';
import { mailTo } from '../support/e2e.ts';

// The demo's note for Rita (db/seed-timeline-acks.ts): it asks no acknowledgement, and Rita
// may not use the client space.
const NOTE = 'Fotos do produto na sexta-feira';

/**
 * The read-only personal link (#19): a notice that asks nothing still carries a link, which
 * shows the entry at phone size with no answer to give. Reading changes no demo record.
 */
describe('the read-only timeline link', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it('shows Rita the note from her e-mail, with no answer buttons', async () => {
    const link = (
      await mailTo(
        'rita@paoquente.example',
        new RegExp(`(?<=${NOTE}[\\s\\S]*)https?://\\S+/timeline-ack/[a-z2-7]+`),
      )
    ).match;
    const phone = await browser.newContext({
      locale: 'pt-BR',
      viewport: { width: 390, height: 844 },
    });
    const rita = await phone.newPage();
    await rita.goto(link);
    const main = (await rita.locator('main').textContent()) ?? '';
    expect(main).toContain(NOTE);
    expect(main).toContain('O fotógrafo chega às 9h');
    await expect(rita.locator('form[action*="/api/timeline-ack/"]').count()).resolves.toBe(0);
    expect(main).not.toContain('Li e estou de acordo');
    const overflow = await rita.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await findAccessibilityViolations(rita)).toEqual([]);
    await phone.close();
  });
});
