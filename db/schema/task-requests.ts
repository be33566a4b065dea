import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { PartnerRole } from '../../src/policy/schema.ts';
import { clients } from './clients.ts';
import { users } from './users.ts';

/** A request for work from one partner to a role (or a person in it), for a client. */
export const taskRequests = sqliteTable(
  'task_requests',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    requesterId: text('requester_id')
      .notNull()
      .references(() => users.id),
    requesterRole: text('requester_role').$type<PartnerRole>().notNull(),
    assigneeRole: text('assignee_role').$type<PartnerRole>().notNull(),
    assigneeId: text('assignee_id').references(() => users.id),
    what: text('what').notNull(),
    why: text('why').notNull(),
    // YYYY-MM-DD, agency time zone.
    dueOn: text('due_on').notNull(),
    status: text('status', { enum: ['open', 'accepted', 'completed', 'returned'] })
      .notNull()
      .default('open'),
    comment: text('comment'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [
    index('task_requests_client_idx').on(table.clientId),
    index('task_requests_requester_idx').on(table.requesterId),
    index('task_requests_assignee_idx').on(table.assigneeId),
    // The scorecard: the tasks due in a range of months, with what it reads of each (covering).
    index('task_requests_due_idx').on(table.dueOn, table.assigneeId, table.status, table.updatedAt),
  ],
);
