// The first step of an import: the uploaded export read and, when it can be imported,
// kept for its confirm. Nothing is written to the database here.
import type { Database } from '../../../db/client.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { FileStore } from '../files/file-store.ts';
import type { ImportProblem } from './campaign-import-result.ts';
import type { ImportRules } from './campaign-import-save.ts';
import { stageExport } from './campaign-import-staging.ts';
import { csvExportSource } from './campaign-source.ts';
import { campaignClientFor, readCampaignClient } from './cost-norms-access.ts';

export type UploadImportResult =
  | { ok: true; sha256: string }
  | { ok: false; error: 'not_found' }
  | { ok: false; error: 'invalid'; problem: ImportProblem };

/**
 * Reads an uploaded export for a client (its CS, its paid-traffic partner, an admin): a
 * file that cannot be imported is refused with why and not kept; one that can is staged
 * under its hash, which the preview page and the confirm name.
 */
export async function uploadCampaignExport(
  deps: { db: Database; files: FileStore },
  user: Viewer,
  clientId: string,
  file: Blob | null,
  rules: ImportRules,
): Promise<UploadImportResult> {
  const client = campaignClientFor(user, await readCampaignClient(deps.db, user, clientId));
  if (!client) return { ok: false, error: 'not_found' };
  const refused = (problem: 'empty' | 'too_large') =>
    ({ ok: false, error: 'invalid', problem: { ok: false, problem } }) as const;
  if (!file || file.size === 0) return refused('empty');
  // Told from the part's size, before its bytes are read.
  if (file.size > rules.campaignImports.maxUploadBytes) return refused('too_large');
  const bytes = new Uint8Array(await file.arrayBuffer());
  const parsed = await csvExportSource(rules).read(bytes);
  if (!parsed.ok) return { ok: false, error: 'invalid', problem: parsed };
  const owner = { clientId: client.id, uploaderId: user.id };
  return { ok: true, sha256: await stageExport(deps.files, owner, bytes) };
}
