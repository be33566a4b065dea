import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/i18n/index.ts';
import { policy } from '../../src/policy/index.ts';
import { describeEvent } from '../../src/server/audit/history-sentence.ts';
import { loadClientPage } from '../../src/server/clients/client-page.ts';
import { openApprovalsApp } from '../support/approvals.ts';
import { postJson } from '../support/sign-in.ts';
import { readJson, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const BAKERY = 'demo-client-bakery';

/** The client page's history tells CS who showed which project in the client space, or hid it, and when. */
describe.each(DRIVERS)('the client’s history (%s)', (driver) => {
  let app: TestApp;
  let cs: string;
  const csId = 'demo-cs';
  beforeAll(async () => {
    ({ app, cs } = await openApprovalsApp(driver));
  });
  afterAll(() => app.close());

  const sentences = async (locale: 'pt-BR' | 'en') => {
    const page = await loadClientPage(
      app.db,
      { id: csId, roles: ['cs'] },
      BAKERY,
      policy,
      app.deps.clock(),
    );
    const t = createTranslator(locale);
    return (page?.managed?.history ?? []).map((entry) => describeEvent(entry, { t, locale }));
  };

  it('shows a project shown and then hidden as sentences naming who and which project, newest first', async () => {
    const created = await app.request(
      '/api/pieces/projects',
      postJson({ clientId: BAKERY, name: 'Natal' }, { cookie: cs }),
    );
    const { id } = await readJson(created);
    for (const visible of ['true', 'false']) {
      const turned = await app.request(
        `/api/pieces/projects/${id}/visibility`,
        postJson({ visible }, { cookie: cs }),
      );
      expect(turned.status).toBe(200);
    }
    const english = await sentences('en');
    const hidden = english.findIndex((s) => /hid the project Natal from the client space/.test(s));
    const shown = english.findIndex((s) => /showed the project Natal in the client space/.test(s));
    expect(hidden).toBeGreaterThanOrEqual(0);
    expect(shown).toBeGreaterThan(hidden);
    expect(english[hidden]).toMatch(/\(CS\) hid/);
    expect(await sentences('pt-BR')).toContainEqual(
      expect.stringMatching(/mostrou o projeto Natal no espaço do cliente/),
    );
  });

  it('shows no project of another client', async () => {
    const english = await sentences('en');
    const page = await loadClientPage(
      app.db,
      { id: csId, roles: ['cs'] },
      'demo-client-clinic',
      policy,
      app.deps.clock(),
    );
    expect(english.length).toBeGreaterThan(0);
    for (const entry of page?.managed?.history ?? []) {
      expect(entry.data?.projectName).not.toBe('Natal');
    }
  });
});
