import { and, asc, eq, or, type SQL, sql } from 'drizzle-orm';
import { aliased } from '../../../db/aliased.ts';
import type { Database } from '../../../db/client.ts';
import {
  type AcknowledgementResponse,
  clientContacts,
  clients,
  type TimelineEntryKind,
  timelineEntries,
  timelineFiles,
  timelineRecipients,
  users,
} from '../../../db/schema/index.ts';
import { type Locale, localeOf } from '../../i18n/index.ts';
import { hashToken, looksLikeToken } from '../auth/tokens.ts';
import type { ContactViewer } from '../client-space/contact-viewer.ts';
import type { FileStore } from '../files/file-store.ts';
import { csMailColumns } from '../mail/mail-recipients.ts';
import { readEntryFile } from './timeline-files.ts';

/** A file of an entry as the client's side lists it (the bytes are fetched by id). */
export type TimelineFileView = { id: string; fileName: string; contentType: string; size: number };

/**
 * A contact's acknowledgement of one entry, opened by their link or in the space: the entry
 * as the client may see it, who asks (CS), and their answer once given. By link it may also
 * be an entry that asks nothing (`asks` false): every e-mail carries a personal link, so a
 * contact outside the space still reads the entry and its files; there is nothing to answer.
 */
export type OpenAcknowledgement = {
  entry: {
    id: string;
    kind: TimelineEntryKind;
    title: string;
    content: string;
    occurredOn: string;
    period: string | null;
    createdAt: Date;
    revision: number;
  };
  // Whether the entry asks acknowledgement: only then are there answers to offer or take.
  asks: boolean;
  client: { id: string; name: string };
  contact: { id: string; name: string; locale: Locale };
  cs: { name: string; email: string; locale: string } | null;
  answer: {
    response: AcknowledgementResponse;
    observation: string | null;
    respondedAt: Date;
  } | null;
  files: TimelineFileView[];
  // When the personal link that opened it stops opening; null in the space.
  linkExpiresAt: Date | null;
};

/** Whether the link that opened an acknowledgement has expired (at its expiry, it has). */
export const linkExpired = (opened: OpenAcknowledgement, now: Date) =>
  opened.linkExpiresAt !== null && opened.linkExpiresAt.getTime() <= now.getTime();

/**
 * The recipient row with its entry, client, contact and CS. Only a client-visible entry, and
 * a contact still of the entry's client, open it: an entry made internal or a contact moved
 * away is an invalid link. A removed contact has no row at all.
 */
function recipientQuery(db: Database, which: SQL) {
  return (
    db
      .select({
        entryId: aliased(timelineEntries.id, 'entry_id'),
        kind: timelineEntries.kind,
        title: timelineEntries.title,
        content: timelineEntries.content,
        occurredOn: timelineEntries.occurredOn,
        period: timelineEntries.period,
        createdAt: aliased(timelineEntries.createdAt, 'entry_created_at'),
        revision: timelineEntries.revision,
        asks: timelineEntries.asksAcknowledgement,
        clientId: aliased(clients.id, 'client_id'),
        clientName: aliased(clients.name, 'client_name'),
        contactId: aliased(clientContacts.id, 'contact_id'),
        contactName: aliased(clientContacts.name, 'contact_name'),
        contactLocale: aliased(clientContacts.locale, 'contact_locale'),
        ...csMailColumns,
        response: timelineRecipients.response,
        observation: timelineRecipients.observation,
        respondedAt: timelineRecipients.respondedAt,
        tokenHash: timelineRecipients.tokenHash,
        tokenExpiresAt: timelineRecipients.tokenExpiresAt,
        reminderTokenExpiresAt: timelineRecipients.reminderTokenExpiresAt,
      })
      .from(timelineRecipients)
      .innerJoin(timelineEntries, eq(timelineEntries.id, timelineRecipients.entryId))
      .innerJoin(clients, eq(clients.id, timelineEntries.clientId))
      .innerJoin(clientContacts, eq(clientContacts.id, timelineRecipients.contactId))
      // A CS who left (deactivated) is no one to ask or tell: `cs` is null, and an observation
      // goes to the admins instead.
      .leftJoin(users, and(eq(users.id, clients.csUserId), eq(users.active, true)))
      .where(
        and(
          which,
          eq(timelineEntries.visibility, 'client'),
          eq(clientContacts.clientId, timelineEntries.clientId),
        ),
      )
  );
}

