import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { timelineEntries, timelineFiles } from '../../../db/schema/index.ts';
import type { TimelineEntryKind } from '../../../db/schema/timeline.ts';
import type { Policy } from '../../policy/index.ts';
import type { Viewer } from '../auth/viewer.ts';
import { loadClientTeam } from '../clients/client-teams.ts';
import type { ChosenFormFile } from '../files/chosen-files.ts';
import { cleanFileName } from '../files/file-names.ts';
import { createFileKey, type FileStore, type StoredFile } from '../files/file-store.ts';
import { detectFileType } from '../files/file-type.ts';
import { mayReadTimeline } from './timeline-rules.ts';

type TimelineRules = Pick<Policy, 'timeline'>;

/** The form field the attachments are chosen in. */
export const TIMELINE_FILES_FIELD = 'files';

// The kinds whose document is a PDF: the report and the invoice or boleto.
const PDF_ONLY: readonly TimelineEntryKind[] = ['monthly_report', 'media_payment'];

const CONTENT_TYPES = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
} as const satisfies Record<TimelineRules['timeline']['fileKinds'][number], string>;

/** The file picker's accept list for a kind: a PDF for its document, else the policy's kinds. */
export function acceptedFileTypes(kind: TimelineEntryKind, rules: TimelineRules): string {
  if (PDF_ONLY.includes(kind)) return CONTENT_TYPES.pdf;
  return rules.timeline.fileKinds.map((fileKind) => CONTENT_TYPES[fileKind]).join(',');
}

export type TimelineFileProblem =
  | { error: 'too_many_files'; max: number }
  | { error: 'too_large' | 'wrong_type' | 'not_pdf' | 'empty'; name: string };

/**
 * Each chosen file's type as its bytes show it (never its name or declared type), within the
 * policy's size, kinds and number per entry (`kept`: files the entry has already); the first
 * problem otherwise, so nothing is stored.
 */
export function checkTimelineFiles(
  files: readonly ChosenFormFile[],
  kind: TimelineEntryKind,
  kept: number,
  rules: TimelineRules,
): { ok: true; types: string[] } | ({ ok: false } & TimelineFileProblem) {
  const limits = rules.timeline;
  if (kept + files.length > limits.maxFilesPerEntry)
    return { ok: false, error: 'too_many_files', max: limits.maxFilesPerEntry };
  const types: string[] = [];
  for (const file of files) {
    const refuse = (error: 'too_large' | 'wrong_type' | 'not_pdf' | 'empty') =>
      ({ ok: false, error, name: file.name }) as const;
    if (file.bytes.byteLength === 0) return refuse('empty');
    if (file.bytes.byteLength > limits.maxUploadBytes) return refuse('too_large');
    const type = detectFileType(file.bytes);
    if (!type || !(limits.fileKinds as readonly string[]).includes(type.kind))
      return refuse(PDF_ONLY.includes(kind) ? 'not_pdf' : 'wrong_type');
    if (PDF_ONLY.includes(kind) && type.kind !== 'pdf') return refuse('not_pdf');
    types.push(type.contentType);
  }
  return { ok: true, types };
}

/** Stores checked files under keys the server chooses; removes them all again on a failure. */
export async function storeTimelineFiles(
  store: FileStore,
  files: readonly ChosenFormFile[],
  types: readonly string[],
  now: Date,
): Promise<StoredFile[]> {
  const stored: StoredFile[] = [];
  try {
    for (const [i, file] of files.entries()) {
      stored.push(await store.put(createFileKey('timeline', now), file.bytes, types[i] as string));
    }
  } catch (error) {
    await removeTimelineFiles(store, stored);
    throw error;
  }
  return stored;
}

/** Removes stored bytes whose records were not written (a refused or failed save). */
export async function removeTimelineFiles(store: FileStore, stored: readonly StoredFile[]) {
  for (const file of stored) await store.delete(file.key);
}

/** The rows recording stored files on an entry, for the batch that saves it. */
export function timelineFileRows(
  entryId: string,
  files: readonly ChosenFormFile[],
  stored: readonly StoredFile[],
  now: Date,
): (typeof timelineFiles.$inferInsert)[] {
  return stored.map((bytes, i) => ({
    id: crypto.randomUUID(),
    entryId,
    fileKey: bytes.key,
    fileName: cleanFileName(files[i]?.name ?? '', bytes.contentType),
    contentType: bytes.contentType,
    size: bytes.size,
    sha256: bytes.sha256,
    createdAt: now,
  }));
}

/** A file of an entry of a client, by ids from the address: null when any of them does not match. */
export async function findTimelineFile(
  db: Database,
  ids: { clientId: string; entryId: string; fileId: string },
) {
  const [found] = await db
    .select({
      fileKey: timelineFiles.fileKey,
      fileName: timelineFiles.fileName,
      contentType: timelineFiles.contentType,
      size: timelineFiles.size,
    })
    .from(timelineFiles)
    .innerJoin(timelineEntries, eq(timelineEntries.id, timelineFiles.entryId))
    .where(
      and(
        eq(timelineFiles.id, ids.fileId),
        eq(timelineFiles.entryId, ids.entryId),
        eq(timelineEntries.clientId, ids.clientId),
      ),
    );
  return found ?? null;
}

/**
 * An attachment as the agency downloads it: for whoever reads the client's timeline (its
 * team), a file of an entry of that client, with its stored bytes; null for anything else.
 */
export async function readTimelineFile(
  deps: { db: Database; files: FileStore },
  viewer: Viewer,
  ids: { clientId: string; entryId: string; fileId: string },
) {
  const facts = await loadClientTeam(deps.db, ids.clientId);
  if (!facts || !mayReadTimeline(viewer, facts)) return null;
  return readEntryFile(deps, ids);
}

/** A file of an entry of a client, with its stored bytes (null when either is missing). */
export async function readEntryFile(
  deps: { db: Database; files: FileStore },
  ids: { clientId: string; entryId: string; fileId: string },
) {
  const file = await findTimelineFile(deps.db, ids);
  const object = file ? await deps.files.get(file.fileKey) : null;
  return file && object ? { file, body: object.body } : null;
}
