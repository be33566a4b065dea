import { eq, sql } from 'drizzle-orm';
import { outbox } from '../../db/schema/index.ts';
import { seedDemoAgency } from '../../db/seed.ts';
import { SESSION_COOKIE } from '../../src/server/auth/session-cookie.ts';
import { SAME_ORIGIN, type TestApp } from './test-app.ts';

/** A JSON POST as a page of ours sends it, with an optional session cookie and client address. */
export function postJson(
  body: unknown,
  options: { cookie?: string; ip?: string; headers?: Record<string, string> } = {},
): RequestInit {
  return {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...SAME_ORIGIN,
      ...(options.cookie ? { Cookie: options.cookie } : {}),
      ...(options.ip ? { 'CF-Connecting-IP': options.ip } : {}),
      ...options.headers,
    },
    body: JSON.stringify(body),
  };
}

/** The demo agency (admin, finance, one partner per role) in the test database. */
export function seedPeople(app: TestApp) {
  return seedDemoAgency(app.db, app.deps.clock());
}

/** The first match of `pattern` in the newest e-mail queued for an address (insertion order: the clock may stand still). */
export async function latestMailMatch(
  app: Pick<TestApp, 'db'>,
  to: string,
  pattern: RegExp,
): Promise<string | null> {
  const [mail] = await app.db
    .select({ text: outbox.text })
    .from(outbox)
    .where(eq(outbox.toAddress, to))
    .orderBy(sql`rowid desc`)
    .limit(1);
  return pattern.exec(mail?.text ?? '')?.[1] ?? null;
}

/** The token of the newest sign-in link e-mailed to an address, or null when none carries one. */
export async function latestLinkToken(
  app: Pick<TestApp, 'db'>,
  to: string,
): Promise<string | null> {
  return latestMailMatch(app, to, /token=([a-z2-7]{32})/);
}

/** The Cookie header that carries the session a response set. */
export function sessionCookieFrom(response: Response): string | null {
  const match = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(
    response.headers.getSetCookie().join('\n'),
  );
  return match ? `${SESSION_COOKIE}=${match[1]}` : null;
}

let ipCounter = 0;

/** Signs a person in the way a browser does (ask for a link, follow it, confirm); returns the cookie. */
export async function signIn(app: Pick<TestApp, 'db' | 'request'>, email: string): Promise<string> {
  // Each sign-in comes from its own address, so tests never trip the per-IP limit by accident.
  const ip = `198.51.100.${(ipCounter++ % 250) + 1}`;
  const asked = await app.request('/api/auth/sign-in', postJson({ email }, { ip }));
  if (asked.status !== 200) throw new Error(`sign-in request answered ${asked.status}`);
  const token = await latestLinkToken(app, email);
  if (!token) throw new Error(`no sign-in link was queued for ${email}`);
  const confirmed = await app.request('/api/auth/confirm', postJson({ token }, { ip }));
  const cookie = sessionCookieFrom(confirmed);
  if (!cookie)
    throw new Error(`confirming the link answered ${confirmed.status} without a session`);
  return cookie;
}
