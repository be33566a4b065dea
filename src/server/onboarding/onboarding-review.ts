import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import {
  clientMilestones,
  onboardingAnswers,
  onboardingFiles,
  onboardingSectionSaves,
  onboardings,
} from '../../../db/schema/index.ts';
import type { Locale } from '../../i18n/index.ts';
import { translate } from '../../i18n/translate.ts';
import { pickText } from '../../policy/index.ts';
import { onboardingQuestionnaire } from '../../questionnaires/index.ts';
import type { SignedInUser } from '../auth/sessions.ts';
import { getClientFor } from '../clients/clients.ts';
import { type Answers, completedSections } from './answer-rules.ts';
import { markdownText } from './markdown-text.ts';
import { listOnboardingLinks } from './onboarding-links.ts';
import { QUESTIONNAIRE_RECEIVED } from './submit-onboarding.ts';

type Viewer = Pick<SignedInUser, 'id' | 'roles'>;

/**
 * A client's onboarding as its CS sees it: the questionnaire, answers, files, each
 * contact's link, progress, and when the questionnaire was received. Null when the client
 * is not the viewer's; `onboarding` null when nothing was sent yet.
 */
export async function getClientOnboarding(db: Database, viewer: Viewer, clientId: string) {
  const found = await getClientFor(db, viewer, clientId);
  if (!found) return null;
  const [rows, milestones] = await db.batch([
    db.select().from(onboardings).where(eq(onboardings.clientId, clientId)),
    db
      .select()
      .from(clientMilestones)
      .where(
        and(
          eq(clientMilestones.clientId, clientId),
          eq(clientMilestones.kind, QUESTIONNAIRE_RECEIVED),
        ),
      ),
  ]);
  const onboarding = rows[0];
  const questionnaire = onboarding
    ? onboardingQuestionnaire(onboarding.questionnaireVersion)
    : null;
  if (!onboarding || !questionnaire) return { ...found, onboarding: null, receivedAt: null };
  const [answerRows, saveRows, files, links] = await db.batch([
    db.select().from(onboardingAnswers).where(eq(onboardingAnswers.onboardingId, onboarding.id)),
    db
      .select()
      .from(onboardingSectionSaves)
      .where(eq(onboardingSectionSaves.onboardingId, onboarding.id)),
    db
      .select()
      .from(onboardingFiles)
      .where(eq(onboardingFiles.onboardingId, onboarding.id))
      .orderBy(onboardingFiles.uploadedAt),
    listOnboardingLinks(db, onboarding.id),
  ]);
  const answers: Answers = Object.fromEntries(answerRows.map((row) => [row.questionId, row.value]));
  const fileCounts: Record<string, number> = {};
  for (const file of files) fileCounts[file.questionId] = (fileCounts[file.questionId] ?? 0) + 1;
  const done = completedSections(
    questionnaire,
    answers,
    fileCounts,
    new Set(saveRows.map((r) => r.sectionId)),
  );
  return {
    ...found,
    receivedAt: milestones[0]?.occurredAt ?? null,
    onboarding: { ...onboarding, questionnaire, answers, files, links, completed: done },
  };
}

/** A stored answer as readable text: checklist options by their labels, one per line. */
export function answerText(
  question: {
    kind: string;
    options?: { id: string; label: Parameters<typeof pickText>[0] }[] | undefined;
  },
  value: Answers[string] | undefined,
  locale: Locale,
): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) {
    return value
      .map((id) => question.options?.find((option) => option.id === id))
      .filter((option) => option !== undefined)
      .map((option) => pickText(option.label, locale))
      .join('\n');
  }
  return value;
}

/**
 * The submitted (or partial) questionnaire as Markdown, for CS to keep or share. What the
 * client typed (answers, file names) and the client's name are made literal: only the
 * headings and lists of the questionnaire itself are Markdown.
 */
export async function exportOnboardingMarkdown(
  db: Database,
  viewer: Viewer,
  clientId: string,
  locale: Locale,
) {
  const found = await getClientOnboarding(db, viewer, clientId);
  if (!found?.onboarding) return null;
  const { client, onboarding } = found;
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  const lines = [
    `# ${pickText(onboarding.questionnaire.title, locale)} — ${markdownText(client.name)}`,
    '',
  ];
  for (const section of onboarding.questionnaire.sections) {
    lines.push(`## ${pickText(section.title, locale)}`, '');
    for (const question of section.questions) {
      lines.push(`### ${pickText(question.label, locale)}`, '');
      if (question.kind === 'files') {
        const files = onboarding.files.filter((file) => file.questionId === question.id);
        lines.push(
          ...(files.length
            ? files.map((file) => `- ${markdownText(file.name)}`)
            : [`_${t('clients.noAnswer')}_`]),
          '',
        );
      } else {
        const text = markdownText(answerText(question, onboarding.answers[question.id], locale));
        lines.push(
          text.trim()
            ? text
                .split('\n')
                .map((line) =>
                  Array.isArray(onboarding.answers[question.id]) ? `- ${line}` : line,
                )
                .join('\n')
            : `_${t('clients.noAnswer')}_`,
          '',
        );
      }
    }
  }
  const slug = client.name
    .normalize('NFD')
    .replace(/[^\w]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return { text: lines.join('\n'), fileName: `onboarding-${slug || 'cliente'}.md` };
}

/** An uploaded file's record, for its client's CS and admins only (null for anyone else). */
export async function getOnboardingFileFor(
  db: Database,
  viewer: Viewer,
  clientId: string,
  fileId: string,
) {
  const found = await getClientFor(db, viewer, clientId);
  if (!found) return null;
  const [file] = await db
    .select({
      fileKey: onboardingFiles.fileKey,
      name: onboardingFiles.name,
      contentType: onboardingFiles.contentType,
      size: onboardingFiles.size,
    })
    .from(onboardingFiles)
    .innerJoin(onboardings, eq(onboardings.id, onboardingFiles.onboardingId))
    .where(and(eq(onboardingFiles.id, fileId), eq(onboardings.clientId, clientId)));
  return file ?? null;
}
