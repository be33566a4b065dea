import type { BatchItem } from 'drizzle-orm/batch';
import type { RowsOf } from '../../../db/batch-rows.ts';
import type { Database } from '../../../db/client.ts';

type Read = BatchItem<'sqlite'>;

/**
 * One batch gathered from reads that depend on who asks (a role's block is read only for
 * who has it): each read added gives back how to find its rows once the batch has run.
 */
export function gatherReads(db: Database) {
  const reads: Read[] = [];
  return {
    add<T extends Read>(read: T) {
      const at = reads.push(read) - 1;
      return (rows: unknown[]) => rows[at] as Awaited<T>;
    },
    addAll<T extends readonly Read[]>(group: T) {
      const at = reads.length;
      reads.push(...group);
      return (rows: unknown[]) => rows.slice(at, at + group.length) as RowsOf<T>;
    },
    /** Sends every read added, in one round trip. */
    run: (): Promise<unknown[]> => db.batch(reads as [Read, ...Read[]]),
  };
}
