import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { pieces } from './approvals.ts';
import { clients } from './clients.ts';
import { users } from './users.ts';

/** A change to a post, or to targeting or text: each has its own turnaround in the policy. */
export const CHANGE_KINDS = ['post', 'targetingOrText'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/**
 * A change the client asked for, tracked against the policy's change turnaround: from an
 * approval round (the client's "request changes") or recorded by CS (a targeting change
 * asked for in the group, say).
 */
export const changeRequests = sqliteTable(
  'change_requests',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    pieceId: text('piece_id').references(() => pieces.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: CHANGE_KINDS }).notNull(),
    summary: text('summary').notNull(),
    requestedAt: integer('requested_at', { mode: 'timestamp_ms' }).notNull(),
    dueAt: integer('due_at', { mode: 'timestamp_ms' }).notNull(),
    doneAt: integer('done_at', { mode: 'timestamp_ms' }),
    doneBy: text('done_by').references(() => users.id),
    // The key of the request that marked it done (see approval_rounds.close_key).
    doneKey: text('done_key'),
    recordedBy: text('recorded_by').references(() => users.id),
  },
  (table) => [
    // A client's changes, and its oldest open one's due time (the home's deadlines) from the
    // index alone.
    index('change_requests_client_idx').on(table.clientId, table.doneAt, table.dueAt),
    index('change_requests_piece_idx').on(table.pieceId),
    // The scorecard: the changes asked around a range of months, covering what it reads.
    index('change_requests_requested_idx').on(
      table.requestedAt,
      table.clientId,
      table.kind,
      table.doneAt,
      table.pieceId,
    ),
  ],
);
