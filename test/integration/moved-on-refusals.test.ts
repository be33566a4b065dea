import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoInvoices } from '../../db/seed-invoices.ts';
import { seedDemoPieces } from '../../db/seed-pieces.ts';
import { postJson, seedPeople, signIn } from '../support/sign-in.ts';
import { createTestApp, readJson, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

// An action on something that moved on since its page was shown (a second click, a second
// tab) is refused with a message naming that thing, not another kind of object.
describe.each(DRIVERS)('a refusal says what moved on, in its own words (%s)', (driver) => {
  let app: TestApp;
  let cs: string;
  beforeAll(async () => {
    app = await createTestApp(driver);
    app.setNow(new Date('2026-03-02T13:00:00Z'));
    await seedPeople(app);
    await seedDemoInvoices(app.db, app.files, app.deps.clock());
    await seedDemoPieces(app.db, app.files, app.deps.clock());
    cs = await signIn(app, 'cs@ponte.example');
  });
  afterAll(() => app.close());

  const refusal = async (response: Response) => {
    expect(response.status).toBe(409);
    const { error } = await readJson(response);
    expect(error.code).toBe('wrong_status');
    return error.message as string;
  };

  it('an invoice already approved', async () => {
    const finance = await signIn(app, 'financeiro@ponte.example');
    const again = await app.request(
      '/api/finance/invoices/demo-invoice-organic/approve',
      postJson({}, { cookie: finance }),
    );
    expect(await refusal(again)).toMatch(/^Esta fatura mudou de situação/);
  });

  it('a change request already done', async () => {
    const recorded = await app.request(
      '/api/clients/demo-client-bakery/changes',
      postJson({ kind: 'targetingOrText', summary: 'Trocar o título' }, { cookie: cs }),
    );
    const { id } = await readJson(recorded);
    const markDone = () =>
      app.request(
        `/api/clients/demo-client-bakery/changes/${id}/done`,
        postJson({}, { cookie: cs }),
      );
    expect((await markDone()).status).toBe(200);
    const message = await refusal(await markDone());
    expect(message).toMatch(/pedido de alteração/);
    expect(message).not.toMatch(/fatura/);
  });

  it('a task request not yet accepted', async () => {
    const design = await signIn(app, 'design@ponte.example');
    const opened = await app.request(
      '/api/tasks',
      postJson(
        {
          clientId: 'demo-client-bakery',
          assigneeRole: 'cs',
          what: 'Aprovar o layout',
          why: 'Campanha',
          dueOn: '2026-03-06',
        },
        { cookie: design },
      ),
    );
    expect(opened.status).toBe(200);
    const { id } = await readJson(opened);
    const early = await app.request(`/api/tasks/${id}/complete`, postJson({}, { cookie: cs }));
    const message = await refusal(early);
    expect(message).toMatch(/solicitação de tarefa/);
    expect(message).not.toMatch(/fatura/);
  });

  it('an approval round already withdrawn', async () => {
    const sent = await app.request(
      '/api/pieces/demo-piece-launch/send',
      postJson({ contactIds: ['demo-contact-bakery-owner'], rule: 'all' }, { cookie: cs }),
    );
    expect(sent.status).toBe(200);
    const withdraw = () =>
      app.request('/api/pieces/demo-piece-launch/revoke', postJson({}, { cookie: cs }));
    expect((await withdraw()).status).toBe(200);
    const message = await refusal(await withdraw());
    expect(message).toMatch(/rodada de aprovação/);
    expect(message).not.toMatch(/fatura/);
  });

  it('in the reader’s language', async () => {
    const again = await app.request(
      '/api/pieces/demo-piece-launch/revoke',
      postJson({}, { cookie: cs, headers: { 'Accept-Language': 'en' } }),
    );
    expect(await refusal(again)).toMatch(/approval round/);
  });
});
