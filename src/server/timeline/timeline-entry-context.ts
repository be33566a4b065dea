import { and, asc, eq, exists, max, or, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import {
  clientContacts,
  clients,
  clientTeamMembers,
  timelineActionItems,
  timelineEntries,
  timelineFiles,
  timelineRecipients,
  userRoles,
  users,
} from '../../../db/schema/index.ts';
import { clientTeamFrom, readClientTeam } from '../clients/client-teams.ts';

/**
 * The people a client's entries may name or ask: its CS in charge and its team, each still
 * holding the role they work in, with what an e-mail to them needs.
 */
function readTeamPeople(db: Database, clientId: string) {
  return db
    .selectDistinct({ id: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(
      and(
        eq(users.active, true),
        or(
          and(
            eq(userRoles.role, 'cs'),
            exists(
              db
                .select({ one: sql`1` })
                .from(clients)
                .where(and(eq(clients.id, clientId), eq(clients.csUserId, users.id))),
            ),
          ),
          exists(
            db
              .select({ one: sql`1` })
              .from(clientTeamMembers)
              .where(
                and(
                  eq(clientTeamMembers.clientId, clientId),
                  eq(clientTeamMembers.userId, users.id),
                  eq(clientTeamMembers.role, userRoles.role),
                ),
              ),
          ),
        ),
      ),
    )
    .orderBy(asc(users.name));
}

/** The reads of an entry being edited, kept to this client (another client's id finds nothing). */
function readEntryState(db: Database, clientId: string, entryId: string) {
  return [
    db
      .select()
      .from(timelineEntries)
      .where(and(eq(timelineEntries.id, entryId), eq(timelineEntries.clientId, clientId))),
    db
      .select({ id: timelineFiles.id })
      .from(timelineFiles)
      .where(eq(timelineFiles.entryId, entryId)),
    db
      .select({
        contactId: timelineRecipients.contactId,
        contactName: timelineRecipients.contactName,
        notifiedAt: timelineRecipients.notifiedAt,
        response: timelineRecipients.response,
      })
      .from(timelineRecipients)
      .where(eq(timelineRecipients.entryId, entryId)),
    db
      .select({ last: max(timelineActionItems.position) })
      .from(timelineActionItems)
      .where(eq(timelineActionItems.entryId, entryId)),
  ] as const;
}

/**
 * What writing on a client's timeline needs, in one round trip: the client and its team (who
 * may write), its contacts (whom an entry may name or e-mail), the people an action item may
 * ask, and when editing, the entry with its files, recipients and last action item. Null
 * when there is no such client.
 */
export async function loadTimelineWriteContext(
  db: Database,
  clientId: string,
  entryId: string | null,
) {
  const [client, team, cs, contacts, people, ...entryRows] = await db.batch([
    ...readClientTeam(db, clientId),
    db
      .select({ id: clientContacts.id, name: clientContacts.name })
      .from(clientContacts)
      .where(eq(clientContacts.clientId, clientId))
      .orderBy(asc(clientContacts.name)),
    readTeamPeople(db, clientId),
    // The entry's reads run for a new entry too (an id that matches nothing): one batch shape.
    ...readEntryState(db, clientId, entryId ?? ''),
  ]);
  const facts = clientTeamFrom([client, team, cs]);
  if (!facts) return null;
  const [entry, files, recipients, lastItem] = entryRows;
  return {
    facts,
    contacts,
    people: new Map(people.map((person) => [person.id, person])),
    existing: entry[0]
      ? {
          entry: entry[0],
          fileCount: files.length,
          recipients,
          lastPosition: lastItem[0]?.last ?? -1,
        }
      : null,
  };
}

export type TimelineWriteContext = NonNullable<
  Awaited<ReturnType<typeof loadTimelineWriteContext>>
>;
