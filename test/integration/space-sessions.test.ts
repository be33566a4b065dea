import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientContacts, clients, contactSessions, events } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { hashToken } from '../../src/server/auth/tokens.ts';
import {
  spaceRulesOf,
  validateSpaceSession,
} from '../../src/server/client-space/contact-sessions.ts';
import {
  guardSpacePage,
  type SpacePageContext,
} from '../../src/server/client-space/space-guard.ts';
import { postJson, seedPeople, signIn } from '../support/sign-in.ts';
import { setSpaceAccess, signInToSpace } from '../support/space-sign-in.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const RITA = 'rita@paoquente.example';
const MARINA = 'marina@sorrisoleve.example';
const DAY = 86_400_000;
const rules = spaceRulesOf(policy);
const tokenOf = (cookie: string) => cookie.split('=')[1] ?? '';

/** A page request to the space as Astro's middleware sees it, with a cookie jar. */
function spacePage(path: string, cookies: Record<string, string>) {
  const url = new URL(`http://localhost${path}`);
  const context: SpacePageContext = {
    url,
    request: new Request(url, { headers: { 'Accept-Language': 'pt-BR' } }),
    cookies: {
      get: (name) => (name in cookies ? { value: cookies[name] ?? '' } : undefined),
      set: () => {},
    },
    locals: {} as SpacePageContext['locals'],
    redirect: (location, status) => new Response(null, { status, headers: { location } }),
  };
  return context;
}

