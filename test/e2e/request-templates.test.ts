import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, openSignedInBrowser } from '../support/e2e.ts';

const baseUrl = inject('baseUrl');
// The clinic's forms: the bakery's defaults stay as the client space's journey expects them.
const EDITOR = '/clients/demo-client-clinic/request-templates';

/** CS edits a client's request form without JavaScript: a new version, and a refusal on its cell. */
describe('the request forms editor (#18)', () => {
  let browser: Browser;
  let cs: Page;
  beforeAll(async () => {
    ({
      browser,
      pages: [cs],
    } = await openSignedInBrowser('cs@ponte.example'));
    await cs.context().route('**/*.js', (route) => route.abort());
  });
  afterAll(() => browser?.close());

  const projectForm = () => cs.locator('section', { has: cs.locator('#form-project') });

  it('is linked from the client page, shows the default in force, and saves version 1 from the blank row', async () => {
    await cs.goto(`${baseUrl}/clients/demo-client-clinic`);
    await cs.getByRole('link', { name: 'Formulários de pedido' }).click();
    await cs.waitForURL(`${baseUrl}${EDITOR}`);
    await expect(projectForm().textContent()).resolves.toContain('vale o formulário padrão');
    await expectAccessible(cs);
    const form = projectForm();
    const blank = form.locator('fieldset').last();
    await blank.getByLabel('Chave').fill('campaign');
    await blank.getByLabel('Rótulo').fill('Nome da campanha');
    await blank.getByLabel('Obrigatório').check();
    await form.getByRole('button', { name: 'Gravar como nova versão' }).click();
    await cs.waitForURL(`${baseUrl}${EDITOR}#form-project`);
    await expect(cs.getByRole('status').first().textContent()).resolves.toContain(
      'Gravado como versão 1.',
    );
    await expect(projectForm().textContent()).resolves.toContain('Versão 1 em vigor.');
  });

  it('refuses a field that asks for a password, marked on its cell, and fits a phone', async () => {
    await cs.setViewportSize({ width: 390, height: 844 });
    const blank = projectForm().locator('fieldset').last();
    await blank.getByLabel('Chave').fill('access');
    await blank.getByLabel('Rótulo').fill('Senha do Instagram');
    await projectForm().getByRole('button', { name: 'Gravar como nova versão' }).click();
    await cs.waitForURL(`${baseUrl}${EDITOR}`);
    const summary = cs.getByRole('alert');
    await expect(summary.textContent()).resolves.toContain('nunca pede senhas');
    // The summary leads to the refused cell: the new row after the default's four and version 1's one.
    await expect(summary.getByRole('link').getAttribute('href')).resolves.toBe(
      '#field-project-5-label',
    );
    const label = cs.locator('#field-project-5-label');
    await expect(label.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(label.inputValue()).resolves.toBe('Senha do Instagram');
    await expect(projectForm().textContent()).resolves.toContain('Versão 1 em vigor.');
    const overflow = await cs.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(cs);
  });
});
