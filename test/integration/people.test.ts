import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, outbox, sessions, userRoles, users } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import {
  latestLinkToken,
  postJson,
  seedPeople,
  sessionCookieFrom,
  signIn,
} from '../support/sign-in.ts';
import { createTestApp, readJson, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const DAY = 86_400_000;

describe.each(DRIVERS)('admin: invitations, roles, deactivation (%s)', (driver) => {
  let app: TestApp;
  let admin: string;
  const start = new Date('2026-03-02T13:00:00.000Z');
  beforeAll(async () => {
    app = await createTestApp(driver);
    await seedPeople(app);
    admin = await signIn(app, 'admin@ponte.example');
  });
  afterAll(() => app.close());

  const invite = (body: Record<string, unknown>) =>
    app.request('/api/people', postJson(body, { cookie: admin, ip: '203.0.113.9' }));

  it('invites a person: normalized e-mail, roles, invitation in the outbox, audit event', async () => {
    const response = await invite({
      name: 'Bruna Braga',
      email: '  Bruna.Braga@Exemplo.COM ',
      roles: ['design', 'cs'],
      locale: 'en',
    });
    expect(response.status).toBe(200);
    const { id } = await readJson(response);
    const [person] = await app.db.select().from(users).where(eq(users.id, id));
    expect(person).toMatchObject({ email: 'bruna.braga@exemplo.com', locale: 'en', active: true });
    const roles = await app.db.select().from(userRoles).where(eq(userRoles.userId, id));
    expect(roles.map((r) => r.role).sort()).toEqual(['cs', 'design']);
    const [mail] = await app.db
      .select()
      .from(outbox)
      .where(eq(outbox.toAddress, 'bruna.braga@exemplo.com'));
    // In the invitee's language, naming who invited them.
    expect(mail?.subject).toBe('You are invited to Ponte');
    expect(mail?.text).toContain('Ana Andrade');
    const [event] = await app.db
      .select()
      .from(events)
      .where(and(eq(events.action, 'invitation'), eq(events.subjectId, id)));
    expect(event).toMatchObject({ actorId: 'demo-admin', ip: '203.0.113.9' });
  });

  it('refuses a second person with the same e-mail, in any case or spacing, and writes nothing', async () => {
    const before = await app.db.select().from(outbox);
    const response = await invite({
      name: 'Outra',
      email: 'BRUNA.BRAGA@exemplo.com',
      roles: ['cs'],
      locale: 'pt-BR',
    });
    expect(response.status).toBe(409);
    const { error } = await readJson(response);
    expect(error.code).toBe('email_taken');
    expect(error.fields.email).toMatch(/e-mail/);
    expect(await app.db.select().from(outbox)).toHaveLength(before.length);
  });

  it('refuses an invitation without roles or with an unknown role, with messages per field', async () => {
    const none = await readJson(
      await invite({ name: 'X', email: 'x@exemplo.com', locale: 'pt-BR' }),
    );
    expect(none.error.fields.roles).toBe('Escolha ao menos um papel.');
    const unknown = await readJson(
      await invite({ name: 'X', email: 'x@exemplo.com', roles: ['boss'], locale: 'pt-BR' }),
    );
    expect(Object.keys(unknown.error.fields)).toEqual(['roles.0']);
  });

  it('lets the invitation sign the person in once, within the policy days', async () => {
    const token = await latestLinkToken(app, 'bruna.braga@exemplo.com');
    app.setNow(new Date(start.getTime() + policy.links.invitationDays * DAY - 1));
    const confirmed = await app.request('/api/auth/confirm', postJson({ token }));
    expect(confirmed.status).toBe(200);
    const me = await app.request('/api/auth/session', {
      headers: { Cookie: sessionCookieFrom(confirmed) ?? '' },
    });
    expect((await readJson(me)).user.roles.sort()).toEqual(['cs', 'design']);
    app.setNow(start);
  });

  it('changes roles with an audit event that says from what to what', async () => {
    const response = await app.request(
      '/api/people/demo-design/roles',
      postJson({ roles: ['design', 'cs'] }, { cookie: admin }),
    );
    expect(response.status).toBe(200);
    const [event] = await app.db
      .select()
      .from(events)
      .where(and(eq(events.action, 'roles_changed'), eq(events.subjectId, 'demo-design')));
    expect(event?.data).toEqual({ from: ['design'], to: ['design', 'cs'] });
  });

  it('does not let an admin remove their own admin role or deactivate themselves', async () => {
    const roles = await app.request(
      '/api/people/demo-admin/roles',
      postJson({ roles: ['finance'] }, { cookie: admin }),
    );
    expect(roles.status).toBe(409);
    const deactivate = await app.request(
      '/api/people/demo-admin/deactivate',
      postJson({}, { cookie: admin }),
    );
    expect(deactivate.status).toBe(409);
    expect((await readJson(deactivate)).error.code).toBe('own_access');
  });

  it('answers 404 for a person who does not exist, and records nothing', async () => {
    const response = await app.request(
      '/api/people/nobody/deactivate',
      postJson({}, { cookie: admin }),
    );
    expect(response.status).toBe(404);
    expect(await app.db.select().from(events).where(eq(events.subjectId, 'nobody'))).toEqual([]);
  });

  it('ends every session of a deactivated person at once, and refuses their links', async () => {
    const first = await signIn(app, 'trafego.organico@ponte.example');
    const second = await signIn(app, 'trafego.organico@ponte.example');
    await app.request('/api/auth/sign-in', postJson({ email: 'trafego.organico@ponte.example' }));
    const pendingLink = await latestLinkToken(app, 'trafego.organico@ponte.example');

    const response = await app.request(
      '/api/people/demo-organic/deactivate',
      postJson({}, { cookie: admin }),
    );
    expect(response.status).toBe(200);
    expect(await app.db.select().from(sessions).where(eq(sessions.userId, 'demo-organic'))).toEqual(
      [],
    );
    for (const cookie of [first, second]) {
      const me = await app.request('/api/auth/session', { headers: { Cookie: cookie } });
      expect(me.status).toBe(401);
    }
    const link = await app.request('/api/auth/confirm', postJson({ token: pendingLink }));
    expect(link.status).toBe(400);
    // A deactivated person asking for a link gets the usual answer, and no e-mail.
    const outboxBefore = (await app.db.select().from(outbox)).length;
    const asked = await app.request(
      '/api/auth/sign-in',
      postJson({ email: 'trafego.organico@ponte.example' }),
    );
    expect(asked.status).toBe(200);
    expect(await app.db.select().from(outbox)).toHaveLength(outboxBefore);
  });

  it('lets a reactivated person sign in again', async () => {
    const response = await app.request(
      '/api/people/demo-organic/reactivate',
      postJson({}, { cookie: admin }),
    );
    expect(response.status).toBe(200);
    await expect(signIn(app, 'trafego.organico@ponte.example')).resolves.toMatch(/^__Host-/);
  });

  it('re-sends an invitation: the new link works, the old one does not', async () => {
    await app.request('/api/people/demo-finance/invitation', postJson({}, { cookie: admin }));
    const oldToken = await latestLinkToken(app, 'financeiro@ponte.example');
    await app.request('/api/people/demo-finance/invitation', postJson({}, { cookie: admin }));
    const newToken = await latestLinkToken(app, 'financeiro@ponte.example');
    expect(newToken).not.toBe(oldToken);
    expect((await app.request('/api/auth/confirm', postJson({ token: oldToken }))).status).toBe(
      400,
    );
    expect((await app.request('/api/auth/confirm', postJson({ token: newToken }))).status).toBe(
      200,
    );
  });

  it('sends a plain form back to its page with the message and the values typed', async () => {
    const response = await app.request('/api/people', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'text/html',
        Origin: 'http://localhost',
        'Sec-Fetch-Site': 'same-origin',
        Cookie: admin,
      },
      body: new URLSearchParams({
        name: 'Célia',
        email: 'nope',
        locale: 'pt-BR',
        returnTo: '/admin/people/invite',
      }),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/admin/people/invite');
    expect(response.headers.getSetCookie().join()).toContain('ponte_feedback=');
  });
});