/** The entry's files, by an SQL expression of its id (read in the same round trip). */
export function entryFilesQuery(db: Database, entryId: SQL | string) {
  return db
    .select({
      id: timelineFiles.id,
      fileName: timelineFiles.fileName,
      contentType: timelineFiles.contentType,
      size: timelineFiles.size,
    })
    .from(timelineFiles)
    .where(sql`${timelineFiles.entryId} = ${entryId}`)
    .orderBy(asc(timelineFiles.createdAt), asc(timelineFiles.id));
}

async function openWhere(
  db: Database,
  which: SQL,
  entryOf: SQL,
  byHash: string | null,
): Promise<OpenAcknowledgement | null> {
  const [rows, files] = await db.batch([recipientQuery(db, which), entryFilesQuery(db, entryOf)]);
  const row = rows[0];
  if (!row) return null;
  return {
    entry: {
      id: row.entryId,
      kind: row.kind,
      title: row.title,
      content: row.content,
      occurredOn: row.occurredOn,
      period: row.period,
      createdAt: row.createdAt,
      revision: row.revision,
    },
    asks: row.asks,
    client: { id: row.clientId, name: row.clientName },
    contact: { id: row.contactId, name: row.contactName, locale: localeOf(row.contactLocale) },
    cs:
      row.csName && row.csEmail
        ? { name: row.csName, email: row.csEmail, locale: row.csLocale ?? '' }
        : null,
    answer:
      row.response && row.respondedAt
        ? { response: row.response, observation: row.observation, respondedAt: row.respondedAt }
        : null,
    files,
    linkExpiresAt:
      byHash === null
        ? null
        : row.tokenHash === byHash
          ? row.tokenExpiresAt
          : row.reminderTokenExpiresAt,
  };
}

/**
 * The acknowledgement a personal link opens: by the SHA-256 of its token, the first e-mail's
 * or the reminder's. Anything else — not a token, unknown, another entry's made internal, a
 * removed contact — is null: one "link not valid" answer for all. An expired link opens, with
 * its `linkExpiresAt` (see linkExpired): the caller answers "expired" rather than "invalid".
 */
export function openAcknowledgementByToken(db: Database, token: string) {
  if (!looksLikeToken(token)) return Promise.resolve(null);
  const hash = hashToken(token);
  const byToken = or(
    eq(timelineRecipients.tokenHash, hash),
    eq(timelineRecipients.reminderTokenHash, hash),
  ) as SQL;
  const entryOf = sql`(select ${timelineRecipients.entryId} from ${timelineRecipients} where ${byToken})`;
  return openWhere(db, byToken, entryOf, hash);
}

/**
 * The same acknowledgement in the client space: this contact's, of an entry of their client
 * that asks it (the space shows every entry itself; this opens only what may be answered).
 */
export function openAcknowledgementInSpace(db: Database, viewer: ContactViewer, entryId: string) {
  return openWhere(
    db,
    and(
      eq(timelineRecipients.entryId, entryId),
      eq(timelineRecipients.contactId, viewer.contactId),
      eq(timelineEntries.clientId, viewer.clientId),
      eq(timelineEntries.asksAcknowledgement, true),
    ) as SQL,
    sql`${entryId}`,
    null,
  );
}

/**
 * A file of the entry a personal link opens, in one call: the link's refusal (`invalid`, or
 * `expired` in its contact's language), or the file with its bytes (`found` null: no such
 * file of that entry).
 */
export async function readAcknowledgementFile(
  deps: { db: Database; files: FileStore },
  link: { token: string; fileId: string },
  now: Date,
) {
  const opened = await openAcknowledgementByToken(deps.db, link.token);
  if (!opened) return { refusal: 'invalid' } as const;
  const { locale } = opened.contact;
  if (linkExpired(opened, now)) return { refusal: 'expired', locale } as const;
  const found = await readEntryFile(deps, {
    clientId: opened.client.id,
    entryId: opened.entry.id,
    fileId: link.fileId,
  });
  return { refusal: null, locale, found } as const;
}
