import { and, asc, eq, lte, or, type SQL, sql } from 'drizzle-orm';
import { constant } from '../../../db/aliased.ts';
import type { Database } from '../../../db/client.ts';
import { outbox } from '../../../db/schema/index.ts';
import type { OutgoingMail } from './mail-sender.ts';

/**
 * The insert that puts a message in the outbox. It is returned, not run, so the caller
 * puts it in the same `db.batch()` as the change that causes the e-mail: both or neither.
 */
export function queueMail(db: Database, mail: OutgoingMail, now: Date) {
  return (
    db
      .insert(outbox)
      .values({
        id: crypto.randomUUID(),
        idempotencyKey: mail.idempotencyKey,
        toAddress: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        createdAt: now,
      })
      // The same event queued twice (double click, retried request) stays one message.
      .onConflictDoNothing({ target: outbox.idempotencyKey })
  );
}

/**
 * The same insert, made only when `guard` (an SQL condition) holds at the moment the batch
 * runs: the e-mail of a change that may lose a race is queued only if the change won.
 */
export function queueMailWhen(db: Database, mail: OutgoingMail, now: Date, guard: SQL) {
  return db
    .insert(outbox)
    .select(
      db
        .select({
          id: constant(crypto.randomUUID(), 'id'),
          idempotencyKey: constant(mail.idempotencyKey, 'idempotency_key'),
          channel: constant('email', 'channel'),
          toAddress: constant(mail.to, 'to_address'),
          subject: constant(mail.subject, 'subject'),
          html: constant(mail.html, 'html'),
          text: constant(mail.text, 'text'),
          status: constant('pending', 'status'),
          attempts: constant(0, 'attempts'),
          nextAttemptAt: constant(now.getTime(), 'next_attempt_at'),
          claimedUntil: constant(null, 'claimed_until'),
          lastError: constant(null, 'last_error'),
          providerId: constant(null, 'provider_id'),
          createdAt: constant(now.getTime(), 'created_at'),
          sentAt: constant(null, 'sent_at'),
        })
        .from(sql`(select 1)`)
        .where(guard),
    )
    .onConflictDoNothing({ target: outbox.idempotencyKey });
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
