import type { Database } from '../../db/client.ts';
import { policy } from '../../src/policy/index.ts';
import { importWrites } from '../../src/server/campaign-costs/campaign-import-save.ts';
import { csvExportSource } from '../../src/server/campaign-costs/campaign-source.ts';
import { largeExport } from '../support/ads-exports.ts';
import { BENCH_CS_ID, benchClientId } from './seed-clients.ts';

// 50 campaigns × 50 days × feed and stories: 5,000 rows of a by-day, by-placement export
// re-saved by a Brazilian spreadsheet (semicolons, decimal commas), about 0.9 MB.
const EXPORT_ROWS = { campaigns: 50, days: 50 };
let bytes: Uint8Array | null = null;

/**
 * An import of 5,000 rows as the confirm does it: the export parsed from its bytes, then
 * saved in one batch (the import, the covered days removed, the rows inserted). Each run
 * replaces the days the one before saved, as a re-import does.
 */
export async function importFiveThousandRows(db: Database) {
  bytes ??= new TextEncoder().encode(largeExport(EXPORT_ROWS.campaigns, EXPORT_ROWS.days));
  const parsed = await csvExportSource(policy).read(bytes);
  if (!parsed.ok) throw new Error(`the bench export was refused: ${parsed.problem}`);
  const actor = { id: BENCH_CS_ID, name: 'Bench CS', ip: null };
  const target = {
    clientId: benchClientId(0),
    importId: crypto.randomUUID(),
    fileName: 'bench.csv',
    source: 'csv' as const,
  };
  const [first, ...rest] = importWrites(db, { actor }, target, parsed, new Date());
  await db.batch([first, ...rest]);
  return parsed.readRows;
}
