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
  let organic: Page;
  let taskUrl = '';
  beforeAll(async () => {
    ({
      browser,
      pages: [cs, design, organic],
    } = await openSignedInBrowser(
      'cs@ponte.example',
      'design@ponte.example',
      'trafego.organico@ponte.example',
    ));
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

  it('offers only the roles the policy lets Design ask, refuses a date too soon in a sentence, and opens the request on a page of its own', async () => {
    await design.goto(`${baseUrl}/tasks`);
    await expectAccessible(design);
    // Design may ask CS only: no other role is offered (the API still refuses them).
    const offered = await design
      .getByLabel('Para o papel')
      .locator('option')
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(offered).toEqual(['cs']);
    await expect(
      design.getByRole('link', { name: 'Quem pode pedir a quem, no manual' }).getAttribute('href'),
    ).resolves.toBe('/policies/task-routing/');
    await design.getByLabel('O que é preciso').fill('Trocar o público');
    await design.getByLabel('Por quê').fill('A campanha mudou');
    await design.getByLabel('Prazo').fill(daysFromNow(0));
    await design.getByRole('button', { name: 'Abrir pedido' }).click();
    await design.waitForURL(`${baseUrl}/tasks`);
    const refusal = await design.locator('#field-dueOn-error').textContent();
    expect(refusal).toMatch(/^As tarefas precisam de pelo menos 2 dias de antecedência: .+\.$/);
    expect(refusal).not.toContain('/policies/');
    await expect(design.getByLabel('Prazo').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(design.getByLabel('O que é preciso').inputValue()).resolves.toBe(
      'Trocar o público',
    );
    await expectAccessible(design);
    await design.getByLabel('Prazo').fill(daysFromNow(7));
    await design.getByRole('button', { name: 'Abrir pedido' }).click();
    await design.waitForURL(/\/tasks\/[0-9a-f-]{36}$/);
    taskUrl = design.url();
    await expect(design.getByRole('status').textContent()).resolves.toMatch(/^Pedido aberto\./);
    await expect(design.locator('h1').textContent()).resolves.toBe('Trocar o público');
    // A detail page: the breadcrumb leads back to the list, the navigation marks Tasks.
    const back = design.locator('nav.breadcrumbs a');
    await expect(back.textContent()).resolves.toBe('Pedidos de tarefa');
    await expect(back.getAttribute('href')).resolves.toBe('/tasks');
    await expect(
      design.locator('nav.site-nav a[aria-current="page"]').first().textContent(),
    ).resolves.toBe('Tarefas');
    await expect(design.locator('.timeline').textContent()).resolves.toContain(
      'Davi Duarte (design) abriu um pedido de tarefa',
    );
    await expectAccessible(design);
  });

  it('lets CS see who asked and accept from the list, then complete on the request’s page', async () => {
    await cs.goto(`${baseUrl}/tasks`);
    const row = cs.locator('tbody tr', { hasText: 'Trocar o público' });
    await expect(row.locator('td[data-label="Quem pediu"]').textContent()).resolves.toBe(
      'Davi Duarte',
    );
    await cs.getByRole('button', { name: 'Aceitar: Trocar o público' }).click();
    await expect(cs.getByRole('status').textContent()).resolves.toMatch(/^Pedido atualizado\./);
    await expect(row.locator('td[data-label="Situação"] .badge').textContent()).resolves.toBe(
      'Aceito',
    );
    await expectAccessible(cs);
    await cs.goto(taskUrl);
    await cs.getByRole('button', { name: 'Concluir' }).click();
    await cs.waitForURL(taskUrl);
    await expect(cs.locator('.badge').first().textContent()).resolves.toBe('Concluído');
    await expectAccessible(cs);
  });

  it('answers 404 to a partner who may not see the request, and fits a phone', async () => {
    const response = await organic.goto(taskUrl);
    expect(response?.status()).toBe(404);
    await expect(organic.locator('main').textContent()).resolves.not.toContain('Trocar o público');
    for (const page of [cs, design]) {
      await page.setViewportSize({ width: 390, height: 844 });
      for (const path of ['/tasks', new URL(taskUrl).pathname]) {
        await page.goto(`${baseUrl}${path}`);
        const [scrollWidth, innerWidth] = await page.evaluate(() => [
          document.documentElement.scrollWidth,
          window.innerWidth,
        ]);
        expect(scrollWidth, path).toBeLessThanOrEqual(innerWidth);
      }
    }
  });
});
