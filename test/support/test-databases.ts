import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@libsql/client';
import { drizzle as drizzleD1 } from 'drizzle-orm/d1';
import { migrate as migrateD1 } from 'drizzle-orm/d1/migrator';
import { drizzle as drizzleLibsql } from 'drizzle-orm/libsql';
import { migrate as migrateLibsql } from 'drizzle-orm/libsql/migrator';
import { convertV4MiniflareOptions, Miniflare } from 'miniflare';
import { createD1Database, createLibsqlDatabase, type Database } from '../../db/client.ts';
import { type CountedClient, countLibsqlRoundTrips } from '../../db/round-trips.ts';
import {
  createFileStore,
  type FileBucket,
  type FileStore,
} from '../../src/server/files/file-store.ts';

const MIGRATIONS = fileURLToPath(new URL('../../db/migrations', import.meta.url));

/** The two real drivers the suite runs against. */
export const DRIVERS = ['libsql', 'd1'] as const;
export type Driver = (typeof DRIVERS)[number];

export type TestDatabase = {
  driver: Driver;
  db: Database;
  close(): Promise<void>;
};

/** A fresh SQLite file with the real migrations, through @libsql/client (the Turso driver). */
export async function openLibsqlDatabase(): Promise<TestDatabase & { client: CountedClient }> {
  const dir = mkdtempSync(join(tmpdir(), 'ponte-db-'));
  const client = countLibsqlRoundTrips(createClient({ url: `file:${join(dir, 'test.db')}` }));
  await migrateLibsql(drizzleLibsql(client), { migrationsFolder: MIGRATIONS });
  return {
    driver: 'libsql',
    db: createLibsqlDatabase(client),
    client,
    async close() {
      client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Local Cloudflare runtime (Miniflare's Node API): a real D1 database and a real R2 bucket. */
export function startMiniflare() {
  return new Miniflare(
    convertV4MiniflareOptions({
      modules: true,
      script: 'export default { fetch() { return new Response(null, { status: 204 }); } }',
      d1Databases: ['DB'],
      r2Buckets: ['FILES'],
    }),
  );
}

/** A fresh D1 database in Miniflare with the real migrations applied. */
export async function openD1Database(): Promise<TestDatabase & { miniflare: Miniflare }> {
  const miniflare = startMiniflare();
  const binding = (await miniflare.getD1Database('DB')) as unknown as D1Database;
  await migrateD1(drizzleD1(binding), { migrationsFolder: MIGRATIONS });
  return {
    driver: 'd1',
    db: createD1Database(binding),
    miniflare,
    close: () => miniflare.dispose(),
  };
}

/** Opens a test database with the named driver. */
export function openTestDatabase(driver: Driver): Promise<TestDatabase> {
  return driver === 'libsql' ? openLibsqlDatabase() : openD1Database();
}

/** A real R2 bucket from Miniflare, wrapped in Ponte's file store. */
export async function openTestFileStore(): Promise<{
  files: FileStore;
  bucket: FileBucket;
  close(): Promise<void>;
}> {
  const miniflare = startMiniflare();
  const bucket = (await miniflare.getR2Bucket('FILES')) as unknown as FileBucket;
  return { files: createFileStore(bucket), bucket, close: () => miniflare.dispose() };
}
