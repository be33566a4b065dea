import { and, eq, isNotNull, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { SQLiteUpdateSetSource } from 'drizzle-orm/sqlite-core';
import { aliased } from '../../../db/aliased.ts';
import type { Database } from '../../../db/client.ts';
import {
  clientContacts,
  clients,
  timelineEntries,
  timelineRecipients,
  users,
} from '../../../db/schema/index.ts';
import type { Policy } from '../../policy/index.ts';
import { generateSecretToken, hashToken } from '../auth/tokens.ts';
import { queueMailWhen } from '../mail/outbox.ts';
import {
  type TimelineNotice,
  timelineAckUrl,
  timelineNoticeMail,
} from './timeline-notices-mail.ts';

const DAY_MS = 86_400_000;

/**
 * How many recipients one run e-mails at most (of each kind), two statements each; the next
 * minute's run takes the rest. Small, so the cron's one invocation, which runs every job,
 * stays far within D1's queries per invocation.
 */
export const NOTICES_PER_RUN = 50;

export type TimelineNoticePolicy = { timeline: Pick<Policy['timeline'], 'acknowledgement'> };

/** The recipient rows a run reads: the contact, the entry and the client's CS. */
function pendingRecipients(db: Database) {
  return db
    .select({
      id: aliased(timelineRecipients.id, 'recipient_id'),
      entryId: timelineRecipients.entryId,
      // The contact's own id (the inner join holds it): the recipient's is null once removed.
      contactId: aliased(clientContacts.id, 'contact_id'),
      title: timelineEntries.title,
      asksAcknowledgement: timelineEntries.asksAcknowledgement,
      clientName: aliased(clients.name, 'client_name'),
      csName: aliased(users.name, 'cs_name'),
      contactName: aliased(clientContacts.name, 'contact_name'),
      email: clientContacts.email,
      locale: clientContacts.locale,
    })
    .from(timelineRecipients)
    .innerJoin(timelineEntries, eq(timelineEntries.id, timelineRecipients.entryId))
    .innerJoin(clients, eq(clients.id, timelineEntries.clientId))
    .innerJoin(clientContacts, eq(clientContacts.id, timelineRecipients.contactId))
    .leftJoin(users, eq(users.id, clients.csUserId));
}
type Recipient = Awaited<ReturnType<ReturnType<typeof pendingRecipients>['limit']>>[number];

/** True while the entry is shown to the client: an entry made internal since sends nothing. */
const stillVisible = (entryId: string) =>
  sql`exists (select 1 from ${timelineEntries} where ${timelineEntries.id} = ${entryId} and ${timelineEntries.visibility} = 'client')`;

/**
 * The e-mails of client-visible entries, each once. A chosen contact not yet told gets the
 * entry's e-mail with a personal link (to answer when the entry asks acknowledgement, else
 * to read the entry and its files, space or not); one who
 * was asked and has not answered after the policy's days gets one reminder with a link of its
 * own. Each mark (`notified_at`, `reminded_at`) is set only while unset, the e-mail is queued
 * only if that mark was this run's (changes()), and its outbox key is per entry and contact:
 * two runs at once send one e-mail.
 */
export async function sendTimelineNotices(
  db: Database,
  rules: TimelineNoticePolicy,
  now: Date,
  origin: string,
) {
  const remindBefore = new Date(
    now.getTime() - rules.timeline.acknowledgement.reminderAfterDays * DAY_MS,
  );
  // Each on its own partial index, which holds only the rows still to e-mail.
  const [toNotify, toRemind] = await db.batch([
    pendingRecipients(db)
      .where(and(isNull(timelineRecipients.notifiedAt), eq(timelineEntries.visibility, 'client')))
      .limit(NOTICES_PER_RUN),
    pendingRecipients(db)
      .where(
        and(
          // Asked (a read-only link is not), unanswered (`response`, written with
          // `responded_at`) and not reminded, as the partial index names them.
          isNotNull(timelineRecipients.tokenHash),
          sql`not ${timelineRecipients.readOnlyLink}`,
          isNull(timelineRecipients.response),
          isNull(timelineRecipients.remindedAt),
          lte(timelineRecipients.notifiedAt, remindBefore),
          eq(timelineEntries.visibility, 'client'),
          eq(timelineEntries.asksAcknowledgement, true),
        ),
      )
      .limit(NOTICES_PER_RUN),
  ]);
  const writes = [
    ...toNotify.flatMap((r) => markThenMail(db, r, origin, now, firstNotice(rules, r, now))),
    ...toRemind.flatMap((r) => markThenMail(db, r, origin, now, reminder(rules, r, now))),
  ];
  const [first, ...rest] = writes;
  if (first) await db.batch([first, ...rest]);
  return { notified: toNotify.length, reminded: toRemind.length };
}

const ofRecipient = (recipient: Recipient) => eq(timelineRecipients.id, recipient.id);

/** When a link made now stops opening. */
const linkExpiry = (rules: TimelineNoticePolicy, now: Date) =>
  new Date(now.getTime() + rules.timeline.acknowledgement.linkDays * DAY_MS);

/** An e-mail with a fresh link: its mark (given the link's hash), while unmarked; its mail. */
type LinkMail = {
  mark: (tokenHash: string) => SQLiteUpdateSetSource<typeof timelineRecipients>;
  unmarked: SQL | undefined;
  notice: TimelineNotice;
  key: string;
};

/**
 * The first e-mail: its mark (with the personal link's hash) and its mail. Every notice has a
 * link: a contact who may not use the space would otherwise never see the report or boleto
 * the e-mail announces; the link of an entry that asks nothing only reads.
 */
function firstNotice(rules: TimelineNoticePolicy, recipient: Recipient, now: Date): LinkMail {
  return {
    mark: (tokenHash) => ({
      notifiedAt: now,
      tokenHash,
      tokenExpiresAt: linkExpiry(rules, now),
      readOnlyLink: !recipient.asksAcknowledgement,
    }),
    unmarked: isNull(timelineRecipients.notifiedAt),
    notice: recipient.asksAcknowledgement ? 'ask' : 'notice',
    key: `timeline-notice:${recipient.entryId}:${recipient.contactId}`,
  };
}

/** The one reminder: a fresh link (the first one keeps working), its mark and its mail. */
function reminder(rules: TimelineNoticePolicy, recipient: Recipient, now: Date): LinkMail {
  return {
    mark: (tokenHash) => ({
      remindedAt: now,
      reminderTokenHash: tokenHash,
      reminderTokenExpiresAt: linkExpiry(rules, now),
    }),
    unmarked: and(isNull(timelineRecipients.remindedAt), isNull(timelineRecipients.respondedAt)),
    notice: 'reminder',
    key: `timeline-reminder:${recipient.entryId}:${recipient.contactId}`,
  };
}

/**
 * One e-mail with a fresh personal link, the notice's and the reminder's alike: the mark with
 * the link's hash, written only while the recipient is `unmarked` and the entry still shown to
 * the client, then the mail, queued only if that mark was this run's (changes()).
 */
function markThenMail(
  db: Database,
  recipient: Recipient,
  origin: string,
  now: Date,
  mail: LinkMail,
) {
  const token = generateSecretToken();
  return [
    db
      .update(timelineRecipients)
      .set(mail.mark(hashToken(token)))
      .where(and(ofRecipient(recipient), mail.unmarked, stillVisible(recipient.entryId))),
    queueMailWhen(
      db,
      mailTo(recipient, mail.notice, timelineAckUrl(origin, token), mail.key),
      now,
      sql`changes() > 0`,
    ),
  ];
}

function mailTo(recipient: Recipient, notice: TimelineNotice, url: string, key: string) {
  return {
    idempotencyKey: key,
    to: recipient.email,
    ...timelineNoticeMail(
      { name: recipient.contactName, locale: recipient.locale },
      { title: recipient.title, client: recipient.clientName, cs: recipient.csName, url },
      notice,
    ),
  };
}
