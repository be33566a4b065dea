import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Fixed-window counters kept in the database, so limits hold across every Worker isolate. */
export const rateLimits = sqliteTable('rate_limits', {
  // e.g. "sign-in:ip:203.0.113.7" or "sign-in:email:<sha256>"
  key: text('key').primaryKey(),
  windowStart: integer('window_start', { mode: 'timestamp_ms' }).notNull(),
  count: integer('count').notNull(),
});
