import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Every e-mail is stored here first, in the same batch as the change that causes it;
 * the dispatcher sends it later, so a provider outage loses nothing.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    // Sent to the provider as Idempotency-Key, so a retry after a lost answer never duplicates.
    idempotencyKey: text('idempotency_key').notNull().unique(),
    // An e-mail, or a message to a chat group's incoming webhook (then to_address is its URL).
    channel: text('channel', { enum: ['email', 'chat'] })
      .notNull()
      .default('email'),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    status: text('status', { enum: ['pending', 'sending', 'sent', 'dead'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
    // A claim expires, so a dispatcher that died mid-send does not strand the message.
    claimedUntil: integer('claimed_until', { mode: 'timestamp_ms' }),
    lastError: text('last_error'),
    providerId: text('provider_id'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
  },
  (table) => [index('outbox_due_idx').on(table.status, table.nextAttemptAt)],
);
