import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, signInLinks } from '../../db/schema/index.ts';
import { hashToken } from '../../src/server/auth/tokens.ts';
import { signInPathFor } from '../../src/server/forms/return-path.ts';
import { latestLinkToken, postJson, seedPeople, sessionCookieFrom } from '../support/sign-in.ts';
import { createTestApp, readJson, SAME_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const CS = 'cs@ponte.example';
const FORM = {
  'Content-Type': 'application/x-www-form-urlencoded',
  Accept: 'text/html',
  ...SAME_ORIGIN,
};

/** A plain form post, as the sign-in and confirmation pages send it without JavaScript. */
const postForm = (fields: Record<string, string>): RequestInit => ({
  method: 'POST',
  headers: FORM,
  body: new URLSearchParams(fields),
});

describe.each(DRIVERS)('deep links through sign-in (%s)', (driver) => {
  let app: TestApp;
  // Each case starts a quarter of an hour later: the per-address limit never interferes.
  let step = 0;
  const start = new Date('2026-03-02T13:00:00.000Z');
  const nextWindow = () => app.setNow(new Date(start.getTime() + step++ * 16 * 60_000));
  beforeAll(async () => {
    app = await createTestApp(driver);
    await seedPeople(app);
  });
  afterAll(() => app.close());

  /** Asks for a link as the sign-in form does, and returns the e-mailed token. */
  async function askForLink(email: string, next?: string): Promise<string> {
    nextWindow();
    const fields: Record<string, string> = { email, returnTo: '/sign-in' };
    if (next !== undefined) fields.next = next;
    const asked = await app.request('/api/auth/sign-in', postForm(fields));
    expect(asked.status).toBe(303);
    // "Check your e-mail" keeps the destination too, for asking another link from there.
    expect(asked.headers.get('Location')).toBe(signInPathFor(next ?? '', '/sign-in/sent'));
    const token = await latestLinkToken(app, email);
    if (!token) throw new Error(`no link for ${email}`);
    return token;
  }

  it('lands on the page the person was opening, query string and all, after the confirmation', async () => {
    const token = await askForLink(CS, '/tasks?x=1');
    // Kept with the link on the server; the e-mailed address carries only the token.
    const [link] = await app.db
      .select()
      .from(signInLinks)
      .where(eq(signInLinks.id, hashToken(token)));
    expect(link?.nextPath).toBe('/tasks?x=1');
    const [mail] = await app.db.select().from(outbox).where(eq(outbox.toAddress, CS));
    expect(`${mail?.text}${mail?.html}`).not.toContain('tasks');

    expect(signInPathFor('/tasks?x=1', '/sign-in/sent')).toBe(
      '/sign-in/sent?next=%2Ftasks%3Fx%3D1',
    );
    const confirmed = await app.request('/api/auth/confirm', postForm({ token }));
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('Location')).toBe('/tasks?x=1');
    expect(sessionCookieFrom(confirmed)).toBeTruthy();
  });

  it('lands on the partner home when no page was being opened', async () => {
    const token = await askForLink('design@ponte.example');
    const confirmed = await app.request('/api/auth/confirm', postForm({ token }));
    expect(confirmed.headers.get('Location')).toBe('/partner');
  });

  it('ignores a destination posted with the confirmation: only the one kept with the link counts', async () => {
    const token = await askForLink('financeiro@ponte.example', '/review/invoices?status=submitted');
    const confirmed = await app.request(
      '/api/auth/confirm',
      postForm({ token, next: '//evil.example/', returnTo: 'https://evil.example/' }),
    );
    expect(confirmed.headers.get('Location')).toBe('/review/invoices?status=submitted');
  });

  it('drops any destination that is not a page of ours and lands on the partner home', async () => {
    for (const next of [
      'https://evil.example/tasks',
      '//evil.example',
      '/\\evil.example',
      '/tasks\\..\\evil',
      '/tasks\r\nSet-Cookie: x=y',
      '/\t/evil.example',
      '/api/auth/sign-out',
      '/API/auth/session',
      '/sign-in',
      '/sign-in/confirm?token=abc',
      `/${'a'.repeat(600)}`,
    ]) {
      const token = await askForLink('trafego.pago@ponte.example', next);
      const [link] = await app.db
        .select({ nextPath: signInLinks.nextPath })
        .from(signInLinks)
        .where(eq(signInLinks.id, hashToken(token)));
      expect(link?.nextPath, JSON.stringify(next)).toBeNull();
      const confirmed = await app.request('/api/auth/confirm', postForm({ token }));
      expect(confirmed.headers.get('Location'), JSON.stringify(next)).toBe('/partner');
    }
  });

  it('tells a script where the person lands, and refuses nothing for an odd destination', async () => {
    nextWindow();
    const email = 'trafego.organico@ponte.example';
    for (const next of [42, ['/tasks', '/partner'], { path: '/tasks' }, null]) {
      const asked = await app.request('/api/auth/sign-in', postJson({ email, next }));
      expect(asked.status, JSON.stringify(next)).toBe(200);
    }
    const asked = await app.request('/api/auth/sign-in', postJson({ email, next: '/clients' }));
    expect(asked.status).toBe(200);
    const token = await latestLinkToken(app, email);
    const confirmed = await app.request('/api/auth/confirm', postJson({ token }));
    expect(await readJson(confirmed)).toEqual({ signedIn: true, landing: '/clients' });
  });

  it('keeps the destination when a refused request goes back to the sign-in page', async () => {
    nextWindow();
    const email = 'admin@ponte.example';
    let refused: Response | undefined;
    for (let i = 0; i < 6; i++) {
      refused = await app.request(
        '/api/auth/sign-in',
        postForm({ email, next: '/tasks', returnTo: '/sign-in?next=%2Ftasks' }),
      );
    }
    expect(refused?.status).toBe(303);
    expect(refused?.headers.get('Location')).toBe('/sign-in?next=%2Ftasks');
  });
});
