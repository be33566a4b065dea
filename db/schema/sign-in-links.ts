import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './users.ts';

/**
 * Single-use links that sign a person in: the e-mailed sign-in link and the invitation.
 * The id is the SHA-256 of the token in the link, never the token.
 */
export const signInLinks = sqliteTable(
  'sign_in_links',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ['sign_in', 'invitation'] }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
    // The session this link created; marks which of two racing requests consumed it.
    sessionId: text('session_id'),
    // Where the person was going when sign-in was asked for (a path of ours, checked on the way
    // in and out); kept with the link so nobody can change it in the e-mailed URL.
    nextPath: text('next_path'),
  },
  (table) => [index('sign_in_links_user_idx').on(table.userId)],
);
