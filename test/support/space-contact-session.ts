import { eq } from 'drizzle-orm';
import { clientContacts, clients, contactSessions } from '../../db/schema/index.ts';
import { localeOf } from '../../src/i18n/index.ts';
import { generateSecretToken, hashToken } from '../../src/server/auth/tokens.ts';
import type { ContactViewer } from '../../src/server/client-space/contact-viewer.ts';
import { SPACE_COOKIE } from '../../src/server/client-space/space-cookie.ts';
import type { TestApp } from './test-app.ts';

/**
 * A contact signed in to the client space with their client chosen, as the space's sign-in
 * leaves them (its own tests cover how): access turned on, a session row, and its cookie.
 */
export async function spaceCookieOf(app: TestApp, contactId: string): Promise<string> {
  const [contact] = await app.db
    .update(clientContacts)
    .set({ mayUseSpace: true })
    .where(eq(clientContacts.id, contactId))
    .returning({ email: clientContacts.email });
  if (!contact) throw new Error(`no contact ${contactId}`);
  const token = generateSecretToken();
  const now = app.deps.clock();
  await app.db.insert(contactSessions).values({
    id: hashToken(token),
    email: contact.email,
    contactId,
    createdAt: now,
    lastVerifiedAt: now,
  });
  return `${SPACE_COOKIE}=${token}`;
}

/** The viewer the space's server functions take, for a contact of the demo data. */
export async function contactViewerOf(app: TestApp, contactId: string): Promise<ContactViewer> {
  const [row] = await app.db
    .select({ contact: clientContacts, clientName: clients.name })
    .from(clientContacts)
    .innerJoin(clients, eq(clients.id, clientContacts.clientId))
    .where(eq(clientContacts.id, contactId));
  if (!row) throw new Error(`no contact ${contactId}`);
  return {
    sessionId: 'test-session',
    contactId: row.contact.id,
    clientId: row.contact.clientId,
    clientName: row.clientName,
    name: row.contact.name,
    email: row.contact.email,
    locale: localeOf(row.contact.locale),
    mayApprovePieces: row.contact.mayApprovePieces,
  };
}
