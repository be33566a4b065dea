// An uploaded export waits in the bucket between its preview and its confirm: nothing is
// written to the database before the person has seen what was recognised and saved it.
import type { Policy } from '../../policy/index.ts';
import { cleanFileName } from '../files/file-names.ts';
import { type FileStore, sha256OfBytes } from '../files/file-store.ts';

/** The bucket's folder of uploads awaiting their confirm (the orphan sweep empties it). */
export const STAGED_EXPORTS_PREFIX = 'campaign-imports/';

/** Whose upload it is: the client and the person who uploaded it are in its key. */
export type StagedOwner = { clientId: string; uploaderId: string };

/**
 * The key of a staged upload, named by its SHA-256 under its client and uploader: a confirm
 * names only the hash, so it can reach nothing but the same person's upload for that client.
 */
function stagedKey(owner: StagedOwner, sha256: string): string {
  return `${STAGED_EXPORTS_PREFIX}${owner.clientId}/${owner.uploaderId}/${sha256}`;
}

/** Keeps an upload's bytes for its confirm; the hash names it. */
export async function stageExport(
  files: FileStore,
  owner: StagedOwner,
  bytes: Uint8Array,
): Promise<string> {
  const sha256 = await sha256OfBytes(bytes);
  await files.put(stagedKey(owner, sha256), bytes, 'text/csv; charset=utf-8', sha256);
  return sha256;
}

export type StagedExport = { bytes: Uint8Array; sha256: string; uploadedAt: Date };

/**
 * The staged upload a preview or a confirm names, or null when there is none: a hash that
 * is not one, an upload of someone else or of another client, one already saved (its
 * bytes are removed) or older than the policy allows, bytes that are not what was hashed.
 */
export async function readStagedExport(
  files: FileStore,
  owner: StagedOwner,
  sha256: string,
  rules: Pick<Policy, 'campaignImports'>,
  now: Date,
): Promise<StagedExport | null> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
  const object = await files.get(stagedKey(owner, sha256));
  if (!object) return null;
  const age = now.getTime() - object.uploaded.getTime();
  if (age > rules.campaignImports.stagedForHours * 60 * 60 * 1000) return null;
  const bytes = new Uint8Array(await object.arrayBuffer());
  if ((await sha256OfBytes(bytes)) !== sha256) return null;
  return { bytes, sha256, uploadedAt: object.uploaded };
}

/** Removes a staged upload once saved (a second confirm then finds nothing). */
export function removeStagedExport(files: FileStore, owner: StagedOwner, sha256: string) {
  return files.delete(stagedKey(owner, sha256));
}

/** The name an upload came with, as the preview shows it and the import keeps it (a text file's). */
export function uploadedFileName(name: string | null): string | null {
  return name ? cleanFileName(name, 'text/plain; charset=utf-8') : null;
}
