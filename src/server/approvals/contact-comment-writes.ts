import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { insertWhen } from '../../../db/insert-when.ts';
import { prebuiltWrite } from '../../../db/prebuilt-read.ts';
import { type CommentTarget, outbox, pieceComments } from '../../../db/schema/index.ts';
import type { AuditEvent } from '../audit/record-event.ts';
import { recordEventWhen } from '../audit/record-event.ts';
import type { OutgoingMail } from '../mail/mail-sender.ts';
import { mailRow } from '../mail/outbox.ts';
import { contactMayActSql } from './contact-may-act.ts';

// A contact's comment is three writes — the comment while they may act, the CS's e-mail and
// the audit event, both only if the comment was written — each printed once (prebuiltWrite):
// drizzle printing them anew on every comment was about a quarter of the route's CPU.

/** Each comment's values, filled into the printed writes. */
export type ContactCommentValues = {
  commentId: string;
  pieceId: string;
  versionId: string;
  roundId: string;
  contactId: string;
  contactName: string;
  target: CommentTarget;
  pinX: number | null;
  pinY: number | null;
  body: string;
  mail: OutgoingMail & { id: string };
  event: { ip: string | null; data: Record<string, unknown> };
  now: Date;
};

/**
 * A placeholder typed as the value it stands for, so the shared row builders (mailRow, the
 * audit event's row) take it; insertWhen binds it with its column's mapping when it is filled.
 */
const placeholder = <Value>(name: string) => sql.placeholder(name) as unknown as Value;

const now = placeholder<Date>('now');
const written = sql`exists (select 1 from ${pieceComments} where ${pieceComments.id} = ${sql.placeholder('commentId')})`;

const insertComment = prebuiltWrite((db) =>
  insertWhen(
    db,
    pieceComments,
    {
      id: placeholder('commentId'),
      pieceId: placeholder('pieceId'),
      versionId: placeholder('versionId'),
      authorUserId: null,
      authorContactId: placeholder('contactId'),
      authorName: placeholder('contactName'),
      target: placeholder('target'),
      pinX: placeholder('pinX'),
      pinY: placeholder('pinY'),
      body: placeholder('body'),
      internal: false,
      createdAt: now,
      updatedAt: now,
    },
    contactMayActSql({
      round: { id: placeholder('roundId') },
      contact: { id: placeholder('contactId') },
    }),
  ).returning({ id: pieceComments.id }),
);

const queueCommentMail = prebuiltWrite((db) =>
  insertWhen(
    db,
    outbox,
    {
      ...mailRow(
        {
          idempotencyKey: placeholder('mailKey'),
          to: placeholder('mailTo'),
          subject: placeholder('mailSubject'),
          html: placeholder('mailHtml'),
          text: placeholder('mailText'),
        },
        now,
      ),
      id: placeholder('mailId'),
    },
    written,
  ).onConflictDoNothing({ target: outbox.idempotencyKey }),
);

const recordComment = prebuiltWrite((db) =>
  recordEventWhen(
    db,
    {
      actorId: null,
      action: 'approval_commented',
      subjectType: 'piece',
      subjectId: placeholder('pieceId'),
      ip: placeholder('ip'),
      data: placeholder<AuditEvent['data']>('eventData'),
    },
    now,
    written,
  ),
);

/** The comment's three writes with its values, for one batch; the first returns the comment's id. */
export function contactCommentWrites(db: Database, values: ContactCommentValues) {
  const { mail, event, ...comment } = values;
  const filled = {
    ...comment,
    mailId: mail.id,
    mailKey: mail.idempotencyKey,
    mailTo: mail.to,
    mailSubject: mail.subject,
    mailHtml: mail.html,
    mailText: mail.text,
    ip: event.ip,
    eventData: event.data,
  };
  return [
    insertComment(db, filled),
    queueCommentMail(db, filled),
    recordComment(db, filled),
  ] as const;
}
