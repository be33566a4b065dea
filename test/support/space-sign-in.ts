import { eq } from 'drizzle-orm';
import { clientContacts } from '../../db/schema/index.ts';
import { SPACE_COOKIE } from '../../src/server/client-space/space-cookie.ts';
import { latestLinkToken, postJson } from './sign-in.ts';
import type { TestApp } from './test-app.ts';

/** Turns the client space on (or off) for a contact, as CS does on the contact form. */
export async function setSpaceAccess(app: Pick<TestApp, 'db'>, contactId: string, on: boolean) {
  await app.db
    .update(clientContacts)
    .set({ mayUseSpace: on })
    .where(eq(clientContacts.id, contactId));
}

/** The Cookie header that carries the space session a response set, or null. */
export function spaceCookieFrom(response: Response): string | null {
  const match = new RegExp(`${SPACE_COOKIE}=([^;]+)`).exec(
    response.headers.getSetCookie().join('\n'),
  );
  return match ? `${SPACE_COOKIE}=${match[1]}` : null;
}

let ipCounter = 0;

/**
 * Signs an address in to the space the way a browser does (ask, follow the mailed link,
 * confirm); returns the cookie and where the confirmation sent it.
 */
export async function signInToSpace(
  app: Pick<TestApp, 'db' | 'request'>,
  email: string,
): Promise<{ cookie: string; landing: string }> {
  const ip = `203.0.113.${(ipCounter++ % 250) + 1}`;
  const asked = await app.request('/api/space/auth/sign-in', postJson({ email }, { ip }));
  if (asked.status !== 200) throw new Error(`space sign-in answered ${asked.status}`);
  const token = await latestLinkToken(app, email);
  if (!token) throw new Error(`no space link was queued for ${email}`);
  const confirmed = await app.request('/api/space/auth/confirm', postJson({ token }, { ip }));
  const cookie = spaceCookieFrom(confirmed);
  if (!cookie) throw new Error(`confirming answered ${confirmed.status} without a session`);
  const { landing } = (await confirmed.json()) as { landing: string };
  return { cookie, landing };
}
