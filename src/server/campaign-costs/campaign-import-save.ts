// Saving a previewed import: the staged upload read again and written in one batch.
import { and, between, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { campaignDayMetrics, campaignImports } from '../../../db/schema/index.ts';
import type { Policy } from '../../policy/index.ts';
import { recordEvent } from '../audit/record-event.ts';
import type { Actor, Viewer } from '../auth/viewer.ts';
import { type FileStore, sha256OfBytes } from '../files/file-store.ts';
import type { ImportedDay, ImportProblem, ParsedImport } from './campaign-import-result.ts';
import {
  readStagedExport,
  removeStagedExport,
  type StagedOwner,
  uploadedFileName,
} from './campaign-import-staging.ts';
import { csvExportSource } from './campaign-source.ts';
import { campaignClientFor, readCampaignClient } from './cost-norms-access.ts';

export type ImportRules = Pick<Policy, 'campaignImports'>;

export type SaveImportResult =
  | { ok: true; importId: string; firstDay: string; lastDay: string; rowCount: number }
  | { ok: false; error: 'not_found' | 'preview_gone' | 'already_saved' }
  | { ok: false; error: 'invalid'; problem: ImportProblem };

// Rows per insert: one JSON parameter each, well under the databases' limits on a value.
const ROWS_PER_INSERT = 1000;

/** The insert of a chunk of rows from one JSON parameter (a bound value per column would need 13 per row). */
function insertRows(db: Database, clientId: string, importId: string, rows: ImportedDay[]) {
  const json = JSON.stringify(
    rows.map((r) => [
      r.day,
      r.campaignName,
      r.placement,
      r.spendMinorUnits,
      r.impressions,
      r.linkClicks,
      r.results,
      r.resultIndicator,
      r.resultsAreLeads ? 1 : 0,
      r.objective,
    ]),
  );
  const at = (i: number) => sql.raw(`json_extract(j.value, '$[${i}]')`);
  // The select list follows the table's columns in order (see insertWhen).
  return db.insert(campaignDayMetrics).select(
    sql`select ${clientId}, ${at(0)}, ${at(1)}, ${at(2)}, ${importId}, ${rows[0]?.currency ?? ''},
      ${at(3)}, ${at(4)}, ${at(5)}, ${at(6)}, ${at(7)}, ${at(8)}, ${at(9)} from json_each(${json}) j`,
  );
}

/**
 * The import's id, from the staged upload (client, person, hash, when it was uploaded): two
 * confirms of the same preview write the same id, so the second fails on the key and writes
 * nothing, while the same file uploaded again later is a new import.
 */
async function importIdOf(owner: StagedOwner, sha256: string, uploadedAt: Date) {
  const seed = `${owner.clientId}/${owner.uploaderId}/${sha256}/${uploadedAt.getTime()}`;
  return (await sha256OfBytes(new TextEncoder().encode(seed))).slice(0, 32);
}

/**
 * The writes of an import, as one batch: the import, the removal of the figures saved for
 * the days it covers, the new figures. Importing a day again replaces it.
 */
export function importWrites(
  db: Database,
  who: { actor: Actor },
  target: { clientId: string; importId: string; fileName: string | null; source: 'csv' },
  parsed: ParsedImport,
  now: Date,
) {
  const { clientId, importId } = target;
  const chunks: ImportedDay[][] = [];
  for (let i = 0; i < parsed.rows.length; i += ROWS_PER_INSERT)
    chunks.push(parsed.rows.slice(i, i + ROWS_PER_INSERT));
  return [
    db.insert(campaignImports).values({
      id: importId,
      clientId,
      source: target.source,
      fileName: target.fileName,
      currency: parsed.currency,
      firstDay: parsed.firstDay,
      lastDay: parsed.lastDay,
      rowCount: parsed.rows.length,
      importedBy: who.actor.id,
      importedAt: now,
    }),
    db
      .delete(campaignDayMetrics)
      .where(
        and(
          eq(campaignDayMetrics.clientId, clientId),
          between(campaignDayMetrics.day, parsed.firstDay, parsed.lastDay),
        ),
      ),
    ...chunks.map((chunk) => insertRows(db, clientId, importId, chunk)),
    recordEvent(
      db,
      {
        actorId: who.actor.id,
        action: 'campaign_import_saved',
        subjectType: 'client',
        subjectId: clientId,
        ip: who.actor.ip,
        data: {
          importId,
          firstDay: parsed.firstDay,
          lastDay: parsed.lastDay,
          rows: parsed.rows.length,
        },
      },
      now,
    ),
  ] as const;
}

/**
 * Saves the upload a person previewed (named by its hash): read again from the bucket and
 * parsed again (what is saved is what the bytes say, not what a form claims), then written
 * in one batch. Two confirms at once: one saves, the other is told it already was.
 */
export async function saveCampaignImport(
  deps: { db: Database; files: FileStore },
  who: { user: Viewer; actor: Actor },
  clientId: string,
  input: { sha256: string; fileName: string },
  rules: ImportRules,
  now: Date,
): Promise<SaveImportResult> {
  const { db, files } = deps;
  const client = campaignClientFor(who.user, await readCampaignClient(db, who.user, clientId));
  if (!client) return { ok: false, error: 'not_found' };
  const owner = { clientId: client.id, uploaderId: who.user.id };
  const staged = await readStagedExport(files, owner, input.sha256, rules, now);
  if (!staged) return { ok: false, error: 'preview_gone' };
  const parsed = await csvExportSource(rules).read(staged.bytes);
  if (!parsed.ok) return { ok: false, error: 'invalid', problem: parsed };
  const importId = await importIdOf(owner, staged.sha256, staged.uploadedAt);
  const fileName = uploadedFileName(input.fileName);
  const [first, ...rest] = importWrites(
    db,
    who,
    { clientId: client.id, importId, fileName, source: 'csv' },
    parsed,
    now,
  );
  try {
    await db.batch([first, ...rest]);
  } catch (error) {
    // The batch is one transaction: a confirm that lost the race wrote nothing.
    const [saved] = await db
      .select({ id: campaignImports.id })
      .from(campaignImports)
      .where(eq(campaignImports.id, importId));
    if (saved) return { ok: false, error: 'already_saved' };
    throw error;
  }
  await removeStagedExport(files, owner, staged.sha256);
  return {
    ok: true,
    importId,
    firstDay: parsed.firstDay,
    lastDay: parsed.lastDay,
    rowCount: parsed.rows.length,
  };
}
