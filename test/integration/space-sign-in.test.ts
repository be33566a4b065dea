import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientContacts,
  contactSessions,
  contactSignInLinks,
  events,
  outbox,
} from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { hashToken } from '../../src/server/auth/tokens.ts';
import {
  inspectSpaceSignInLink,
  requestSpaceSignInLink,
} from '../../src/server/client-space/contact-sign-in.ts';
import { SPACE_COOKIE } from '../../src/server/client-space/space-cookie.ts';
import { latestLinkToken, postJson, seedPeople } from '../support/sign-in.ts';
import { setSpaceAccess, signInToSpace, spaceCookieFrom } from '../support/space-sign-in.ts';
import {
  countRoundTrips,
  createTestApp,
  readJson,
  TEST_ORIGIN,
  type TestApp,
} from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const RITA = 'rita@paoquente.example';
const JOAO = 'joao@paoquente.example';
const minutes = (n: number) => n * 60_000;

/** The client space's sign-in (#18): a contact's own link, scanner-safe, single use, 15 minutes. */
describe.each(DRIVERS)('the client space sign-in (%s)', (driver) => {
  let app: TestApp;
  const start = new Date('2026-03-02T13:00:00.000Z');
  const at = (ms: number) => app.setNow(new Date(start.getTime() + ms));
  const ask = (email: unknown, ip = '192.0.2.10') =>
    app.request('/api/space/auth/sign-in', postJson({ email }, { ip }));
  const confirm = (token: string | null) =>
    app.request('/api/space/auth/confirm', postJson({ token }));
  const count = async (table: typeof outbox | typeof contactSignInLinks | typeof contactSessions) =>
    (await app.db.select().from(table)).length;

  beforeAll(async () => {
    app = await createTestApp(driver);
    await seedPeople(app);
    await setSpaceAccess(app, 'demo-contact-bakery-owner', true);
  });
  afterAll(() => app.close());

  it('answers an unknown address, a contact without access and one with access alike, and mails only the last', async () => {
    at(0);
    const before = { mails: await count(outbox), links: await count(contactSignInLinks) };
    const answers = [];
    for (const email of ['nobody@nowhere.example', JOAO, RITA]) {
      const response = await ask(email);
      answers.push({ status: response.status, body: await response.text() });
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[1]).toEqual(answers[2]);
    expect(answers[0]?.status).toBe(200);
    expect(await count(outbox)).toBe(before.mails + 1);
    expect(await count(contactSignInLinks)).toBe(before.links + 1);
    expect(await latestLinkToken(app, JOAO)).toBeNull();
    const token = await latestLinkToken(app, RITA);
    const [mail] = await app.db.select().from(outbox).where(eq(outbox.toAddress, RITA));
    expect(mail?.html).toContain(`${TEST_ORIGIN}/space/sign-in/confirm?token=${token}`);
    expect(mail?.subject).toBe('Seu link para o espaço do cliente');
  });

  it('a plain form gets the same "sent" page for every address', async () => {
    for (const email of ['nobody@nowhere.example', RITA]) {
      const response = await app.request('/api/space/auth/sign-in', {
        ...postJson({}),
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'text/html',
          Origin: TEST_ORIGIN,
          'Sec-Fetch-Site': 'same-origin',
        },
        body: new URLSearchParams({ email, returnTo: '/space/sign-in' }).toString(),
      });
      expect(response.status).toBe(303);
      expect(response.headers.get('Location')).toBe('/space/sign-in/sent');
    }
  });

  it('refuses a missing or malformed address with 400 on the field, writing nothing', async () => {
    const before = await count(contactSignInLinks);
    for (const email of [undefined, '', 'not-an-address']) {
      const response = await ask(email);
      expect(response.status).toBe(400);
      expect((await readJson(response)).error.fields).toHaveProperty('email');
    }
    expect(await count(contactSignInLinks)).toBe(before);
  });

  it('opening the link changes nothing; confirming signs in once with a __Host- cookie', async () => {
    at(minutes(1));
    await ask(RITA, '192.0.2.11');
    const token = (await latestLinkToken(app, RITA)) ?? '';
    expect(await inspectSpaceSignInLink(app.db, token, app.deps.clock())).toBeNull();
    const [link] = await app.db
      .select()
      .from(contactSignInLinks)
      .where(eq(contactSignInLinks.id, hashToken(token)));
    expect(link?.usedAt).toBeNull();
    expect(link?.expiresAt.getTime()).toBe(
      start.getTime() + minutes(1 + policy.clientSpace.signInLinkMinutes),
    );

    const confirmed = await confirm(token);
    expect(confirmed.status).toBe(200);
    expect(await readJson(confirmed)).toEqual({ signedIn: true, landing: '/space' });
    const setCookie = confirmed.headers.getSetCookie().join('\n');
    expect(setCookie).toContain(`${SPACE_COOKIE}=`);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/Secure/);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Domain=/i);

    const again = await confirm(token);
    expect(again.status).toBe(410);
    expect((await readJson(again)).error.code).toBe('link_used');
  });

  it('two confirmations of one link at once make exactly one session', async () => {
    at(minutes(2));
    await ask(RITA, '192.0.2.12');
    const token = (await latestLinkToken(app, RITA)) ?? '';
    const sessionsBefore = await count(contactSessions);
    const answers = await Promise.all([confirm(token), confirm(token)]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 410]);
    expect(answers.filter((r) => spaceCookieFrom(r))).toHaveLength(1);
    expect(await count(contactSessions)).toBe(sessionsBefore + 1);
  });

  it('a link signs in until its 15th minute and not at it', async () => {
    // Past the address's rate window of the tests above.
    at(minutes(20));
    expect((await ask(RITA, '192.0.2.13')).status).toBe(200);
    const early = (await latestLinkToken(app, RITA)) ?? '';
    at(minutes(20) + 1);
    expect((await ask(RITA, '192.0.2.13')).status).toBe(200);
    const late = (await latestLinkToken(app, RITA)) ?? '';
    expect(late).not.toBe(early);
    const lifetime = minutes(policy.clientSpace.signInLinkMinutes);
    at(minutes(20) + lifetime);
    const sessionsBefore = await count(contactSessions);
    const expired = await confirm(early);
    expect(expired.status).toBe(410);
    expect((await readJson(expired)).error.code).toBe('link_expired');
    expect(await count(contactSessions)).toBe(sessionsBefore);
    expect((await confirm(late)).status).toBe(200);
  });

  it('a forged token is a 404 in the visitor language, nothing written', async () => {
    const sessionsBefore = await count(contactSessions);
    for (const token of ['a'.repeat(32), 'not a token', null]) {
      const response = await app.request(
        '/api/space/auth/confirm',
        postJson({ token }, { headers: { 'Accept-Language': 'en' } }),
      );
      expect([400, 404]).toContain(response.status);
      if (response.status === 404) {
        const body = await readJson(response);
        expect(body.error.code).toBe('link_invalid');
        expect(body.error.message).toBe('This link is not valid. Ask for a new sign-in link.');
      }
    }
    expect(await count(contactSessions)).toBe(sessionsBefore);
  });

  it('an address that is a contact of two clients chooses one; the session reaches nothing else before', async () => {
    at(minutes(40));
    await app.db.insert(clientContacts).values({
      id: 'rita-at-the-clinic',
      clientId: 'demo-client-clinic',
      name: 'Rita Moraes',
      email: RITA,
      locale: 'en',
      mayUseSpace: true,
      createdAt: app.deps.clock(),
    });
    const { cookie, landing } = await signInToSpace(app, RITA);
    expect(landing).toBe('/space/choose');
    const [session] = await app.db
      .select()
      .from(contactSessions)
      .where(eq(contactSessions.id, hashToken(cookie.split('=')[1] ?? '')));
    expect(session?.contactId).toBeNull();
    // Before choosing, a route that needs a contact refuses the session.
    const blocked = await app.request('/api/space/pieces/any/versions/1/file', {
      headers: { Cookie: cookie },
    });
    expect(blocked.status).toBe(401);

    // Another address's contact cannot be chosen: 400 on the field, nothing written.
    const forged = await app.request(
      '/api/space/auth/choose',
      postJson({ contactId: 'demo-contact-clinic-director' }, { cookie }),
    );
    expect(forged.status).toBe(400);
    expect((await readJson(forged)).error.fields).toHaveProperty('contactId');
    const [still] = await app.db
      .select()
      .from(contactSessions)
      .where(eq(contactSessions.id, session?.id ?? ''));
    expect(still?.contactId).toBeNull();

    const chosen = await app.request(
      '/api/space/auth/choose',
      postJson({ contactId: 'rita-at-the-clinic' }, { cookie }),
    );
    expect(chosen.status).toBe(200);
    const [after] = await app.db
      .select()
      .from(contactSessions)
      .where(eq(contactSessions.id, session?.id ?? ''));
    expect(after?.contactId).toBe('rita-at-the-clinic');
  });

  it('limits links per address like partners, under its own counter', async () => {
    at(minutes(120));
    const address = 'many@nowhere.example';
    const max = policy.rateLimits.signInPerEmail.max;
    for (let i = 0; i < max; i++)
      expect((await ask(address, `192.0.2.${50 + i}`)).status).toBe(200);
    const limited = await ask(address, '192.0.2.99');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toBeTruthy();
    // The partner sign-in of that address is counted apart.
    const partner = await app.request(
      '/api/auth/sign-in',
      postJson({ email: address }, { ip: '192.0.2.98' }),
    );
    expect(partner.status).toBe(200);
  });

  it('does the same two round trips for every address, and never stores one without access', async () => {
    at(minutes(200));
    for (const [email, ip] of [
      ['nobody@nowhere.example', '192.0.2.20'],
      [JOAO, '192.0.2.21'],
      [RITA, '192.0.2.22'],
    ] as const) {
      const { result, roundTrips } = await countRoundTrips(app, () =>
        requestSpaceSignInLink(
          app.db,
          policy,
          { email, ip, origin: TEST_ORIGIN },
          app.deps.clock(),
        ),
      );
      expect(result).toEqual({ ok: true });
      if (roundTrips !== null) expect(roundTrips).toBe(2);
    }
    const refused = await app.db
      .select()
      .from(events)
      .where(eq(events.action, 'space_sign_in_link_refused'));
    expect(JSON.stringify(refused)).not.toContain('nowhere.example');
    expect(JSON.stringify(refused)).not.toContain(JOAO);
  });

  it('limits links per IP like partners', async () => {
    at(minutes(300));
    const { max } = policy.rateLimits.signInPerIp;
    for (let i = 0; i < max; i++) {
      expect((await ask(`visitor${i}@nowhere.example`, '192.0.2.200')).status).toBe(200);
    }
    expect((await ask('one-more@nowhere.example', '192.0.2.200')).status).toBe(429);
  });
});
