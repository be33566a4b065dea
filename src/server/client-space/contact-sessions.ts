import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { clientContacts, clients, contactSessions } from '../../../db/schema/index.ts';
import { isLocale } from '../../i18n/locales.ts';
import type { Policy } from '../../policy/index.ts';
import { isSessionExpired, sessionExpiresAt, shouldRenewSession } from '../auth/session-rules.ts';
import { hashToken, looksLikeToken } from '../auth/tokens.ts';
import { mayEnterSpace } from './contact-access-rules.ts';
import type { ContactViewer } from './contact-viewer.ts';

type SpaceRules = Pick<Policy['clientSpace'], 'sessions'> & { timeZone: string };

/**
 * A valid session of the client space. `contact` is null while an address that is a contact
 * of several clients has not chosen one yet: such a session reaches only the choice.
 */
export type SpaceSession = {
  id: string;
  email: string;
  expiresAt: Date;
  // True when this request moved the session's last use forward: the cookie is sent again.
  renewed: boolean;
  contact: ContactViewer | null;
};

/** The space's rules from the policy: its session lengths and the agency's time zone. */
export function spaceRulesOf(policy: Pick<Policy, 'clientSpace' | 'agency'>): SpaceRules {
  return { sessions: policy.clientSpace.sessions, timeZone: policy.agency.timeZone };
}

/**
 * Checks a space session token from its cookie: one query reads the session, its contact and
 * the contact's client. A session that ended, or whose contact lost access (switched off,
 * removed, given another address, the client's service over), is deleted and refused at once.
 */
export async function validateSpaceSession(
  db: Database,
  token: string,
  rules: SpaceRules,
  now: Date,
): Promise<SpaceSession | null> {
  if (!looksLikeToken(token)) return null;
  const id = hashToken(token);
  const [row] = await db
    .select({
      email: contactSessions.email,
      chosenContactId: contactSessions.contactId,
      createdAt: contactSessions.createdAt,
      lastVerifiedAt: contactSessions.lastVerifiedAt,
      contactId: clientContacts.id,
      name: clientContacts.name,
      contactEmail: clientContacts.email,
      locale: clientContacts.locale,
      mayApprovePieces: clientContacts.mayApprovePieces,
      mayUseSpace: clientContacts.mayUseSpace,
      clientId: clients.id,
      clientName: clients.name,
      serviceEndsOn: clients.serviceEndsOn,
    })
    .from(contactSessions)
    .leftJoin(clientContacts, eq(clientContacts.id, contactSessions.contactId))
    .leftJoin(clients, eq(clients.id, clientContacts.clientId))
    .where(eq(contactSessions.id, id));
  if (!row) return null;
  const contactGone =
    row.chosenContactId !== null &&
    (row.contactId === null ||
      // The contact's address changed: the session belonged to the old one.
      row.contactEmail !== row.email ||
      !mayEnterSpace(
        { mayUseSpace: row.mayUseSpace ?? false, serviceEndsOn: row.serviceEndsOn },
        now,
        rules.timeZone,
      ));
  if (contactGone || isSessionExpired(row, rules.sessions, now)) {
    await db.delete(contactSessions).where(eq(contactSessions.id, id));
    return null;
  }
  const renewed = shouldRenewSession(row, rules.sessions, now);
  if (renewed) {
    await db.update(contactSessions).set({ lastVerifiedAt: now }).where(eq(contactSessions.id, id));
  }
  const lastVerifiedAt = renewed ? now : row.lastVerifiedAt;
  const contact: ContactViewer | null =
    row.contactId && row.clientId
      ? {
          sessionId: id,
          contactId: row.contactId,
          clientId: row.clientId,
          clientName: row.clientName ?? '',
          name: row.name ?? '',
          email: row.email,
          locale: row.locale && isLocale(row.locale) ? row.locale : 'pt-BR',
          mayApprovePieces: row.mayApprovePieces ?? false,
        }
      : null;
  return {
    id,
    email: row.email,
    renewed,
    expiresAt: sessionExpiresAt({ createdAt: row.createdAt, lastVerifiedAt }, rules.sessions),
    contact,
  };
}
