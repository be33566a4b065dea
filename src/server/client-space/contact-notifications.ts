import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { aliased } from '../../../db/aliased.ts';
import type { Database } from '../../../db/client.ts';
import {
  clientContacts,
  clientRequests,
  contactNotifications,
  outbox,
  pieces,
} from '../../../db/schema/index.ts';
import { localeOf } from '../../i18n/index.ts';
import { mailRow } from '../mail/outbox.ts';
import {
  type ContactNewsFacts,
  contactDigestMail,
  contactNewsMail,
} from './contact-notifications-mail.ts';
import {
  type DigestRules,
  digestDayAt,
  digestKey,
  howToTell,
  notificationKey,
} from './contact-notifications-rules.ts';

// Enough for a busy minute, and a batch D1 takes in one go; what is left waits for the next run.
export const BATCH_LIMIT = 100;
// D1 binds at most 100 parameters a statement: ids are marked in slices well under it.
const IDS_PER_STATEMENT = 50;

/** Ids in slices a statement can bind. */
function slices(ids: string[]): string[][] {
  const out: string[][] = [];
  for (let start = 0; start < ids.length; start += IDS_PER_STATEMENT)
    out.push(ids.slice(start, start + IDS_PER_STATEMENT));
  return out;
}

type Pending = ContactNewsFacts & {
  id: string;
  contactId: string;
  contactName: string;
  email: string;
  locale: string;
  mode: 'immediate' | 'daily';
  mayUseSpace: boolean;
};

/**
 * The scheduled job of the space's news (queued by notifyContact): each contact hears of it
 * as they chose — one e-mail each at once, or one digest a day from the policy's time. A row
 * is marked sent in the same batch as its e-mail's outbox insert, and only if that insert
 * was this run's (see `sentWithMail`): a re-run, or two runs at once, send nothing twice, and a
 * crash between reading and writing loses nothing.
 */
export async function sendContactNotifications(
  db: Database,
  rules: DigestRules,
  now: Date,
  origin: string,
) {
  const day = digestDayAt(now, rules);
  const pending = await readPending(db, day);
  // A full page may cut the last contact's news in two: their digest waits for the next run,
  // which reads them whole (unless they alone fill a page).
  const last = pending.at(-1)?.contactId;
  const heldBack =
    pending.length === BATCH_LIMIT && pending.some((row) => row.contactId !== last) ? last : null;
  const writes = [];
  const done: string[] = [];
  const digests = new Map<string, Pending[]>();
  let mailed = 0;
  for (const row of pending) {
    const how = howToTell(row);
    if (how === 'drop' || how === 'told') done.push(row.id);
    if (how === 'mail') {
      const contact = { name: row.contactName, locale: localeOf(row.locale) };
      const mail = mailRow(
        {
          idempotencyKey: notificationKey(row.id),
          to: row.email,
          ...contactNewsMail(contact, row, origin),
        },
        now,
      );
      writes.push(...sentWithMail(db, mail, [row.id], now));
      mailed += 1;
    }
    if (how === 'digest' && day && row.contactId !== heldBack)
      digests.set(row.contactId, [...(digests.get(row.contactId) ?? []), row]);
  }
  for (const [contactId, news] of digests) {
    const [first] = news;
    if (!first || !day) continue;
    const contact = { name: first.contactName, locale: localeOf(first.locale) };
    const mail = mailRow(
      {
        idempotencyKey: digestKey(contactId, day),
        to: first.email,
        ...contactDigestMail(contact, news, origin),
      },
      now,
    );
    writes.push(
      ...sentWithMail(
        db,
        mail,
        news.map((item) => item.id),
        now,
      ),
    );
  }
  writes.push(...markSent(db, done, now));
  const [head, ...rest] = writes;
  if (head) await db.batch([head, ...rest]);
  return { mailed, digests: digests.size, skipped: done.length };
}

/** The pending news, by contact and oldest first, with what each sentence and its contact need. */
async function readPending(db: Database, day: string | null): Promise<Pending[]> {
  const rows = await db
    .select({
      id: contactNotifications.id,
      kind: contactNotifications.kind,
      subjectId: contactNotifications.subjectId,
      contactId: contactNotifications.contactId,
      contactName: clientContacts.name,
      email: clientContacts.email,
      locale: clientContacts.locale,
      mode: clientContacts.notifyMode,
      mayUseSpace: clientContacts.mayUseSpace,
      pieceTitle: aliased(pieces.title, 'piece_title'),
      requestTitle: aliased(clientRequests.title, 'request_title'),
      declineReason: clientRequests.declineReason,
    })
    .from(contactNotifications)
    .innerJoin(clientContacts, eq(clientContacts.id, contactNotifications.contactId))
    .leftJoin(pieces, eq(pieces.id, contactNotifications.subjectId))
    .leftJoin(clientRequests, eq(clientRequests.id, contactNotifications.subjectId))
    .where(and(isNull(contactNotifications.sentAt), dueNow(day)))
    .orderBy(
      asc(contactNotifications.contactId),
      asc(contactNotifications.createdAt),
      asc(contactNotifications.id),
    )
    .limit(BATCH_LIMIT);
  return rows.map(({ pieceTitle, requestTitle, declineReason, ...row }) => ({
    ...row,
    title: pieceTitle ?? requestTitle ?? '',
    // The reason reaches the contact only with the decline itself.
    declineReason: row.kind === 'request_declined' ? declineReason : null,
  }));
}

/**
 * The rows this run can act on, so news waiting for tomorrow's digest never crowds out the
 * rest: a contact told at once, or who left the space, and a daily contact's news once the
 * day's digest time has come and its digest has not gone out yet.
 */
function dueNow(day: string | null) {
  const immediateOrGone = sql`(${clientContacts.notifyMode} = 'immediate' or ${clientContacts.mayUseSpace} = 0)`;
  if (!day) return immediateOrGone;
  const digestSent = sql`exists (select 1 from ${outbox} where ${outbox.idempotencyKey} = ${'contact-digest:'} || ${contactNotifications.contactId} || ${`:${day}`})`;
  return sql`(${immediateOrGone} or not ${digestSent})`;
}

/**
 * The outbox insert and the marking of the rows it tells of. The rows are marked only when
 * the outbox holds this very message (its fresh id): when the key was already taken — the
 * day's digest went out before these rows arrived — they stay pending for the next one.
 */
function sentWithMail(db: Database, mail: ReturnType<typeof mailRow>, ids: string[], now: Date) {
  const ours = sql`exists (select 1 from ${outbox} where ${outbox.idempotencyKey} = ${mail.idempotencyKey} and ${outbox.id} = ${mail.id})`;
  return [
    db.insert(outbox).values(mail).onConflictDoNothing({ target: outbox.idempotencyKey }),
    ...slices(ids).map((slice) =>
      db
        .update(contactNotifications)
        .set({ sentAt: now })
        .where(
          and(inArray(contactNotifications.id, slice), isNull(contactNotifications.sentAt), ours),
        ),
    ),
  ];
}

/** Marks rows done that need no e-mail of their own. */
function markSent(db: Database, ids: string[], now: Date) {
  return slices(ids).map((slice) =>
    db
      .update(contactNotifications)
      .set({ sentAt: now })
      .where(and(inArray(contactNotifications.id, slice), isNull(contactNotifications.sentAt))),
  );
}
