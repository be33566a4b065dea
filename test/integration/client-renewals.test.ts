import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientMilestones, clientRenewals, clients, events } from '../../db/schema/index.ts';
import { policy, zonedTimeToInstant } from '../../src/policy/index.ts';
import { loadClientPage } from '../../src/server/clients/client-page.ts';
import { listClientDeadlines } from '../../src/server/deadlines/client-pipeline.ts';
import { recordRenewal } from '../../src/server/renewals/record-renewal.ts';
import { postJson, signIn } from '../support/sign-in.ts';
import { readStoredPipelineDue } from '../support/stored-deadline.ts';
import { openAppWithOtherCs } from '../support/teams.ts';
import { readJson, SAME_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const BAKERY = 'demo-client-bakery';
const CLINIC = 'demo-client-clinic';
const carla = { id: 'demo-cs', roles: ['cs' as const] };

/** CS's (or an admin's) POST of a renewal on a client's page. */
const renew = (app: TestApp, cookie: string, clientId: string, body: object) =>
  app.request(`/api/clients/${clientId}/renewals`, postJson(body, { cookie }));

describe.each(DRIVERS)('renewals recorded on a client (%s)', (driver) => {
  let app: TestApp;
  let cs: string;
  let otherCs: string;
  let admin: string;
  const written = async () => ({
    renewals: await app.db.select().from(clientRenewals),
    events: (await app.db.select().from(events).where(eq(events.action, 'client_renewed'))).length,
    ends: (await app.db.select({ id: clients.id, endsOn: clients.serviceEndsOn }).from(clients))
      .map((c) => `${c.id}=${c.endsOn}`)
      .sort(),
  });
  const stored = (clientId: string) => readStoredPipelineDue(app.db, clientId);
  const renewalDue = (endsOn: string) =>
    zonedTimeToInstant(
      new Date(
        Date.parse(`${endsOn}T12:00:00Z`) -
          policy.newClientDeadlines.renewalContactDaysBeforeEnd * 86_400_000,
      )
        .toISOString()
        .slice(0, 10),
      policy.businessHours.closesAt,
      policy.agency.timeZone,
    );

  beforeAll(async () => {
    ({ app, cs, otherCs } = await openAppWithOtherCs(driver));
    admin = await signIn(app, 'admin@ponte.example');
    // The test clock is 2026-03-02 10:00 in São Paulo; the bakery launched in February.
    await app.db
      .update(clients)
      .set({ serviceStartsOn: '2026-02-01', serviceEndsOn: '2026-03-15' })
      .where(eq(clients.id, BAKERY));
    await app.db.insert(clientMilestones).values(
      (['paid', 'contacted', 'questionnaire_received', 'strategy_agreed', 'launched'] as const).map(
        (kind, i) => ({
          clientId: BAKERY,
          kind,
          occurredAt: new Date(Date.parse('2026-02-01T13:00:00Z') + i * 3_600_000),
        }),
      ),
    );
  });
  afterAll(() => app.close());

  it('refuses without a service end, a new end not after it, not a date, another CS: nothing written', async () => {
    const before = await written();
    const cases: [string, string, object, number, string][] = [
      [cs, CLINIC, { renewedUntil: '2026-04-30' }, 409, 'no_service_end'],
      [cs, BAKERY, { renewedUntil: '2026-03-15' }, 400, 'not_after_end'],
      [cs, BAKERY, { renewedUntil: '2026-03-14' }, 400, 'not_after_end'],
      [cs, BAKERY, { renewedUntil: 'mês que vem' }, 400, 'validation'],
      // A year no calendar arithmetic of the rules can add days to (it broke the scorecard).
      [cs, BAKERY, { renewedUntil: '9999-12-31' }, 400, 'validation'],
      [cs, BAKERY, {}, 400, 'validation'],
      [otherCs, BAKERY, { renewedUntil: '2026-04-15' }, 404, 'not_found'],
    ];
    for (const [cookie, clientId, body, status, code] of cases) {
      const refused = await renew(app, cookie, clientId, body);
      expect(refused.status).toBe(status);
      const problem = await readJson(refused);
      expect(problem.error.code).toBe(code);
      if (status !== 404 && code !== 'validation') {
        expect(problem.error.fields.renewedUntil).toBeTruthy();
      }
    }
    const late = await readJson(await renew(app, cs, BAKERY, { renewedUntil: '2026-03-01' }));
    expect(late.error.message).toBe('O novo fim precisa ser depois do fim atual do serviço.');
    expect(await written()).toEqual(before);
  });

  it('no longer records `renewed` as a stage: an old form gets a 400', async () => {
    const old = await app.request(
      `/api/clients/${BAKERY}/stages`,
      postJson({ stage: 'renewed' }, { cookie: cs }),
    );
    expect(old.status).toBe(400);
    expect((await readJson(old)).error.code).toBe('validation');
  });

  it('renews the current service: one row, the end moved, the next renewal contact open, an event', async () => {
    const response = await renew(app, cs, BAKERY, { renewedUntil: '2026-04-15' });
    expect(response.status).toBe(200);
    const after = await written();
    expect(after.renewals).toEqual([
      {
        clientId: BAKERY,
        serviceEndsOn: '2026-03-15',
        renewedUntil: '2026-04-15',
        renewedAt: app.deps.clock(),
        recordedBy: 'demo-cs',
      },
    ]);
    expect(after.ends).toContain(`${BAKERY}=2026-04-15`);
    expect(after.events).toBe(1);
    // The start stays; the stored next deadline is the new service's renewal contact.
    const [client] = await app.db.select().from(clients).where(eq(clients.id, BAKERY));
    expect(client?.serviceStartsOn).toBe('2026-02-01');
    // Stored in the same batch (not left stale for the refresh job).
    expect(await stored(BAKERY)).toMatchObject({ kind: 'checkIn', key: expect.any(String) });
    const list = await listClientDeadlines(app.db, carla, policy);
    const bakery = list.find((row) => row.client.id === BAKERY);
    expect(bakery?.next?.kind).toBe('checkIn');
    const page = await loadClientPage(app.db, carla, BAKERY, policy, app.deps.clock());
    expect(page?.managed?.renewals).toEqual([
      {
        serviceEndsOn: '2026-03-15',
        renewedUntil: '2026-04-15',
        renewedAt: app.deps.clock(),
        recordedByName: 'Carla Campos',
      },
    ]);
    const renewal = page?.managed?.pipeline.deadlines.find((d) => d.kind === 'renewal');
    expect(renewal).toMatchObject({ done: false, dueAt: renewalDue('2026-04-15') });
    expect(page?.managed?.history.map((entry) => entry.action)).toContain('client_renewed');
  });

  it('two tabs renewing the same service: one renewal, the other 409', async () => {
    const at = app.deps.clock();
    const results = await Promise.all(
      ['2026-05-15', '2026-05-20'].map((renewedUntil) =>
        recordRenewal(
          app.db,
          policy,
          {
            clientId: BAKERY,
            renewedUntil,
            actor: { id: 'demo-cs', name: 'Carla Campos', ip: null },
            user: carla,
          },
          at,
        ),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([
      { ok: false, error: 'already_renewed' },
    ]);
    const after = await written();
    // Renewed twice: two rows, the end at the winner's.
    expect(after.renewals.map((r) => r.serviceEndsOn)).toEqual(['2026-03-15', '2026-04-15']);
    const winner = after.renewals[1]?.renewedUntil;
    expect(after.ends).toContain(`${BAKERY}=${winner}`);
    expect(after.events).toBe(2);
  });

  it('a double click at the same instant: one renewal and one event in the history', async () => {
    const [client] = await app.db
      .select({ endsOn: clients.serviceEndsOn })
      .from(clients)
      .where(eq(clients.id, BAKERY));
    const before = await written();
    const at = app.deps.clock();
    const input = {
      clientId: BAKERY,
      renewedUntil: '2026-11-30',
      actor: { id: 'demo-cs', name: 'Carla Campos', ip: null },
      user: carla,
    };
    const results = await Promise.all([1, 2].map(() => recordRenewal(app.db, policy, input, at)));
    expect(results.map((result) => result.ok).sort()).toEqual([false, true]);
    const after = await written();
    expect(after.renewals.length).toBe(before.renewals.length + 1);
    expect(after.renewals.at(-1)?.serviceEndsOn).toBe(client?.endsOn);
    expect(after.events).toBe(before.events + 1);
  });

  it('a plain form post comes back to the page’s renewals', async () => {
    const [client] = await app.db.select().from(clients).where(eq(clients.id, BAKERY));
    const response = await app.request(`/api/clients/${BAKERY}/renewals`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'text/html',
        Cookie: admin,
        ...SAME_ORIGIN,
      },
      body: new URLSearchParams({
        renewedUntil: '2026-12-31',
        formId: 'renewal',
        returnTo: `/clients/${BAKERY}`,
      }),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe(`/clients/${BAKERY}#renewals`);
    const [renewed] = await app.db.select().from(clients).where(eq(clients.id, BAKERY));
    expect(renewed?.serviceEndsOn).toBe('2026-12-31');
    expect(client?.serviceEndsOn).not.toBe('2026-12-31');
  });

  it('refuses a client recorded as lost: 409, nothing written', async () => {
    await app.db.update(clients).set({ serviceEndsOn: '2026-03-20' }).where(eq(clients.id, CLINIC));
    await app.db
      .insert(clientMilestones)
      .values({ clientId: CLINIC, kind: 'lost', occurredAt: app.deps.clock() });
    const before = await written();
    const refused = await renew(app, cs, CLINIC, { renewedUntil: '2026-04-20' });
    expect(refused.status).toBe(409);
    expect((await readJson(refused)).error.code).toBe('lost');
    expect(await written()).toEqual(before);
  });
});
