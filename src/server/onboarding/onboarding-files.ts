import { and, eq } from 'drizzle-orm';
import { constant } from '../../../db/aliased.ts';
import type { Database } from '../../../db/client.ts';
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
      deps.db
        .insert(onboardingFiles)
        .select(
          deps.db
            .select({
              id: constant(fileId, 'id'),
              onboardingId: onboardings.id,
              questionId: constant(upload.questionId, 'question_id'),
              fileKey: constant(stored.key, 'file_key'),
              name: constant(cleanFileName(upload.name, stored.contentType), 'name'),
              contentType: constant(stored.contentType, 'content_type'),
              size: constant(stored.size, 'size'),
              sha256: constant(stored.sha256, 'sha256'),
              uploadedAt: constant(now.getTime(), 'uploaded_at'),
              uploadedByContactId: constant(onboarding.contact.id, 'uploaded_by_contact_id'),
            })
            .from(onboardings)
            .where(
              and(eq(onboardings.id, onboarding.onboardingId), eq(onboardings.status, 'open')),
            ),
        )
        .returning({ id: onboardingFiles.id }),
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
