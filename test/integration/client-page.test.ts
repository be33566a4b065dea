import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policy } from '../../src/policy/index.ts';
import { loadClientPage } from '../../src/server/clients/client-page.ts';
import { postJson, seedPeople, signIn } from '../support/sign-in.ts';
import { countRoundTrips, createTestApp, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const BAKERY = 'demo-client-bakery';
const CS = { id: 'demo-cs', roles: ['cs' as const] };

describe.each(DRIVERS)('the client page’s data (%s)', (driver) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(driver);
    await seedPeople(app);
    const cs = await signIn(app, 'cs@ponte.example');
    const post = (path: string, body: unknown) =>
      app.request(`/api/clients/${BAKERY}${path}`, postJson(body, { cookie: cs }));
    expect((await post('/onboarding', { contactIds: ['demo-contact-bakery-owner'] })).status).toBe(
      200,
    );
    expect((await post('/stages', { stage: 'paid' })).status).toBe(200);
    const change = { kind: 'post', summary: 'Trocar a foto do pão' };
    expect((await post('/changes', change)).status).toBe(200);
  });
  afterAll(() => app.close());
  const load = (viewer: Parameters<typeof loadClientPage>[1], clientId = BAKERY) =>
    countRoundTrips(app, () => loadClientPage(app.db, viewer, clientId, policy, app.deps.clock()));

  it('gives its CS the contacts’ links, the questionnaire, the pipeline and the changes in one round trip', async () => {
    const { result: page, roundTrips } = await load(CS);
    expect(roundTrips).toBe(driver === 'libsql' ? 1 : null);
    expect(page?.view.mayManage).toBe(true);
    expect(page?.isAdmin).toBe(false);
    expect(page?.csPartners).toEqual([]);
    const managed = page?.managed;
    const links = Object.fromEntries(managed?.contacts.map((c) => [c.id, c.link.state]) ?? []);
    expect(links).toEqual({
      'demo-contact-bakery-owner': 'sent',
      'demo-contact-bakery-marketing': 'notSent',
    });
    expect(managed?.contacts.find((c) => c.mayRevokeLink)?.id).toBe('demo-contact-bakery-owner');
    expect(managed?.onboarding?.status).toBe('open');
    expect(managed?.onboarding?.completed).toEqual([]);
    expect(managed?.pipeline.stages.map((s) => s.kind)).toEqual(['paid']);
    expect(managed?.pipeline.unrecorded).not.toContain('paid');
    expect(managed?.pipeline.deadlines.length).toBeGreaterThan(0);
    expect(managed?.changes).toMatchObject([{ summary: 'Trocar a foto do pão', overdue: false }]);
  });

  it('gives an admin the CS partners the client may be handed to', async () => {
    const { result: page, roundTrips } = await load({ id: 'demo-admin', roles: ['admin'] });
    expect(roundTrips).toBe(driver === 'libsql' ? 1 : null);
    expect(page?.isAdmin).toBe(true);
    expect(page?.csPartners.map((p) => p.id)).toEqual(['demo-cs']);
  });

  it('shows a partner on the team the client and its team only, and nobody else anything', async () => {
    const page = (await load({ id: 'demo-paid', roles: ['paid_traffic'] })).result;
    expect(page?.view.client.id).toBe(BAKERY);
    expect(page?.view.candidates).toEqual([]);
    expect(page?.managed).toBeNull();
    expect(page?.csPartners).toEqual([]);
    const stranger = { id: 'demo-finance', roles: ['finance' as const] };
    expect((await load(stranger)).result).toBeNull();
    expect((await load(CS, 'no-such-client')).result).toBeNull();
  });
});
