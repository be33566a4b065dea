import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { contactSessions } from '../../../db/schema/index.ts';
import { recordEvent } from '../audit/record-event.ts';
import type { SpaceSession } from './contact-sessions.ts';
import { readSpaceContacts, type SpaceContact, spaceContactsOf } from './space-contacts.ts';

/** The clients an address signed in to the space may enter as, for the choice page. */
export async function loadSpaceChoicePage(
  db: Database,
  session: Pick<SpaceSession, 'email'>,
  timeZone: string,
  now: Date,
): Promise<{ contacts: SpaceContact[] }> {
  const rows = await readSpaceContacts(db, session.email);
  return { contacts: spaceContactsOf(rows, now, timeZone) };
}

export type SpaceChoiceResult = { ok: true } | { ok: false; error: 'not_allowed' };

/**
 * Sets the client a space session acts for. Only one of the address's own contacts with
 * access may be chosen: anything else (another address's contact, access switched off
 * meanwhile) is refused with nothing written.
 */
export async function chooseSpaceContact(
  db: Database,
  choice: { session: Pick<SpaceSession, 'id' | 'email'>; contactId: string; ip: string | null },
  timeZone: string,
  now: Date,
): Promise<SpaceChoiceResult> {
  const rows = await readSpaceContacts(db, choice.session.email);
  const contact = spaceContactsOf(rows, now, timeZone).find(
    (c) => c.contactId === choice.contactId,
  );
  if (!contact) return { ok: false, error: 'not_allowed' };
  await db.batch([
    db
      .update(contactSessions)
      .set({ contactId: contact.contactId })
      .where(eq(contactSessions.id, choice.session.id)),
    recordEvent(
      db,
      {
        actorId: null,
        action: 'space_sign_in',
        subjectType: 'client_contact',
        subjectId: contact.contactId,
        ip: choice.ip,
      },
      now,
    ),
  ]);
  return { ok: true };
}
