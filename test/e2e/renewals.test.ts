import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addDaysToIsoDate, isoDateInZone, policy } from '../../src/policy/index.ts';
import { expectAccessible, openSignedInBrowser } from '../support/e2e.ts';

// A renewal recorded on a client of its own (the demo clients' pipelines stay as seeded): CS
// registers a client whose service ends in ten days, renews it at phone size, refused first on
// its field for an end not after the current one, then twice, one service after the other.
// Then a client whose service ended: a refund asked after the end is refused on its field
// until the renewal is recorded.

const baseUrl = inject('baseUrl');
const serverNow = () => new Date(Date.now() + inject('clockOffsetMs'));
const CLIENT = `Padaria ${Date.now().toString(36)}`;

describe('renewals on the client page', () => {
  let browser: Browser;
  let cs: Page;
  const today = () => isoDateInZone(serverNow(), policy.agency.timeZone);
  const endsOn = addDaysToIsoDate(today(), 10);
  beforeAll(async () => {
    ({
      browser,
      pages: [cs],
    } = await openSignedInBrowser('cs@ponte.example'));
  });
  afterAll(() => browser?.close());

  it('CS renews the client’s service twice; an end not after the current one is refused on its field', async () => {
    await cs.setViewportSize({ width: 1280, height: 800 });
    await cs.goto(`${baseUrl}/clients/new`);
    await cs.getByLabel('Nome do cliente').fill(CLIENT);
    await cs.getByLabel('Início do serviço').fill(addDaysToIsoDate(today(), -20));
    await cs.getByLabel('Fim do serviço').fill(endsOn);
    await cs.locator('form[action="/api/clients"] button[type="submit"]').click();
    await cs.waitForURL(/\/clients\/[^/]+$/);
    const clientPath = new URL(cs.url()).pathname;

    await cs.setViewportSize({ width: 390, height: 844 });
    await cs.locator('summary', { hasText: 'Registrar a renovação' }).click();
    await cs.getByLabel('Novo fim do serviço').fill(endsOn);
    await cs.getByRole('button', { name: 'Registrar a renovação' }).click();
    await expect(cs.getByRole('alert').textContent()).resolves.toContain(
      'O novo fim precisa ser depois do fim atual',
    );
    await expect(cs.locator('#field-renewedUntil').getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );
    await expectAccessible(cs);

    const nextEnd = addDaysToIsoDate(endsOn, 30);
    await cs.getByLabel('Novo fim do serviço').fill(nextEnd);
    await cs.getByRole('button', { name: 'Registrar a renovação' }).click();
    await expect(cs.getByRole('status').textContent()).resolves.toContain('Renovação registrada');
    expect(new URL(cs.url()).pathname).toBe(clientPath);
    await expect(cs.locator('#renewals').locator('..').textContent()).resolves.toContain(
      'Carla Campos',
    );
    // The next service renews too: a second renewal, listed above the first.
    await cs.locator('summary', { hasText: 'Registrar a renovação' }).click();
    await cs.getByLabel('Novo fim do serviço').fill(addDaysToIsoDate(nextEnd, 30));
    await cs.getByRole('button', { name: 'Registrar a renovação' }).click();
    await expect(cs.getByRole('status').textContent()).resolves.toContain('Renovação registrada');
    await expect(cs.locator('#renewals').locator('..').locator('li').count()).resolves.toBe(2);
    await expect(cs.locator('main').textContent()).resolves.toContain(
      'registrou que o cliente renovou o serviço',
    );
    const overflow = await cs.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(cs);
  });

  it('a refund asked after the service ended is refused on its field until the renewal is recorded', async () => {
    const endedOn = addDaysToIsoDate(today(), -5);
    const askedOn = addDaysToIsoDate(endedOn, 2);
    await cs.setViewportSize({ width: 1280, height: 800 });
    await cs.goto(`${baseUrl}/clients/new`);
    await cs.getByLabel('Nome do cliente').fill(`${CLIENT} 2`);
    await cs.getByLabel('Início do serviço').fill(addDaysToIsoDate(endedOn, -30));
    await cs.getByLabel('Fim do serviço').fill(endedOn);
    await cs.locator('form[action="/api/clients"] button[type="submit"]').click();
    await cs.waitForURL(/\/clients\/[^/]+$/);

    await cs.setViewportSize({ width: 390, height: 844 });
    await cs.locator('summary', { hasText: 'Registrar o reembolso' }).click();
    await cs.getByLabel('Dia em que o cliente pediu').fill(askedOn);
    await cs.getByRole('button', { name: 'Registrar o reembolso' }).click();
    await expect(cs.getByRole('alert').textContent()).resolves.toContain(
      'registre a renovação primeiro',
    );
    await expect(cs.locator('#field-requestedOn').getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );
    await expectAccessible(cs);

    await cs.locator('summary', { hasText: 'Registrar a renovação' }).click();
    await cs.getByLabel('Novo fim do serviço').fill(addDaysToIsoDate(endedOn, 30));
    await cs.getByRole('button', { name: 'Registrar a renovação' }).click();
    await expect(cs.getByRole('status').textContent()).resolves.toContain('Renovação registrada');
    await cs.locator('summary', { hasText: 'Registrar o reembolso' }).click();
    await cs.getByLabel('Dia em que o cliente pediu').fill(askedOn);
    await cs.getByRole('button', { name: 'Registrar o reembolso' }).click();
    await expect(cs.getByRole('status').textContent()).resolves.toContain('Reembolso registrado');
    await expectAccessible(cs);
  });
});
