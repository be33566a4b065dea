import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { contactSessions } from '../../../db/schema/index.ts';
import { recordEvent } from '../audit/record-event.ts';
import type { SpaceSession } from './contact-sessions.ts';

type SignOut = { session: Pick<SpaceSession, 'id' | 'email' | 'contact'>; ip: string | null };

/** The audit entry of a sign-out, when the contact is known (an unchosen session has none). */
function signOutEvent(db: Database, action: string, { session, ip }: SignOut, now: Date) {
  if (!session.contact) return [];
  return [
    recordEvent(
      db,
      {
        actorId: null,
        action,
        subjectType: 'client_contact',
        subjectId: session.contact.contactId,
        ip,
      },
      now,
    ),
  ];
}

/** Signs out of this device: the row is deleted, so the cookie is worthless even if kept. */
export async function endSpaceSession(db: Database, end: SignOut, now: Date): Promise<void> {
  await db.batch([
    db.delete(contactSessions).where(eq(contactSessions.id, end.session.id)),
    ...signOutEvent(db, 'space_sign_out', end, now),
  ]);
}

/** Signs the address out of every device at once, whichever client each session chose. */
export async function endAllSpaceSessions(db: Database, end: SignOut, now: Date): Promise<void> {
  await db.batch([
    db.delete(contactSessions).where(eq(contactSessions.email, end.session.email)),
    ...signOutEvent(db, 'space_sign_out_everywhere', end, now),
  ]);
}
