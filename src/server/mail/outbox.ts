import { and, asc, eq, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { insertWhen } from '../../../db/insert-when.ts';
import { outbox } from '../../../db/schema/index.ts';
import type { OutgoingMail } from './mail-sender.ts';

/**
 * The row a new e-mail is stored as: pending, due at once. Exported for a batch whose
 * message reads the row it follows (submit-invoice's key names an id known only in SQL).
 */
export const mailRow = (mail: OutgoingMail, now: Date) => ({
  id: crypto.randomUUID(),
  idempotencyKey: mail.idempotencyKey,
  channel: 'email' as const,
  toAddress: mail.to,
  subject: mail.subject,
  html: mail.html,
  text: mail.text,
  status: 'pending' as const,
  attempts: 0,
  nextAttemptAt: now,
  createdAt: now,
});

/**
 * The insert that puts a message in the outbox. It is returned, not run, so the caller
 * puts it in the same `db.batch()` as the change that causes the e-mail: both or neither.
 */
export function queueMail(db: Database, mail: OutgoingMail, now: Date) {
  return (
    db
      .insert(outbox)
      .values(mailRow(mail, now))
      // The same event queued twice (double click, retried request) stays one message.
      .onConflictDoNothing({ target: outbox.idempotencyKey })
  );
}

/**
 * The same insert, made only when `guard` (an SQL condition) holds at the moment the batch
 * runs: the e-mail of a change that may lose a race is queued only if the change won.
 */
export function queueMailWhen(db: Database, mail: OutgoingMail, now: Date, guard: SQL) {
  return insertWhen(db, outbox, mailRow(mail, now), guard).onConflictDoNothing({
    target: outbox.idempotencyKey,
  });
}

/**
 * A message for a chat group's incoming webhook, queued like an e-mail (same batch, same
 * retries): the group is told of a new task request.
 */
export function queueChatMessage(
  db: Database,
  message: { idempotencyKey: string; webhookUrl: string; text: string },
  now: Date,
) {
  return db
    .insert(outbox)
    .values({
      id: crypto.randomUUID(),
      idempotencyKey: message.idempotencyKey,
      channel: 'chat',
      toAddress: message.webhookUrl,
      subject: '',
      html: '',
      text: message.text,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
    })
    .onConflictDoNothing({ target: outbox.idempotencyKey });
}

/** The newest messages first, for the development mail viewer. */
export function listOutbox(db: Database, limit = 100) {
  return db.select().from(outbox).orderBy(sql`${outbox.createdAt} desc`).limit(limit);
}

/** How long a dispatcher may hold a message before another may take it over. */
export const CLAIM_MS = 2 * 60_000;

/**
 * Claims up to `limit` due messages in one atomic UPDATE … RETURNING, so two dispatchers
 * running at once never send the same message; a claim left by a crashed run expires.
 */
export function claimDueMail(db: Database, now: Date, limit: number) {
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      or(
        and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)),
        and(eq(outbox.status, 'sending'), lte(outbox.claimedUntil, now)),
      ),
    )
    .orderBy(asc(outbox.nextAttemptAt))
    .limit(limit);
  return db
    .update(outbox)
    .set({
      status: 'sending',
      attempts: sql`${outbox.attempts} + 1`,
      claimedUntil: new Date(now.getTime() + CLAIM_MS),
    })
    .where(sql`${outbox.id} in ${due}`)
    .returning();
}
