import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, outbox, sessions, signInLinks } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { SESSION_COOKIE } from '../../src/server/auth/session-cookie.ts';
import { hashToken } from '../../src/server/auth/tokens.ts';
import {
  latestLinkToken,
  postJson,
  seedPeople,
  sessionCookieFrom,
  signIn,
} from '../support/sign-in.ts';
import { createTestApp, readJson, TEST_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const CS = 'cs@ponte.example';
const minutes = (n: number) => n * 60_000;

describe.each(DRIVERS)('sign-in by e-mailed link (%s)', (driver) => {
  let app: TestApp;
  const start = new Date('2026-03-02T13:00:00.000Z');
  beforeAll(async () => {
    app = await createTestApp(driver);
    await seedPeople(app);
  });
  afterAll(() => app.close());
  const at = (ms: number) => app.setNow(new Date(start.getTime() + ms));

  it('queues a link valid for the policy minutes, stores only its hash, and signs in once', async () => {
    at(0);
    const asked = await app.request(
      '/api/auth/sign-in',
      postJson({ email: '  CS@Ponte.Example ' }),
    );
    expect(asked.status).toBe(200);
    const token = await latestLinkToken(app, CS);
    expect(token).toMatch(/^[a-z2-7]{32}$/);
    const [stored] = await app.db
      .select()
      .from(signInLinks)
      .where(eq(signInLinks.id, hashToken(token ?? '')));
    expect(stored?.expiresAt.getTime()).toBe(start.getTime() + minutes(policy.links.signInMinutes));
    const [mail] = await app.db.select().from(outbox).where(eq(outbox.toAddress, CS));
    expect(mail?.html).toContain(`${TEST_ORIGIN}/sign-in/confirm?token=${token}`);

    const confirmed = await app.request('/api/auth/confirm', postJson({ token }));
    expect(confirmed.status).toBe(200);
    const setCookie = confirmed.headers.getSetCookie().join('\n');
    expect(setCookie).toContain(`${SESSION_COOKIE}=`);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/Secure/);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);

    const cookie = sessionCookieFrom(confirmed) ?? '';
    const me = await app.request('/api/auth/session', { headers: { Cookie: cookie } });
    expect(me.status).toBe(200);
    expect((await readJson(me)).user).toMatchObject({ email: CS, roles: ['cs'] });

    const again = await app.request('/api/auth/confirm', postJson({ token }));
    expect(again.status).toBe(400);
    expect((await readJson(again)).error.code).toBe('link_used');
  });

  it('mails a link on the public origin, whatever Host the request names', async () => {
    at(minutes(1));
    const configured = app.deps.publicOrigin;
    app.deps.publicOrigin = 'https://ponte.agencia.example';
    try {
      // A forged Host (and a matching Origin, as a script sending it directly would claim).
      const asked = await app.request('http://evil.example/api/auth/sign-in', {
        ...postJson({ email: 'financeiro@ponte.example' }),
        headers: {
          'Content-Type': 'application/json',
          Host: 'evil.example',
          Origin: 'http://evil.example',
        },
      });
      expect(asked.status).toBe(200);
      const [mail] = await app.db
        .select()
        .from(outbox)
        .where(eq(outbox.toAddress, 'financeiro@ponte.example'));
      expect(mail?.text).toMatch(/https:\/\/ponte\.agencia\.example\/sign-in\/confirm\?token=/);
      expect(`${mail?.text}${mail?.html}`).not.toContain('evil.example');
    } finally {
      app.deps.publicOrigin = configured;
    }
  });

  it('refuses a link at the exact minute it expires, but not a millisecond before', async () => {
    at(0);
    await app.request('/api/auth/sign-in', postJson({ email: 'design@ponte.example' }));
    const token = await latestLinkToken(app, 'design@ponte.example');
    at(minutes(policy.links.signInMinutes));
    const late = await app.request('/api/auth/confirm', postJson({ token }));
    expect((await readJson(late)).error.code).toBe('link_expired');
    at(minutes(policy.links.signInMinutes) - 1);
    const justInTime = await app.request('/api/auth/confirm', postJson({ token }));
    expect(justInTime.status).toBe(200);
  });

  it('refuses a forged token and a malformed one without touching the database', async () => {
    at(0);
    for (const token of ['a'.repeat(32), 'not-a-token', '']) {
      const response = await app.request('/api/auth/confirm', postJson({ token }));
      expect(response.status).toBe(400);
    }
  });

  it('creates one session when the same link is confirmed twice at once (two tabs)', async () => {
    at(0);
    await app.request('/api/auth/sign-in', postJson({ email: 'trafego.pago@ponte.example' }));
    const token = await latestLinkToken(app, 'trafego.pago@ponte.example');
    const answers = await Promise.all(
      [1, 2, 3].map(() => app.request('/api/auth/confirm', postJson({ token }))),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 400, 400]);
    const rows = await app.db.select().from(sessions).where(eq(sessions.userId, 'demo-paid'));
    expect(rows).toHaveLength(1);
    const signIns = await app.db.select().from(events).where(eq(events.action, 'sign_in'));
    expect(signIns.filter((e) => e.actorId === 'demo-paid')).toHaveLength(1);
  });

  it('answers the same for an unknown address and queues nothing', async () => {
    at(0);
    const known = await app.request(
      '/api/auth/sign-in',
      postJson({ email: 'financeiro@ponte.example' }),
    );
    const unknown = await app.request(
      '/api/auth/sign-in',
      postJson({ email: 'nobody@ponte.example' }),
    );
    expect(unknown.status).toBe(known.status);
    expect(await unknown.text()).toBe(await known.text());
    expect(await latestLinkToken(app, 'nobody@ponte.example')).toBeNull();
  });

  it('keeps tokens out of the audit trail and records where each sign-in came from', async () => {
    at(0);
    const cookie = await signIn(app, 'trafego.organico@ponte.example');
    const token = cookie.split('=')[1] ?? '';
    const trail = JSON.stringify(await app.db.select().from(events));
    expect(trail).not.toContain(token);
    expect(trail).not.toContain(hashToken(token));
    const [signInEvent] = await app.db
      .select()
      .from(events)
      .where(eq(events.actorId, 'demo-organic'));
    expect(signInEvent?.ip).toMatch(/^198\.51\.100\./);
  });
});
