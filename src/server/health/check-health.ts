import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { prebuiltRead } from '../../../db/prebuilt-read.ts';
import { outbox } from '../../../db/schema/index.ts';
import type { FileStore } from '../files/file-store.ts';

export type HealthPart = 'database' | 'files' | 'outbox';

export type HealthReport =
  | { ok: true; outbox: { pending: number; dead: number } }
  | { ok: false; failing: HealthPart[] };

// A key that never exists: a HEAD on it proves the bucket answers without reading a file.
const PROBE_KEY = 'probes/health';

/**
 * Where the outbox's counts stop: a health check is a probe polled every few seconds, not a
 * report, and a backlog this long already says "look" — counted further, each check would cost
 * more the longer the backlog grew.
 */
export const OUTBOX_COUNT_UP_TO = 1000;

/**
 * How many messages of the outbox have a status (up to OUTBOX_COUNT_UP_TO), counted on its index
 * of statuses: the sent ones, kept for ever, are never read (summed over the whole outbox, every
 * check cost more as the agency mailed more).
 */
const outboxCount = (status: SQL) =>
  sql<number>`(select count(*) from (select 1 from ${outbox} where ${outbox.status} ${status} limit ${sql.raw(String(OUTBOX_COUNT_UP_TO))}))`.mapWith(
    Number,
  );

// Printed once (see prebuiltRead): every check runs the same statement.
const readOutboxCounts = prebuiltRead((db) =>
  db
    .select({
      pending: outboxCount(sql`in ('pending', 'sending')`),
      dead: outboxCount(sql`= 'dead'`),
    })
    .from(sql`(select 1)`),
);

/**
 * Checks the parts Ponte cannot work without: one database round trip (a query that also
 * proves the outbox is readable) and one HEAD on the file bucket, run side by side.
 */
export async function checkHealth(deps: { db: Database; files: FileStore }): Promise<HealthReport> {
  const { db, files } = deps;
  // Async wrappers: a driver that throws synchronously still counts as a failed part.
  const [outboxResult, filesResult] = await Promise.allSettled([
    (async () => (await db.batch([readOutboxCounts(db, {})]))[0])(),
    (async () => files.head(PROBE_KEY))(),
  ]);
  const failing: HealthPart[] = [];
  if (outboxResult.status === 'rejected') {
    // Only on failure: a second query tells a dead database from an unreadable outbox.
    failing.push((await isDatabaseReachable(db)) ? 'outbox' : 'database');
  }
  if (filesResult.status === 'rejected') failing.push('files');
  if (failing.length > 0 || outboxResult.status !== 'fulfilled') return { ok: false, failing };
  const counts = outboxResult.value[0];
  return {
    ok: true,
    outbox: { pending: counts?.pending ?? 0, dead: counts?.dead ?? 0 },
  };
}

async function isDatabaseReachable(db: Database): Promise<boolean> {
  try {
    await db.run(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
