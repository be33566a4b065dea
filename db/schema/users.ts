import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { Role } from '../../src/policy/schema.ts';

/** People who sign in: partners (CS, traffic, design) and staff (finance, admin). */
export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  locale: text('locale').notNull().default('pt-BR'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  // CPF (11 digits) or CNPJ (14 characters, alphanumeric since July 2026), without punctuation.
  taxId: text('tax_id'),
  pixKey: text('pix_key'),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});

/** A person's roles; one row per role so a partner can hold several. */
export const userRoles = sqliteTable(
  'user_roles',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').$type<Role>().notNull(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.role] })],
);
