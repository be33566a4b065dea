import { and, eq, type Placeholder, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '../../../db/client.ts';
import { excluded, insertWhen } from '../../../db/insert-when.ts';
import { prebuiltWrite } from '../../../db/prebuilt-read.ts';
import {
  onboardingAnswers,
  onboardingSectionSaves,
  onboardings,
} from '../../../db/schema/index.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { type AnswerValue, checkAnswer, checkSection, normalizeAnswer } from './answer-rules.ts';
import { markOnboardingOpened, type OpenOnboarding } from './onboarding-links.ts';

/** How many files each question has, for the rules that count them. */
export function countFiles(onboarding: Pick<OpenOnboarding, 'files'>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const file of onboarding.files) counts[file.questionId] = (counts[file.questionId] ?? 0) + 1;
  return counts;
}

// Each write is an INSERT … SELECT from the onboarding while it is open: a save racing a
// submit changes nothing once the questionnaire is read-only.
const stillOpen = (onboardingId: string | Placeholder) =>
  and(eq(onboardings.id, onboardingId), eq(onboardings.status, 'open'));

/**
 * One answer, its own row, written while the onboarding is open. Printed once (see
 * prebuiltWrite): an autosave is one of these per question typed.
 */
const saveAnswer = prebuiltWrite((db) =>
  insertWhen(
    db,
    onboardingAnswers,
    {
      onboardingId: onboardings.id,
      questionId: sql.placeholder('questionId'),
      value: sql.placeholder('value'),
      updatedAt: sql.placeholder('now'),
      updatedByContactId: sql.placeholder('contactId'),
    },
    stillOpen(sql.placeholder('onboardingId')),
    onboardings,
  ).onConflictDoUpdate({
    target: [onboardingAnswers.onboardingId, onboardingAnswers.questionId],
    set: {
      value: excluded(onboardingAnswers.value),
      updatedAt: excluded(onboardingAnswers.updatedAt),
      updatedByContactId: excluded(onboardingAnswers.updatedByContactId),
    },
  }),
);

export type SaveResult =
  | { ok: true; saved: string[]; problems: Record<string, MessageKey> }
  | { ok: false; error: 'submitted' | 'unknown_section' };

type PlannedSave =
  | {
      ok: true;
      saved: string[];
      problems: Record<string, MessageKey>;
      writes: BatchItem<'sqlite'>[];
    }
  | { ok: false; error: 'submitted' | 'unknown_section' };

/**
 * The writes that save typed answers, each question on its own row, and what they leave to
 * fix. Everything typed is kept, even when it is not acceptable yet, so nothing is lost; the
 * problems come back to be shown next to their fields. With `sectionId` (the "next" button)
 * the whole section is checked, counting `addedFiles` (files stored with the same post), and
 * when fine, marked saved. Each write happens only while the onboarding is open.
 */
export function planAnswers(
  db: Database,
  onboarding: OpenOnboarding,
  save: { raw: Record<string, unknown>; sectionId?: string | undefined },
  now: Date,
  addedFiles: Record<string, number> = {},
): PlannedSave {
  if (onboarding.status !== 'open') return { ok: false, error: 'submitted' };
  const { questionnaire } = onboarding;
  const section = save.sectionId
    ? questionnaire.sections.find((s) => s.id === save.sectionId)
    : undefined;
  if (save.sectionId && !section) return { ok: false, error: 'unknown_section' };
  // A section form sends every question of its section; a checklist with nothing ticked sends nothing.
  const questions = section
    ? section.questions
    : questionnaire.sections.flatMap((s) => s.questions).filter((q) => q.id in save.raw);
  const values = new Map<string, AnswerValue>();
  for (const question of questions) {
    const value = normalizeAnswer(question, save.raw[question.id]);
    if (value !== undefined) values.set(question.id, value);
  }
  const answers = { ...onboarding.answers, ...Object.fromEntries(values) };
  const fileCounts = countFiles(onboarding);
  for (const [questionId, added] of Object.entries(addedFiles))
    fileCounts[questionId] = (fileCounts[questionId] ?? 0) + added;
  const problems: Record<string, MessageKey> = section
    ? checkSection(section, answers, fileCounts)
    : Object.fromEntries(
        questions
          .map((q) => [q.id, checkAnswer(q, answers[q.id], fileCounts[q.id] ?? 0)] as const)
          .filter((entry): entry is [string, MessageKey] => entry[1] !== null),
      );
  const writes: BatchItem<'sqlite'>[] = [...values].map(([questionId, value]) =>
    saveAnswer(db, {
      onboardingId: onboarding.onboardingId,
      questionId,
      value,
      now,
      contactId: onboarding.contact.id,
    }),
  );
  if (section && Object.keys(problems).length === 0) {
    writes.push(
      insertWhen(
        db,
        onboardingSectionSaves,
        { onboardingId: onboardings.id, sectionId: section.id, savedAt: now },
        stillOpen(onboarding.onboardingId),
        onboardings,
      ).onConflictDoNothing(),
    );
  }
  // A save is the contact at work: the link counts as opened, if the page's script did not say so.
  writes.push(markOnboardingOpened(db, onboarding.linkId, now));
  return { ok: true, saved: [...values.keys()], problems, writes };
}

/** Saves typed answers in one batch (see planAnswers). Writes only while the onboarding is open. */
export async function saveAnswers(
  db: Database,
  onboarding: OpenOnboarding,
  save: { raw: Record<string, unknown>; sectionId?: string | undefined },
  now: Date,
): Promise<SaveResult> {
  const plan = planAnswers(db, onboarding, save, now);
  if (!plan.ok) return plan;
  await db.batch(plan.writes as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  return { ok: true, saved: plan.saved, problems: plan.problems };
}
