import type { Client } from '@libsql/client';
import { drizzle as drizzleD1 } from 'drizzle-orm/d1';
import { drizzle as drizzleLibsql, type LibSQLDatabase } from 'drizzle-orm/libsql';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;

/**
 * The one database type the app codes against. Both drivers are drizzle's async SQLite
 * dialect; `batch` (atomic on both) is how every multi-row write is made.
 */
export type Database = BaseSQLiteDatabase<'async', unknown, Schema> & {
  batch: LibSQLDatabase<Schema>['batch'];
};

/** Wraps a Cloudflare D1 binding: the embedded default under astro dev and wrangler dev. */
export function createD1Database(binding: D1Database): Database {
  return drizzleD1(binding, { schema }) as unknown as Database;
}

/** Wraps a libSQL client: Turso in production, a local file in tests and scripts. */
export function createLibsqlDatabase(client: Client): Database {
  return drizzleLibsql(client, { schema }) as unknown as Database;
}

export { schema };