/** The client space's sessions (#18): expiry, revocation at once, sign-out, and no crossing with partners. */
describe.each(DRIVERS)('client space sessions (%s)', (driver) => {
  let app: TestApp;
  const start = new Date('2026-03-02T13:00:00.000Z');
  const at = (ms: number) => app.setNow(new Date(start.getTime() + ms));
  const check = (cookie: string) =>
    validateSpaceSession(app.db, tokenOf(cookie), rules, app.deps.clock());
  const rowOf = async (cookie: string) =>
    (
      await app.db
        .select()
        .from(contactSessions)
        .where(eq(contactSessions.id, hashToken(tokenOf(cookie))))
    )[0];

  beforeAll(async () => {
    app = await createTestApp(driver);
    await seedPeople(app);
    await setSpaceAccess(app, 'demo-contact-bakery-owner', true);
    await setSpaceAccess(app, 'demo-contact-clinic-director', true);
  });
  afterAll(() => app.close());

  it('ends after the idle days without use, at the exact instant', async () => {
    at(0);
    const { cookie } = await signInToSpace(app, RITA);
    at(rules.sessions.idleDays * DAY - 1);
    expect((await check(cookie))?.contact?.contactId).toBe('demo-contact-bakery-owner');
    // That use renewed it: the idle clock starts again from there.
    at(2 * rules.sessions.idleDays * DAY - 2);
    expect(await check(cookie)).not.toBeNull();
    at(3 * rules.sessions.idleDays * DAY - 2);
    expect(await check(cookie)).toBeNull();
    expect(await rowOf(cookie)).toBeUndefined();
  });

  it('ends at the absolute limit however often it is used', async () => {
    at(0);
    const { cookie } = await signInToSpace(app, RITA);
    for (let day = 1; day < rules.sessions.absoluteDays; day += rules.sessions.idleDays - 1) {
      at(day * DAY);
      expect(await check(cookie)).not.toBeNull();
    }
    at(rules.sessions.absoluteDays * DAY - 1);
    expect(await check(cookie)).not.toBeNull();
    at(rules.sessions.absoluteDays * DAY);
    expect(await check(cookie)).toBeNull();
  });

  it('CS turning access off ends the contact’s sessions at once, and the history says so', async () => {
    at(0);
    const cs = await signIn(app, 'cs@ponte.example');
    const { cookie } = await signInToSpace(app, RITA);
    // Rita's contact form as CS saves it, with her space access ticked or not.
    const saveRita = (mayUseSpace: boolean) =>
      app.request(
        '/api/clients/demo-client-bakery/contacts/demo-contact-bakery-owner',
        postJson(
          { name: 'Rita Moraes', email: RITA, locale: 'pt-BR', mayUseSpace: String(mayUseSpace) },
          { cookie: cs },
        ),
      );
    const logged = async (action: string) =>
      (await app.db.select().from(events).where(eq(events.action, action))).length;
    expect((await saveRita(false)).status).toBe(200);
    expect(await rowOf(cookie)).toBeUndefined();
    expect(await check(cookie)).toBeNull();
    expect(await logged('contact_space_closed')).toBe(1);
    // Turning it on again records it too, and a new sign-in works.
    expect((await saveRita(true)).status).toBe(200);
    expect(await logged('contact_space_opened')).toBe(1);
    expect(await check((await signInToSpace(app, RITA)).cookie)).not.toBeNull();
  });

  it('a session whose access was switched off behind the form is refused and deleted', async () => {
    at(0);
    const { cookie } = await signInToSpace(app, RITA);
    await setSpaceAccess(app, 'demo-contact-bakery-owner', false);
    expect(await check(cookie)).toBeNull();
    expect(await rowOf(cookie)).toBeUndefined();
    await setSpaceAccess(app, 'demo-contact-bakery-owner', true);
  });

  it('the client’s service ending ends the sessions the day after its last day (agency time)', async () => {
    // 2026-03-10 is the last day; São Paulo is UTC−3.
    await app.db
      .update(clients)
      .set({ serviceEndsOn: '2026-03-10' })
      .where(eq(clients.id, 'demo-client-clinic'));
    app.setNow(new Date('2026-03-10T12:00:00.000Z'));
    const { cookie } = await signInToSpace(app, MARINA);
    app.setNow(new Date('2026-03-11T02:59:59.999Z'));
    expect(await check(cookie)).not.toBeNull();
    app.setNow(new Date('2026-03-11T03:00:00.000Z'));
    expect(await check(cookie)).toBeNull();
    // And no new link is sent: the same answer, no mail.
    const mailsBefore = (
      await app.db.select().from(events).where(eq(events.action, 'space_sign_in_link_sent'))
    ).length;
    expect((await app.request('/api/space/auth/sign-in', postJson({ email: MARINA }))).status).toBe(
      200,
    );
    expect(
      (await app.db.select().from(events).where(eq(events.action, 'space_sign_in_link_sent')))
        .length,
    ).toBe(mailsBefore);
    await app.db
      .update(clients)
      .set({ serviceEndsOn: null })
      .where(eq(clients.id, 'demo-client-clinic'));
  });

  it('a contact given another address behind the form loses the old address’s session', async () => {
    at(0);
    const { cookie } = await signInToSpace(app, MARINA);
    const moved = eq(clientContacts.id, 'demo-contact-clinic-director');
    await app.db.update(clientContacts).set({ email: 'marina@new.example' }).where(moved);
    expect(await check(cookie)).toBeNull();
    await app.db.update(clientContacts).set({ email: MARINA }).where(moved);
  });

  it('removing the contact ends their sessions in the same batch', async () => {
    at(0);
    const cs = await signIn(app, 'cs@ponte.example');
    await app.db.insert(clientContacts).values({
      id: 'short-lived',
      clientId: 'demo-client-clinic',
      name: 'Temp',
      email: 'temp@sorrisoleve.example',
      locale: 'en',
      mayUseSpace: true,
      createdAt: app.deps.clock(),
    });
    const { cookie } = await signInToSpace(app, 'temp@sorrisoleve.example');
    expect(await check(cookie)).not.toBeNull();
    const removed = await app.request(
      '/api/clients/demo-client-clinic/contacts/short-lived/delete',
      postJson({}, { cookie: cs }),
    );
    expect(removed.status).toBe(200);
    expect(await rowOf(cookie)).toBeUndefined();
  });

  it('signs out this device, or every session of the address', async () => {
    // Past the address's sign-in rate window of the tests above.
    at(100 * DAY);
    const one = (await signInToSpace(app, RITA)).cookie;
    const two = (await signInToSpace(app, RITA)).cookie;
    const three = (await signInToSpace(app, RITA)).cookie;
    const other = (await signInToSpace(app, MARINA)).cookie;
    expect(
      (await app.request('/api/space/auth/sign-out', postJson({}, { cookie: one }))).status,
    ).toBe(200);
    expect(await rowOf(one)).toBeUndefined();
    expect(await rowOf(two)).toBeDefined();
    const everywhere = await app.request(
      '/api/space/auth/sign-out-everywhere',
      postJson({}, { cookie: two }),
    );
    expect(everywhere.status).toBe(200);
    expect(await rowOf(two)).toBeUndefined();
    expect(await rowOf(three)).toBeUndefined();
    expect(await check(other)).not.toBeNull();
    // Signed out, the route asks to sign in again.
    expect(
      (await app.request('/api/space/auth/sign-out', postJson({}, { cookie: two }))).status,
    ).toBe(401);
  });

  it('a partner cookie reaches nothing of the space, and a space cookie nothing of the partner area', async () => {
    at(200 * DAY);
    const partner = await signIn(app, 'cs@ponte.example');
    const space = (await signInToSpace(app, RITA)).cookie;
    // The partner's cookie, even under the space's name, is not a space session.
    const renamed = `__Host-ponte_space=${tokenOf(partner)}`;
    for (const cookie of [partner, renamed]) {
      expect((await app.request('/api/space/auth/sign-out', postJson({}, { cookie }))).status).toBe(
        401,
      );
    }
    const asPartner = `__Host-ponte_session=${tokenOf(space)}`;
    for (const cookie of [space, asPartner]) {
      expect((await app.request('/api/auth/session', { headers: { Cookie: cookie } })).status).toBe(
        401,
      );
      expect((await app.request('/api/clients', { headers: { Cookie: cookie } })).status).toBe(401);
    }
    // Pages: the space sends a partner to its own sign-in; a forged cookie too.
    for (const value of [tokenOf(partner), 'forged']) {
      const answer = await guardSpacePage(
        spacePage('/space', {
          '__Host-ponte_space': value,
          '__Host-ponte_session': tokenOf(partner),
        }),
        async () => new Response('board'),
        app.deps,
      );
      expect(answer.status).toBe(303);
      expect(answer.headers.get('location')).toBe('/space/sign-in');
    }
    const page = spacePage('/space', { '__Host-ponte_space': tokenOf(space) });
    const board = await guardSpacePage(page, async () => new Response('board'), app.deps);
    expect(await board.text()).toBe('board');
    expect(page.locals.contact?.contactId).toBe('demo-contact-bakery-owner');
    expect(page.locals.session).toBeNull();
  });
});
