import { inArray, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import {
  events,
  invoices,
  onboardingFiles,
  pieceVersions,
  requestFiles,
  timelineFiles,
} from '../../../db/schema/index.ts';
import { STAGED_EXPORTS_PREFIX } from '../campaign-costs/campaign-import-staging.ts';
import type { FileStore } from './file-store.ts';

// A file younger than this may belong to an upload still being written: it is left alone.
export const ORPHAN_GRACE_MS = 24 * 60 * 60 * 1000;

// Each folder of the bucket and the column that points at its files.
const OWNERS = [
  { prefix: 'invoices/', column: invoices.fileKey, table: invoices },
  { prefix: 'onboarding/', column: onboardingFiles.fileKey, table: onboardingFiles },
  { prefix: 'pieces/', column: pieceVersions.fileKey, table: pieceVersions },
  { prefix: 'requests/', column: requestFiles.fileKey, table: requestFiles },
  { prefix: 'timeline/', column: timelineFiles.fileKey, table: timelineFiles },
] as const;

// Folders of uploads waiting for their confirm (an ads manager export between its preview and
// its save, see campaign-import-staging.ts): no row points at them, so any older than the
// grace period was never saved.
const STAGED_PREFIXES = [STAGED_EXPORTS_PREFIX] as const;

/**
 * Removes stored files that no row points at (an upload whose database write never
 * happened), once they are older than the grace period. PDFs replaced by a correction are
 * kept: the audit event of the correction points at them.
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
        const previousFileKey = sql<string>`json_extract(${events.data}, '$.previousFileKey')`;
        const [referenced, replaced] = await deps.db.batch([
          deps.db
            .select({ key: owner.column })
            .from(owner.table)
            .where(inArray(owner.column, keys)),
          // Files a correction replaced are kept with the history that points at them.
          deps.db
            .select({ key: previousFileKey })
            .from(events)
            .where(inArray(previousFileKey, keys)),
        ]);
        const kept = new Set([...referenced, ...replaced].map((row) => row.key));
        for (const key of keys.filter((k) => !kept.has(k))) {
          await deps.files.delete(key);
          deleted += 1;
        }
      }
      cursor = page.truncated ? page.cursor : undefined;
    } while (cursor);
  }
  for (const prefix of STAGED_PREFIXES) {
    let cursor: string | undefined;
    do {
      const page = await deps.files.list({ prefix, cursor });
      checked += page.objects.length;
      for (const object of page.objects) {
        if (now.getTime() - object.uploaded.getTime() < ORPHAN_GRACE_MS) continue;
        await deps.files.delete(object.key);
        deleted += 1;
      }
      cursor = page.truncated ? page.cursor : undefined;
    } while (cursor);
  }
  return { checked, deleted };
}
