import { and, eq, sql } from 'drizzle-orm';
import type { RowsOf } from '../../../db/batch-rows.ts';
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
import type { Viewer } from '../auth/viewer.ts';
import { clientFor, getClientFor, readClientWithContacts } from '../clients/clients.ts';
import { type Answers, completedSections } from './answer-rules.ts';
import { markdownText } from './markdown-text.ts';
import { listOnboardingLinks } from './onboarding-links.ts';
import { QUESTIONNAIRE_RECEIVED } from './submit-onboarding.ts';

/**
 * The reads behind a client's onboarding (nothing sent yet: no rows), for one batch: the
 * onboarding is found by its client, so no read waits for another.
 */
export function readClientOnboarding(db: Database, clientId: string) {
  const ofClient = sql`(select ${onboardings.id} from ${onboardings} where ${onboardings.clientId} = ${clientId})`;
  return [
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
    db.select().from(onboardingAnswers).where(eq(onboardingAnswers.onboardingId, ofClient)),
    db
      .select()
      .from(onboardingSectionSaves)
      .where(eq(onboardingSectionSaves.onboardingId, ofClient)),
    db
      .select()
      .from(onboardingFiles)
      .where(eq(onboardingFiles.onboardingId, ofClient))
      .orderBy(onboardingFiles.uploadedAt),
    listOnboardingLinks(db, ofClient),
  ] as const;
}

/**
 * The onboarding from its reads: the questionnaire, answers, files, each contact's link,
 * progress, and when the questionnaire was received; `onboarding` null when nothing was sent.
 */
export function clientOnboardingFrom([rows, milestones, answerRows, saveRows, files, links]: RowsOf<
  ReturnType<typeof readClientOnboarding>
>) {
  const onboarding = rows[0];
  const questionnaire = onboarding
    ? onboardingQuestionnaire(onboarding.questionnaireVersion)
    : null;
  if (!onboarding || !questionnaire) return { onboarding: null, receivedAt: null };
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
    receivedAt: milestones[0]?.occurredAt ?? null,
    onboarding: { ...onboarding, questionnaire, answers, files, links, completed: done },
  };
}

/**
 * A client's onboarding as its CS sees it, with the client and its contacts. Null when the
 * client is not the viewer's; `onboarding` null when nothing was sent yet. One round trip.
 */
export async function getClientOnboarding(db: Database, viewer: Viewer, clientId: string) {
  const [client, contacts, ...onboarding] = await db.batch([
    ...readClientWithContacts(db, clientId),
    ...readClientOnboarding(db, clientId),
  ]);
  const found = clientFor(viewer, [client, contacts]);
  return found ? { ...found, ...clientOnboardingFrom(onboarding) } : null;
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
