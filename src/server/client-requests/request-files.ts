import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { insertWhen } from '../../../db/insert-when.ts';
import { clientRequests, requestFiles } from '../../../db/schema/index.ts';
import type { Policy } from '../../policy/index.ts';
import { type ChosenFormFile, chosenFormFiles } from '../files/chosen-files.ts';
import { cleanFileName } from '../files/file-names.ts';
import { createFileKey, type FileStore, type StoredFile } from '../files/file-store.ts';
import { checkUploadBytes } from '../onboarding/onboarding-files.ts';
import type { TemplateField } from './template-schema.ts';

/** A file chosen in one of the form's file fields, as the form posted it. */
export type ChosenFile = ChosenFormFile;

export type FileRefusal = {
  error: 'too_large' | 'wrong_type' | 'empty';
  fieldKey: string;
  name: string;
};

/** The files chosen in a posted request form's file fields (see chosenFormFiles). */
export function chosenRequestFiles(
  fields: TemplateField[],
  raw: Record<string, unknown>,
): Promise<ChosenFile[]> {
  return chosenFormFiles(
    raw,
    fields.filter((field) => field.type === 'file').map((field) => field.key),
  );
}

/**
 * Each chosen file's type as its bytes show it, by the questionnaire's own checks and limit;
 * or the first file refused (then none is stored: the person chooses again).
 */
export function checkChosenFiles(
  files: ChosenFile[],
  rules: Pick<Policy, 'onboarding'>,
): { ok: true; types: string[] } | ({ ok: false } & FileRefusal) {
  const types: string[] = [];
  for (const file of files) {
    const checked = checkUploadBytes(file.bytes, rules);
    if (!checked.ok)
      return { ok: false, error: checked.error, fieldKey: file.fieldKey, name: file.name };
    types.push(checked.contentType);
  }
  return { ok: true, types };
}

/** Stores the checked files' bytes under keys the server chooses. */
export async function storeChosenFiles(
  store: FileStore,
  files: ChosenFile[],
  types: string[],
  now: Date,
): Promise<StoredFile[]> {
  const stored: StoredFile[] = [];
  try {
    for (const [i, file] of files.entries()) {
      stored.push(await store.put(createFileKey('requests', now), file.bytes, types[i] as string));
    }
  } catch (error) {
    await removeStoredFiles(store, stored);
    throw error;
  }
  return stored;
}

/**
 * The inserts recording stored files on a request, for the batch that saves it: only while
 * the request is the contact's draft (a save racing its own sending adds nothing to it).
 * They follow the request's own write in the batch: changes() > 0 chains each on the write
 * before it, so a request write that did nothing records no file either.
 */
export function requestFileInserts(
  db: Database,
  request: { requestId: string; contactId: string },
  files: ChosenFile[],
  stored: StoredFile[],
  now: Date,
) {
  return files.map((file, i) => {
    const bytes = stored[i] as StoredFile;
    return insertWhen(
      db,
      requestFiles,
      {
        id: crypto.randomUUID(),
        requestId: request.requestId,
        fieldKey: file.fieldKey,
        fileKey: bytes.key,
        fileName: cleanFileName(file.name, bytes.contentType),
        contentType: bytes.contentType,
        size: bytes.size,
        sha256: bytes.sha256,
        createdAt: now,
      },
      sql`exists (select 1 from ${clientRequests} where ${clientRequests.id} = ${request.requestId}
        and ${clientRequests.contactId} = ${request.contactId} and ${clientRequests.status} = 'draft')
        and changes() > 0`,
    ).returning({ id: requestFiles.id });
  });
}

/** Removes bytes stored for files whose records were not written. */
export async function removeStoredFiles(store: FileStore, stored: StoredFile[]) {
  for (const file of stored) await store.delete(file.key);
}

/** How many files each field has: the ones saved before and the ones just chosen. */
export function countFilesByField(saved: { fieldKey: string }[], chosen: { fieldKey: string }[]) {
  const counts: Record<string, number> = {};
  for (const file of [...saved, ...chosen])
    counts[file.fieldKey] = (counts[file.fieldKey] ?? 0) + 1;
  return counts;
}
