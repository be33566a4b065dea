import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policy } from '../../src/policy/index.ts';
import type { Viewer } from '../../src/server/auth/viewer.ts';
import {
  loadClientsPage,
  loadContactPage,
  loadNewClientPage,
} from '../../src/server/clients/clients-page.ts';
import { postJson, seedPeople, signIn } from '../support/sign-in.ts';
import { countRoundTrips, createTestApp, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const BAKERY = 'demo-client-bakery';
const CS: Viewer = { id: 'demo-cs', roles: ['cs'] };
const ADMIN: Viewer = { id: 'demo-admin', roles: ['admin'] };
const PAID: Viewer = { id: 'demo-paid', roles: ['paid_traffic'] };
const YEAR_LATER = 366 * 86_400_000;

describe.each(DRIVERS)('the clients pages’ data (%s)', (driver) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(driver);
    await seedPeople(app);
    const cs = await signIn(app, 'cs@ponte.example');
    const paid = await app.request(
      `/api/clients/${BAKERY}/stages`,
      postJson({ stage: 'paid' }, { cookie: cs }),
    );
    expect(paid.status).toBe(200);
  });
  afterAll(() => app.close());
  const expectTrips = (roundTrips: number | null, libsql: number) =>
    expect(roundTrips).toBe(driver === 'libsql' ? libsql : null);

  it('lists a CS’s clients with their next deadline, and lets them register one', async () => {
    const now = app.deps.clock();
    const load = (at: Date) => countRoundTrips(app, () => loadClientsPage(app.db, CS, policy, at));
    const { result: page, roundTrips } = await load(now);
    expectTrips(roundTrips, 1);
    expect(page.mayRegister).toBe(true);
    const bakery = page.rows.find((row) => row.client.id === BAKERY);
    expect(bakery?.next).toBeTruthy();
    expect(bakery?.overdue).toBe(false);
    const later = (await load(new Date(now.getTime() + YEAR_LATER))).result;
    expect(later.rows.find((row) => row.client.id === BAKERY)?.overdue).toBe(true);
  });

  it('lets a team partner see their clients but not register one', async () => {
    const page = await loadClientsPage(app.db, PAID, policy, app.deps.clock());
    expect(page.mayRegister).toBe(false);
    expect(page.rows.map((row) => row.client.id)).toContain(BAKERY);
    expect((await loadClientsPage(app.db, ADMIN, policy, app.deps.clock())).mayRegister).toBe(true);
  });

  it('offers an admin the CS partners to put in charge; a CS reads nothing', async () => {
    const admin = await countRoundTrips(app, () => loadNewClientPage(app.db, ADMIN));
    expectTrips(admin.roundTrips, 1);
    expect(admin.result.mayChooseCs).toBe(true);
    expect(admin.result.csPartners.map((p) => p.id)).toEqual(['demo-cs']);
    const cs = await countRoundTrips(app, () => loadNewClientPage(app.db, CS));
    expectTrips(cs.roundTrips, 0);
    expect(cs.result).toEqual({ mayChooseCs: false, csPartners: [] });
  });

  it('gives a contact with its client to who keeps it, in one round trip', async () => {
    const ids = { clientId: BAKERY, contactId: 'demo-contact-bakery-owner' };
    const { result: page, roundTrips } = await countRoundTrips(app, () =>
      loadContactPage(app.db, CS, ids),
    );
    expectTrips(roundTrips, 1);
    expect(page?.client.id).toBe(BAKERY);
    expect(page?.contact.id).toBe('demo-contact-bakery-owner');
    expect(await loadContactPage(app.db, ADMIN, ids)).not.toBeNull();
    expect(await loadContactPage(app.db, PAID, ids)).toBeNull();
    expect(await loadContactPage(app.db, CS, { ...ids, contactId: 'no-such' })).toBeNull();
    const elsewhere = { clientId: 'demo-client-clinic', contactId: ids.contactId };
    expect(await loadContactPage(app.db, CS, elsewhere)).toBeNull();
  });
});
