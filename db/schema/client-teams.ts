import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { PartnerRole } from '../../src/policy/schema.ts';
import { clients } from './clients.ts';
import { users } from './users.ts';

/** The roles a partner works on a client in, beside its CS in charge (`clients.csUserId`). */
export const TEAM_ROLES = [
  'paid_traffic',
  'organic_traffic',
  'design',
] as const satisfies readonly PartnerRole[];
export type TeamRole = (typeof TEAM_ROLES)[number];

/**
 * A client's team: the partners who work on it, per role. A partner sees only the clients
 * whose team they are on; a row counts only while the person still holds its role.
 */
export const clientTeamMembers = sqliteTable(
  'client_team_members',
  {
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: TEAM_ROLES }).notNull(),
    addedAt: integer('added_at', { mode: 'timestamp_ms' }).notNull(),
    addedBy: text('added_by').references(() => users.id),
  },
  (table) => [
    primaryKey({ columns: [table.clientId, table.userId, table.role] }),
    index('client_team_members_user_idx').on(table.userId),
    // The key's columns and when each joined: the scorecard reads a client's team from the
    // index alone (the key's own index leaves out added_at).
    index('client_team_members_client_idx').on(
      table.clientId,
      table.userId,
      table.role,
      table.addedAt,
    ),
  ],
);
