import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { insertWhen } from '../../../db/insert-when.ts';
import { onboardingFiles, onboardings } from '../../../db/schema/index.ts';
import type { Policy } from '../../policy/index.ts';
import { cleanFileName } from '../files/file-names.ts';
import { createFileKey, type FileStore, type StoredFile } from '../files/file-store.ts';
import { detectFileType } from '../files/file-type.ts';
import { findQuestion } from './answer-rules.ts';
import { markOnboardingOpened, type OpenOnboarding } from './onboarding-links.ts';

export type UploadProblem = 'submitted' | 'unknown_question' | 'too_large' | 'wrong_type' | 'empty';

/**
 * Whether a file's bytes may be stored: not empty, within the size limit, and of a type its
 * bytes show (never its name or declared type). The type found, or why not.
 */
export function checkUploadBytes(
  bytes: Uint8Array,
  rules: Pick<Policy, 'onboarding'>,
): { ok: true; contentType: string } | { ok: false; error: 'too_large' | 'wrong_type' | 'empty' } {
  if (bytes.byteLength === 0) return { ok: false, error: 'empty' };
  if (bytes.byteLength > rules.onboarding.maxUploadBytes) return { ok: false, error: 'too_large' };
  const type = detectFileType(bytes);
  return type ? { ok: true, contentType: type.contentType } : { ok: false, error: 'wrong_type' };
}

/**
 * The write that records a stored file for a question, only while the onboarding is open
 * (it returns the new id, or nothing once the questionnaire was sent).
 */
export function fileRecordWrite(
  db: Database,
  onboarding: OpenOnboarding,
  file: { id: string; questionId: string; name: string; stored: StoredFile },
  now: Date,
) {
  const { stored } = file;
  return insertWhen(
    db,
    onboardingFiles,
    {
      id: file.id,
      onboardingId: onboardings.id,
      questionId: file.questionId,
      fileKey: stored.key,
      name: cleanFileName(file.name, stored.contentType),
      contentType: stored.contentType,
      size: stored.size,
      sha256: stored.sha256,
      uploadedAt: now,
      uploadedByContactId: onboarding.contact.id,
    },
    and(eq(onboardings.id, onboarding.onboardingId), eq(onboardings.status, 'open')),
    onboardings,
  ).returning({ id: onboardingFiles.id });
}

/**
 * Stores a file a client uploaded for a question: checked by size and by its bytes, kept
 * under a key the server chooses. If the database write fails, the stored bytes are removed
 * again, so no file is left without its record.
 */
export async function uploadOnboardingFile(
  deps: { db: Database; files: FileStore },
  onboarding: OpenOnboarding,
  upload: { questionId: string; name: string; bytes: Uint8Array },
  rules: Pick<Policy, 'onboarding'>,
  now: Date,
): Promise<{ ok: true; fileId: string } | { ok: false; error: UploadProblem }> {
  if (onboarding.status !== 'open') return { ok: false, error: 'submitted' };
  if (findQuestion(onboarding.questionnaire, upload.questionId)?.question.kind !== 'files') {
    return { ok: false, error: 'unknown_question' };
  }
  const checked = checkUploadBytes(upload.bytes, rules);
  if (!checked.ok) return checked;
  const stored = await deps.files.put(
    createFileKey('onboarding', now),
    upload.bytes,
    checked.contentType,
  );
  const fileId = crypto.randomUUID();
  try {
    const [inserted] = await deps.db.batch([
      fileRecordWrite(
        deps.db,
        onboarding,
        { id: fileId, questionId: upload.questionId, name: upload.name, stored },
        now,
      ),
      // An upload is the contact acting too: without JavaScript it may be their first sign.
      markOnboardingOpened(deps.db, onboarding.linkId, now),
    ]);
    if (inserted.length === 0) {
      await deps.files.delete(stored.key);
      return { ok: false, error: 'submitted' };
    }
  } catch (error) {
    await deps.files.delete(stored.key);
    throw error;
  }
  return { ok: true, fileId };
}

/** Removes a file the client uploaded, while the questionnaire is still open. */
export async function removeOnboardingFile(
  deps: { db: Database; files: FileStore },
  onboarding: OpenOnboarding,
  fileId: string,
): Promise<{ ok: true } | { ok: false; error: 'submitted' | 'not_found' }> {
  if (onboarding.status !== 'open') return { ok: false, error: 'submitted' };
  const [removed] = await deps.db.batch([
    deps.db
      .delete(onboardingFiles)
      .where(
        and(
          eq(onboardingFiles.id, fileId),
          eq(onboardingFiles.onboardingId, onboarding.onboardingId),
        ),
      )
      .returning({ fileKey: onboardingFiles.fileKey }),
  ]);
  const file = removed[0];
  if (!file) return { ok: false, error: 'not_found' };
  await deps.files.delete(file.fileKey);
  return { ok: true };
}
