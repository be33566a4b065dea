import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, openSignedInBrowser } from '../support/e2e.ts';

const baseUrl = inject('baseUrl');

/** A date (YYYY-MM-DD) some days from the Worker's now; far enough for any lead time. */
const daysFromNow = (days: number) =>
  new Date(Date.now() + inject('clockOffsetMs') + days * 86_400_000).toISOString().slice(0, 10);

describe('deadlines and task requests in a real browser', () => {
  let browser: Browser;
  let cs: Page;
  let design: Page;
  beforeAll(async () => {
    ({
      browser,
      pages: [cs, design],
    } = await openSignedInBrowser('cs@ponte.example', 'design@ponte.example'));
  });
  afterAll(() => browser?.close());

  it('lets CS record a stage and shows the client’s next deadline first', async () => {
    await cs.goto(`${baseUrl}/clients/demo-client-clinic`);
    await cs.getByLabel('Etapa', { exact: true }).selectOption('paid');
    await cs.getByRole('button', { name: 'Registrar etapa' }).click();
    await expect(cs.getByRole('status').textContent()).resolves.toBe('Etapa registrada.');
    await expect(cs.locator('main').textContent()).resolves.toContain('Primeiro contato: até');
    await expectAccessible(cs);
    await cs.goto(`${baseUrl}/clients`);
    await expect(cs.locator('tbody tr').first().textContent()).resolves.toContain(
      'Clínica Sorriso Leve',
    );
    await expectAccessible(cs);
  });

  it('refuses a request the routing policy forbids, quoting the rule, and sends an allowed one to CS', async () => {
    await design.goto(`${baseUrl}/tasks`);
    await expectAccessible(design);
    await design.getByLabel('Para o papel').selectOption('paid_traffic');
    await design.getByLabel('O que é preciso').fill('Trocar o público');
    await design.getByLabel('Por quê').fill('A campanha mudou');
    await design.getByLabel('Prazo').fill(daysFromNow(7));
    await design.getByRole('button', { name: 'Abrir pedido' }).click();
    await design.waitForURL(`${baseUrl}/tasks`);
    await expect(design.locator('#field-assigneeRole-error').textContent()).resolves.toContain(
      '/policies/task-routing/',
    );
    await expect(design.getByLabel('O que é preciso').inputValue()).resolves.toBe(
      'Trocar o público',
    );
    await expectAccessible(design);
    await design.getByLabel('Para o papel').selectOption('cs');
    await design.getByRole('button', { name: 'Abrir pedido' }).click();
    await expect(design.getByRole('status').textContent()).resolves.toBe('Pedido aberto.');

    await cs.goto(`${baseUrl}/tasks`);
    await cs.getByRole('button', { name: 'Aceitar: Trocar o público' }).click();
    await expect(cs.getByRole('status').textContent()).resolves.toBe('Pedido atualizado.');
    await expect(cs.getByRole('cell', { name: 'Aceito' }).count()).resolves.toBe(1);
    await expectAccessible(cs);
  });
});
