import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Append-only audit trail: who did what to which object, when and from where. Never updated. */
export const events = sqliteTable(
  'events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    occurredAt: integer('occurred_at', { mode: 'timestamp_ms' }).notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    ip: text('ip'),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (table) => [
    index('events_subject_idx').on(table.subjectType, table.subjectId),
    index('events_actor_idx').on(table.actorId),
  ],
);
