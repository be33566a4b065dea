import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { clients } from './clients.ts';
import { users } from './users.ts';

/**
 * Each time a client renewed its service, at most once per service: the service that was to
 * end on `serviceEndsOn` (the client's service end when the renewal was recorded) goes on
 * until `renewedUntil`. The scorecard counts each renewal in the month it was recorded, and a
 * client whose latest service ends unrenewed is lost by date (README "Partner scorecard").
 */
export const clientRenewals = sqliteTable(
  'client_renewals',
  {
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    serviceEndsOn: text('service_ends_on').notNull(),
    renewedUntil: text('renewed_until').notNull(),
    renewedAt: integer('renewed_at', { mode: 'timestamp_ms' }).notNull(),
    // Who recorded it (null when not known: a renewal carried over from the old milestone).
    recordedBy: text('recorded_by').references(() => users.id),
  },
  (table) => [
    primaryKey({ columns: [table.clientId, table.serviceEndsOn] }),
    // The scorecard: the clients with a renewal in a range of months (from the index alone).
    index('client_renewals_renewed_idx').on(table.renewedAt, table.clientId),
  ],
);
