import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '../../../db/client.ts';
import type { Policy } from '../../policy/index.ts';
import { chosenFormFiles } from '../files/chosen-files.ts';
import { createFileKey, type FileStore, type StoredFile } from '../files/file-store.ts';
import { planAnswers, type SaveResult } from './onboarding-answers.ts';
import { checkUploadBytes, fileRecordWrite } from './onboarding-files.ts';
import type { OpenOnboarding } from './onboarding-links.ts';

/** A file chosen in one of the section's file fields, as the form posted it. */
type ChosenFile = { questionId: string; name: string; bytes: Uint8Array };

export type SectionSaveResult =
  | (SaveResult & { ok: true; storedFiles: number })
  | { ok: false; error: 'submitted' | 'unknown_section' }
  // No file was stored; the typed answers were saved as a draft, as on any save.
  | { ok: false; error: 'too_large' | 'wrong_type' | 'empty'; questionId: string; name: string };

/**
 * The files chosen in a posted section form: the values of its file questions that are
 * files a person picked (a file field left empty posts a nameless, empty part).
 */
async function chosenFiles(
  onboarding: Pick<OpenOnboarding, 'questionnaire'>,
  sectionId: string,
  raw: Record<string, unknown>,
): Promise<ChosenFile[]> {
  const section = onboarding.questionnaire.sections.find((s) => s.id === sectionId);
  const keys = (section?.questions ?? []).filter((q) => q.kind === 'files').map((q) => q.id);
  const chosen = await chosenFormFiles(raw, keys);
  return chosen.map(({ fieldKey, ...file }) => ({ questionId: fieldKey, ...file }));
}

/**
 * Saves a section's form as posted: its typed answers and every file chosen in it, so a file
 * picked but not sent with its own button is never dropped. Every file passes the upload's
 * checks first; if one is refused, none is stored and the answers are kept as a draft (the
 * section is not marked done), for the person to choose again. Otherwise the answers and the
 * files' records are written in one batch; bytes stored for a batch that fails, or that
 * finds the questionnaire already sent, are removed again.
 */
export async function saveSection(
  deps: { db: Database; files: FileStore },
  onboarding: OpenOnboarding,
  save: { raw: Record<string, unknown>; sectionId: string; advance: boolean },
  rules: Pick<Policy, 'onboarding'>,
  now: Date,
): Promise<SectionSaveResult> {
  const { db } = deps;
  if (onboarding.status !== 'open') return { ok: false, error: 'submitted' };
  const files = await chosenFiles(onboarding, save.sectionId, save.raw);
  const types: string[] = [];
  for (const file of files) {
    const checked = checkUploadBytes(file.bytes, rules);
    if (!checked.ok) {
      const draft = planAnswers(db, onboarding, { raw: save.raw }, now);
      if (!draft.ok) return draft;
      await db.batch(draft.writes as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
      return { ok: false, error: checked.error, questionId: file.questionId, name: file.name };
    }
    types.push(checked.contentType);
  }
  const added: Record<string, number> = {};
  for (const file of files) added[file.questionId] = (added[file.questionId] ?? 0) + 1;
  const plan = planAnswers(
    db,
    onboarding,
    { raw: save.raw, sectionId: save.advance ? save.sectionId : undefined },
    now,
    added,
  );
  if (!plan.ok) return plan;
  const stored: StoredFile[] = [];
  try {
    for (const [i, file] of files.entries()) {
      const type = types[i] as string;
      stored.push(await deps.files.put(createFileKey('onboarding', now), file.bytes, type));
    }
    const records = files.map((file, i) =>
      fileRecordWrite(
        db,
        onboarding,
        { id: crypto.randomUUID(), ...file, stored: stored[i] as StoredFile },
        now,
      ),
    );
    const results = await db.batch([...records, ...plan.writes] as [
      BatchItem<'sqlite'>,
      ...BatchItem<'sqlite'>[],
    ]);
    const recorded = results.slice(0, records.length) as unknown[][];
    if (recorded.some((rows) => rows.length === 0)) {
      await removeStored(deps.files, stored);
      return { ok: false, error: 'submitted' };
    }
  } catch (error) {
    await removeStored(deps.files, stored);
    throw error;
  }
  return { ok: true, saved: plan.saved, problems: plan.problems, storedFiles: stored.length };
}

/** Removes bytes stored for files whose records were not written. */
async function removeStored(files: FileStore, stored: StoredFile[]) {
  for (const file of stored) await files.delete(file.key);
}
