import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { clients, timelineEntries, timelineRecipients, users } from '../../../db/schema/index.ts';
import type { Policy } from '../../policy/index.ts';
import type { ContactViewer } from '../client-space/contact-viewer.ts';
import { entryFilesQuery, type OpenAcknowledgement } from './timeline-ack-open.ts';
import { findTimelineFile } from './timeline-files.ts';

/** The space's page of an entry, where its acknowledgement forms return. */
export const spaceEntryPath = (entryId: string) => `/space/timeline/${encodeURIComponent(entryId)}`;

/** Where the space serves a file of an entry (the route checks who asks). */
export const spaceEntryFileUrl = (entryId: string, fileId: string) =>
  `/api/space/timeline/${encodeURIComponent(entryId)}/files/${encodeURIComponent(fileId)}`;

/** An entry the contact's client is shown: theirs, and client-visible. Never an internal one. */
const shownToClient = (viewer: ContactViewer) =>
  and(eq(timelineEntries.clientId, viewer.clientId), eq(timelineEntries.visibility, 'client'));

/**
 * Whether this contact was asked to acknowledge the entry and has not answered yet. Written
 * with its tables named: the list selects from one table, which drizzle leaves unqualified.
 */
const awaitingThisContact = (viewer: ContactViewer) =>
  sql<boolean>`(timeline_entries.asks_acknowledgement = 1 and exists (select 1 from timeline_recipients r where r.entry_id = timeline_entries.id and r.contact_id = ${viewer.contactId} and r.responded_at is null))`.mapWith(
    Boolean,
  );

/**
 * One page of the client's timeline as a contact sees it: the client-visible entries, newest
 * first (the day each is about, then when it was written), read on the index by client in one
 * statement; one row past the page tells whether another page follows.
 */
export async function loadSpaceTimelinePage(
  db: Database,
  rules: { timeline: Pick<Policy['timeline'], 'pageSize'> },
  viewer: ContactViewer,
  page: number,
) {
  const { pageSize } = rules.timeline;
  const rows = await db
    .select({
      id: timelineEntries.id,
      kind: timelineEntries.kind,
      title: timelineEntries.title,
      occurredOn: timelineEntries.occurredOn,
      period: timelineEntries.period,
      asksAcknowledgement: timelineEntries.asksAcknowledgement,
      awaitingYou: awaitingThisContact(viewer),
    })
    .from(timelineEntries)
    .where(shownToClient(viewer))
    .orderBy(desc(timelineEntries.occurredOn), desc(timelineEntries.createdAt))
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize);
  return { entries: rows.slice(0, pageSize), page, hasNext: rows.length > pageSize };
}

/**
 * An entry of the contact's client, client-visible, with its files and this contact's own
 * acknowledgement when they were asked for one (null otherwise: no buttons). Null when the
 * entry is internal, of another client or not there: the page answers 404 alike.
 */
export async function loadSpaceTimelineEntryPage(
  db: Database,
  viewer: ContactViewer,
  entryId: string,
) {
  const [entries, files, asked, cs] = await db.batch([
    db
      .select({
        id: timelineEntries.id,
        kind: timelineEntries.kind,
        title: timelineEntries.title,
        content: timelineEntries.content,
        occurredOn: timelineEntries.occurredOn,
        period: timelineEntries.period,
        asksAcknowledgement: timelineEntries.asksAcknowledgement,
        createdAt: timelineEntries.createdAt,
      })
      .from(timelineEntries)
      .where(and(eq(timelineEntries.id, entryId), shownToClient(viewer))),
    // Files only of an entry the contact may see: the same condition, in the same round trip.
    entryFilesQuery(
      db,
      sql`(select ${timelineEntries.id} from ${timelineEntries} where ${and(eq(timelineEntries.id, entryId), shownToClient(viewer))})`,
    ),
    db
      .select({
        response: timelineRecipients.response,
        observation: timelineRecipients.observation,
        respondedAt: timelineRecipients.respondedAt,
      })
      .from(timelineRecipients)
      .where(
        and(
          eq(timelineRecipients.entryId, entryId),
          eq(timelineRecipients.contactId, viewer.contactId),
        ),
      ),
    // The client's CS, who asks for the answer (named on the page as in the e-mail).
    db
      .select({ name: users.name })
      .from(clients)
      .innerJoin(users, eq(users.id, clients.csUserId))
      .where(eq(clients.id, viewer.clientId)),
  ]);
  const entry = entries[0];
  if (!entry) return null;
  const own = asked[0];
  const answer: OpenAcknowledgement['answer'] =
    own?.response && own.respondedAt
      ? { response: own.response, observation: own.observation, respondedAt: own.respondedAt }
      : null;
  return {
    entry,
    files,
    // Asked: this contact is a recipient of an entry that asks acknowledgement.
    acknowledgement: own && entry.asksAcknowledgement ? { answer, cs: cs[0]?.name ?? null } : null,
  };
}

/**
 * A file of an entry for the space: only of a client-visible entry of the contact's client
 * (anything else is unknown here, 404, as a file that does not exist).
 */
export async function findSpaceTimelineFile(
  db: Database,
  viewer: ContactViewer,
  entryId: string,
  fileId: string,
) {
  const [visible] = await db
    .select({ id: timelineEntries.id })
    .from(timelineEntries)
    .where(and(eq(timelineEntries.id, entryId), shownToClient(viewer)));
  return visible ? findTimelineFile(db, { clientId: viewer.clientId, entryId, fileId }) : null;
}
