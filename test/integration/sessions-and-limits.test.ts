import { eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { events, rateLimits, sessions } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { postJson, seedPeople, signIn } from '../support/sign-in.ts';
import { createTestApp, readJson, TEST_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const DAY = 86_400_000;
const MINUTE = 60_000;
const start = new Date('2026-03-02T13:00:00.000Z');

describe.each(DRIVERS)('sessions, sign-out and rate limits (%s)', (driver) => {
  let app: TestApp;
  beforeEach(async () => {
    await app?.close();
    app = await createTestApp(driver);
    app.setNow(start);
    await seedPeople(app);
  });
  afterAll(() => app.close());
  const at = (ms: number) => app.setNow(new Date(start.getTime() + ms));
  const me = (cookie: string) => app.request('/api/auth/session', { headers: { Cookie: cookie } });

  it('keeps a session alive while used, renewing the cookie at most once per period', async () => {
    const cookie = await signIn(app, 'cs@ponte.example');
    at(policy.sessions.renewAfterMinutes * MINUTE - 1);
    expect((await me(cookie)).headers.getSetCookie()).toEqual([]);
    at(policy.sessions.renewAfterMinutes * MINUTE);
    const renewed = await me(cookie);
    expect(renewed.status).toBe(200);
    expect(renewed.headers.getSetCookie().join()).toContain('__Host-ponte_session=');
    const [row] = await app.db.select().from(sessions).where(eq(sessions.userId, 'demo-cs'));
    expect(row?.lastVerifiedAt.getTime()).toBe(
      start.getTime() + policy.sessions.renewAfterMinutes * MINUTE,
    );
  });

  it('ends a session left unused for the idle period, and deletes it', async () => {
    const cookie = await signIn(app, 'cs@ponte.example');
    at(policy.sessions.idleDays * DAY);
    expect((await me(cookie)).status).toBe(401);
    expect(await app.db.select().from(sessions).where(eq(sessions.userId, 'demo-cs'))).toEqual([]);
  });

  it('ends a session at its absolute limit even when used every day', async () => {
    const cookie = await signIn(app, 'cs@ponte.example');
    for (let day = 1; day < policy.sessions.absoluteDays; day++) {
      at(day * DAY);
      expect((await me(cookie)).status).toBe(200);
    }
    at(policy.sessions.absoluteDays * DAY);
    expect((await me(cookie)).status).toBe(401);
  });

  it('signs out one session, and everywhere ends them all', async () => {
    const laptop = await signIn(app, 'cs@ponte.example');
    const phone = await signIn(app, 'cs@ponte.example');
    const tablet = await signIn(app, 'cs@ponte.example');
    const out = await app.request('/api/auth/sign-out', postJson({}, { cookie: laptop }));
    expect(out.status).toBe(200);
    expect(out.headers.getSetCookie().join()).toMatch(/__Host-ponte_session=;.*Max-Age=0/);
    expect((await me(laptop)).status).toBe(401);
    expect((await me(phone)).status).toBe(200);
    await app.request('/api/auth/sign-out-everywhere', postJson({}, { cookie: phone }));
    expect((await me(phone)).status).toBe(401);
    expect((await me(tablet)).status).toBe(401);
    const actions = (await app.db.select().from(events).where(eq(events.actorId, 'demo-cs'))).map(
      (e) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['sign_in', 'sign_out', 'sign_out_everywhere']));
  });

  it('limits sign-in requests per e-mail, with a localized message and how long to wait', async () => {
    const { max, windowMinutes } = policy.rateLimits.signInPerEmail;
    const ask = (ip: string) =>
      app.request(
        '/api/auth/sign-in',
        postJson({ email: 'nobody@ponte.example' }, { ip, headers: { 'Accept-Language': 'en' } }),
      );
    for (let i = 0; i < max; i++) expect((await ask(`192.0.2.${i + 1}`)).status).toBe(200);
    const refused = await ask('192.0.2.200');
    expect(refused.status).toBe(429);
    const { error } = await readJson(refused);
    expect(error.message).toBe(`Too many attempts. Please try again in ${windowMinutes} minutes.`);
    // The limit is the same for addresses that exist: it reveals nothing.
    at(windowMinutes * MINUTE);
    expect((await ask('192.0.2.201')).status).toBe(200);
  });

  it('limits sign-in requests per IP across e-mails, in the database', async () => {
    const { max } = policy.rateLimits.signInPerIp;
    const ask = (n: number) =>
      app.request(
        '/api/auth/sign-in',
        postJson({ email: `p${n}@exemplo.com` }, { ip: '198.18.0.7' }),
      );
    for (let i = 0; i < max; i++) expect((await ask(i)).status).toBe(200);
    const refused = await ask(max);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect((await readJson(refused)).error.message).toMatch(/Muitas tentativas/);
    expect(
      await app.db.select().from(rateLimits).where(eq(rateLimits.key, 'sign-in:ip:198.18.0.7')),
    ).toHaveLength(1);
    // Another address is not affected.
    expect(
      (await app.request('/api/auth/sign-in', postJson({ email: 'a@b.co' }, { ip: '198.18.0.8' })))
        .status,
    ).toBe(200);
  });

  it('refuses a cross-site POST to every sign-in endpoint (CSRF)', async () => {
    const cookie = await signIn(app, 'admin@ponte.example');
    for (const path of [
      '/api/auth/sign-in',
      '/api/auth/confirm',
      '/api/auth/sign-out',
      '/api/people',
      '/api/profile',
    ]) {
      const response = await app.request(path, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Origin: 'https://evil.example',
          'Sec-Fetch-Site': 'cross-site',
          Cookie: cookie,
        },
        body: 'email=admin%40ponte.example',
      });
      expect(response.status).toBe(403);
      expect((await readJson(response)).error.code).toBe('cross_site_request');
    }
    expect((await me(cookie)).status).toBe(200);
  });

  it('answers known and unknown addresses in similar time', async () => {
    const time = async (email: string, ip: string) => {
      const began = performance.now();
      await app.request('/api/auth/sign-in', postJson({ email }, { ip }));
      return performance.now() - began;
    };
    const median = (values: number[]) =>
      values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    const known: number[] = [];
    const unknown: number[] = [];
    // Alternating, each from a fresh address and at a new window, so no limit is reached.
    for (let i = 0; i < 20; i++) {
      at(i * policy.rateLimits.signInPerEmail.windowMinutes * MINUTE);
      known.push(await time('cs@ponte.example', `100.64.0.${i}`));
      unknown.push(await time(`ninguem${i}@ponte.example`, `100.64.1.${i}`));
    }
    // Both paths make the same two round trips; the gap stays within a few milliseconds.
    expect(Math.abs(median(known) - median(unknown))).toBeLessThan(Math.max(5, median(known)));
  });

  it('sends the same page for a form sign-in request, whatever the address', async () => {
    const form = (email: string) =>
      app.request('/api/auth/sign-in', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'text/html',
          Origin: TEST_ORIGIN,
          'Sec-Fetch-Site': 'same-origin',
        },
        body: new URLSearchParams({ email, returnTo: '/sign-in' }),
      });
    for (const email of ['cs@ponte.example', 'ninguem@ponte.example']) {
      const response = await form(email);
      expect(response.status).toBe(303);
      expect(response.headers.get('Location')).toBe('/sign-in/sent');
    }
  });
});
