import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { insertWhen } from '../../../db/insert-when.ts';
import { onboardingFiles, onboardings } from '../../../db/schema/index.ts';
import type { Policy } from '../../policy/index.ts';
import { cleanFileName } from '../files/file-names.ts';
import { createFileKey, type FileStore } from '../files/file-store.ts';
import { detectFileType } from '../files/file-type.ts';
import { findQuestion } from './answer-rules.ts';
import { markOnboardingOpened, type OpenOnboarding } from './onboarding-links.ts';

type UploadProblem = 'submitted' | 'unknown_question' | 'too_large' | 'wrong_type' | 'empty';

/**
 * Stores a file a client uploaded for a question: checked by size and by its bytes (never
 * its name or declared type), kept under a key the server chooses. If the database write
 * fails, the stored bytes are removed again, so no file is left without its record.
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
  if (upload.bytes.byteLength === 0) return { ok: false, error: 'empty' };
  if (upload.bytes.byteLength > rules.onboarding.maxUploadBytes)
    return { ok: false, error: 'too_large' };
  const type = detectFileType(upload.bytes);
  if (!type) return { ok: false, error: 'wrong_type' };
  const stored = await deps.files.put(
    createFileKey('onboarding', now),
    upload.bytes,
    type.contentType,
  );
  const fileId = crypto.randomUUID();
  try {
    const [inserted] = await deps.db.batch([
      insertWhen(
        deps.db,
        onboardingFiles,
        {
          id: fileId,
          onboardingId: onboardings.id,
          questionId: upload.questionId,
          fileKey: stored.key,
          name: cleanFileName(upload.name, stored.contentType),
          contentType: stored.contentType,
          size: stored.size,
          sha256: stored.sha256,
          uploadedAt: now,
          uploadedByContactId: onboarding.contact.id,
        },
        and(eq(onboardings.id, onboarding.onboardingId), eq(onboardings.status, 'open')),
        onboardings,
      ).returning({ id: onboardingFiles.id }),
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
