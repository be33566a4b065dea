import type { Locale, MessageKey, Translator } from '../../i18n/index.ts';
import { pickText } from '../../policy/index.ts';
import { checkAnswer } from './answer-rules.ts';
import { countFiles } from './onboarding-answers.ts';
import type { OpenOnboarding } from './onboarding-links.ts';
import { answerText } from './onboarding-review.ts';

/** One question on the review step ("check your answers"), ready to draw. */
export type CheckedAnswer = {
  questionId: string;
  label: string;
  /** The answer as readable text (checklists one option a line); '' when none. */
  text: string;
  /** The names of the files uploaded for a file question. */
  files: string[];
  isFiles: boolean;
  /** What keeps the questionnaire from being sent (a required answer missing, a bad address). */
  problem: MessageKey | null;
  /** The question on its section's page, to change it. */
  changeHref: string;
};

/**
 * Every question of the questionnaire with its answer, grouped by section, for the review
 * step before the irreversible submit (GOV.UK "check answers").
 */
export function checkAnswersOf(onboarding: OpenOnboarding, token: string, locale: Locale) {
  const fileCounts = countFiles(onboarding);
  return onboarding.questionnaire.sections.map((section) => ({
    sectionId: section.id,
    title: pickText(section.title, locale),
    answers: section.questions.map(
      (question): CheckedAnswer => ({
        questionId: question.id,
        label: pickText(question.label, locale),
        text: answerText(question, onboarding.answers[question.id], locale),
        files: onboarding.files.filter((f) => f.questionId === question.id).map((f) => f.name),
        isFiles: question.kind === 'files',
        problem: checkAnswer(
          question,
          onboarding.answers[question.id],
          fileCounts[question.id] ?? 0,
        ),
        changeHref: `/onboarding/${token}/${section.id}?change=1#field-${question.id}`,
      }),
    ),
  }));
}

/**
 * A section's problems as a page shows them, each naming its question: the error summary at
 * the top lists them apart from their fields, where "Fill in this field" alone says nothing.
 */
export function problemsByQuestion(
  onboarding: Pick<OpenOnboarding, 'questionnaire' | 'contact'>,
  problems: Record<string, MessageKey>,
  t: Translator,
): Record<string, string> {
  const labels = new Map(
    onboarding.questionnaire.sections
      .flatMap((s) => s.questions)
      .map((q) => [q.id, pickText(q.label, onboarding.contact.locale)]),
  );
  return Object.fromEntries(
    Object.entries(problems).map(([id, key]) => [
      id,
      t('onboarding.questionProblem', { question: labels.get(id) ?? id, problem: t(key) }),
    ]),
  );
}
