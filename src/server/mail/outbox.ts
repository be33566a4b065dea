import { and, asc, eq, lte, or, sql } from 'drizzle-orm';
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
