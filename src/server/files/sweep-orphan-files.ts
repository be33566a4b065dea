import { inArray } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { invoices, onboardingFiles } from '../../../db/schema/index.ts';
import type { FileStore } from './file-store.ts';

// A file younger than this may belong to an upload still being written: it is left alone.
export const ORPHAN_GRACE_MS = 24 * 60 * 60 * 1000;

// Each folder of the bucket and the column that points at its files.
const OWNERS = [
  { prefix: 'invoices/', column: invoices.fileKey, table: invoices },
  { prefix: 'onboarding/', column: onboardingFiles.fileKey, table: onboardingFiles },
] as const;

/**
 * Removes stored files that no row points at (an upload whose database write never
 * happened, a replaced invoice PDF), once they are older than the grace period.
 */
export async function sweepOrphanFiles(deps: { db: Database; files: FileStore }, now: Date) {
  let checked = 0;
  let deleted = 0;
  for (const owner of OWNERS) {
    let cursor: string | undefined;
    do {
      const page = await deps.files.list({ prefix: owner.prefix, cursor });
      const old = page.objects.filter(
        (object) => now.getTime() - object.uploaded.getTime() >= ORPHAN_GRACE_MS,
      );
      checked += page.objects.length;
      if (old.length > 0) {
        const keys = old.map((object) => object.key);
        const referenced = await deps.db
          .select({ key: owner.column })
          .from(owner.table)
          .where(inArray(owner.column, keys));
        const kept = new Set(referenced.map((row) => row.key));
        for (const key of keys.filter((k) => !kept.has(k))) {
          await deps.files.delete(key);
          deleted += 1;
        }
      }
      cursor = page.truncated ? page.cursor : undefined;
    } while (cursor);
  }
  return { checked, deleted };
}
