import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientRefunds, clients, events } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { loadClientPage } from '../../src/server/clients/client-page.ts';
import { postJson, signIn } from '../support/sign-in.ts';
import { openAppWithOtherCs } from '../support/teams.ts';
import { readJson, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

/** CS's (or an admin's) POST of a refund on a client's page. */
const recordRefund = (app: TestApp, cookie: string, clientId: string, body: object) =>
  app.request(`/api/clients/${clientId}/refunds`, postJson(body, { cookie }));

describe.each(DRIVERS)('refunds recorded on a client (%s)', (driver) => {
  let app: TestApp;
  let cs: string;
  let otherCs: string;
  let admin: string;
  const written = async () => ({
    refunds: (await app.db.select().from(clientRefunds)).length,
    events: (await app.db.select().from(events).where(eq(events.action, 'refund_recorded'))).length,
  });

  beforeAll(async () => {
    ({ app, cs, otherCs } = await openAppWithOtherCs(driver));
    admin = await signIn(app, 'admin@ponte.example');
    // The test clock is 2026-03-02 10:00 in São Paulo.
    await app.db
      .update(clients)
      .set({ serviceStartsOn: '2026-02-20' })
      .where(eq(clients.id, 'demo-client-bakery'));
  });
  afterAll(() => app.close());

  it('refuses a day before the service, in the future, not a date, or without a service: nothing written', async () => {
    const before = await written();
    const cases: [string, object, number, string][] = [
      ['demo-client-bakery', { requestedOn: '2026-02-19' }, 400, 'before_service'],
      ['demo-client-bakery', { requestedOn: '2026-03-03' }, 400, 'in_future'],
      ['demo-client-bakery', { requestedOn: 'ontem' }, 400, 'validation'],
      ['demo-client-bakery', { requestedOn: '2026-02-30' }, 400, 'validation'],
      ['demo-client-clinic', { requestedOn: '2026-03-01' }, 400, 'no_service'],
    ];
    for (const [clientId, body, status, code] of cases) {
      const refused = await recordRefund(app, cs, clientId, body);
      expect(refused.status).toBe(status);
      const problem = await readJson(refused);
      expect(problem.error.code).toBe(code);
      if (code !== 'validation') expect(problem.error.fields.requestedOn).toBeTruthy();
    }
    expect(
      (
        await readJson(
          await recordRefund(app, cs, 'demo-client-bakery', { requestedOn: '2026-03-03' }),
        )
      ).error.message,
    ).toBe('O dia em que o cliente pediu não pode estar no futuro.');
    expect(await written()).toEqual(before);
  });

  it('another CS gets 404; a note too long is refused', async () => {
    const before = await written();
    expect(
      (await recordRefund(app, otherCs, 'demo-client-bakery', { requestedOn: '2026-02-25' }))
        .status,
    ).toBe(404);
    const long = { requestedOn: '2026-02-25', note: 'x'.repeat(policy.refunds.maxNoteChars + 1) };
    expect((await recordRefund(app, cs, 'demo-client-bakery', long)).status).toBe(400);
    expect(await written()).toEqual(before);
  });

  it('records one on the service’s first day, with an event in the client’s history; twice is 409', async () => {
    const recorded = await recordRefund(app, cs, 'demo-client-bakery', {
      requestedOn: '2026-02-20',
      note: 'Pediu por e-mail',
    });
    expect(recorded.status).toBe(200);
    const after = await written();
    const again = await recordRefund(app, admin, 'demo-client-bakery', {
      requestedOn: '2026-03-02',
    });
    expect(again.status).toBe(409);
    expect((await readJson(again)).error.code).toBe('already_recorded');
    expect(await written()).toEqual(after);
    const page = await loadClientPage(
      app.db,
      { id: 'demo-cs', roles: ['cs'] },
      'demo-client-bakery',
      policy,
      app.deps.clock(),
    );
    expect(page?.managed?.refunds).toEqual([
      expect.objectContaining({
        requestedOn: '2026-02-20',
        note: 'Pediu por e-mail',
        recordedByName: 'Carla Campos',
      }),
    ]);
    expect(page?.managed?.history.map((entry) => entry.action)).toContain('refund_recorded');
  });

  it('a renewed service may have its own refund', async () => {
    await app.db
      .update(clients)
      .set({ serviceStartsOn: '2026-03-01' })
      .where(eq(clients.id, 'demo-client-bakery'));
    expect(
      (await recordRefund(app, cs, 'demo-client-bakery', { requestedOn: '2026-03-02' })).status,
    ).toBe(200);
  });

  it('CS and an admin at once: one refund, the other a clear 409', async () => {
    await app.db
      .update(clients)
      .set({ serviceStartsOn: '2026-02-01' })
      .where(eq(clients.id, 'demo-client-clinic'));
    const before = await written();
    const answers = await Promise.all(
      [cs, admin, cs, admin].map((who) =>
        recordRefund(app, who, 'demo-client-clinic', { requestedOn: '2026-02-05' }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409]);
    expect(await written()).toEqual({ refunds: before.refunds + 1, events: before.events + 1 });
  });
  it('a day after the current service ended is refused until the renewal is recorded, then it is the renewed service’s', async () => {
    await app.db
      .update(clients)
      .set({ serviceStartsOn: '2026-02-01', serviceEndsOn: '2026-02-20' })
      .where(eq(clients.id, 'demo-client-clinic'));
    const before = await written();
    const inTheGap = { requestedOn: '2026-02-21' };
    const refused = await recordRefund(app, cs, 'demo-client-clinic', inTheGap);
    expect(refused.status).toBe(400);
    const problem = await readJson(refused);
    expect(problem.error.code).toBe('after_service');
    expect(problem.error.fields.requestedOn).toBe(
      'O serviço terminou antes desse dia: se o cliente renovou, registre a renovação primeiro; se não, confira a data.',
    );
    expect(await written()).toEqual(before);
    const renewed = await app.request(
      '/api/clients/demo-client-clinic/renewals',
      postJson({ renewedUntil: '2026-03-20' }, { cookie: cs }),
    );
    expect(renewed.status).toBe(200);
    expect((await recordRefund(app, cs, 'demo-client-clinic', inTheGap)).status).toBe(200);
    const stored = await app.db
      .select({ serviceStartsOn: clientRefunds.serviceStartsOn })
      .from(clientRefunds)
      .where(eq(clientRefunds.clientId, 'demo-client-clinic'));
    expect(stored.map((refund) => refund.serviceStartsOn).sort()).toEqual([
      '2026-02-01',
      '2026-02-21',
    ]);
  });
});
