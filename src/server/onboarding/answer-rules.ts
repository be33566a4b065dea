import type { MessageKey } from '../../i18n/index.ts';
import type { Question, Questionnaire, QuestionnaireSection } from '../../questionnaires/index.ts';

/** An answer as stored: text, or the ticked options of a checklist. */
export type AnswerValue = string | string[];
export type Answers = Record<string, AnswerValue>;

// Long enough for any honest answer, short enough that nobody fills the database by accident.
export const MAX_ANSWER_CHARS = 10_000;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const E164 = /^\+[1-9]\d{7,14}$/;

/**
 * What a typed value becomes when stored: trimmed text (phones without spaces or dashes),
 * known checklist options only. Undefined when the question takes no typed value.
 */
export function normalizeAnswer(question: Question, raw: unknown): AnswerValue | undefined {
  if (question.kind === 'files') return undefined;
  if (question.kind === 'checklist') {
    const ticked = Array.isArray(raw) ? raw : raw === undefined || raw === '' ? [] : [raw];
    const known = new Set(question.options?.map((option) => option.id));
    return [
      ...new Set(ticked.filter((id): id is string => typeof id === 'string' && known.has(id))),
    ];
  }
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim().slice(0, MAX_ANSWER_CHARS);
  return question.kind === 'phone' ? text.replace(/[\s().-]/g, '') : text;
}

const isEmpty = (value: AnswerValue | undefined) =>
  value === undefined || (Array.isArray(value) ? value.length === 0 : value === '');

/** True for an http(s) address with a host. */
function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** The message for a stored answer that is not acceptable yet, or null when it is. */
export function checkAnswer(
  question: Question,
  value: AnswerValue | undefined,
  fileCount = 0,
): MessageKey | null {
  if (question.kind === 'files')
    return question.required && fileCount === 0 ? 'fields.fileRequired' : null;
  if (isEmpty(value)) return question.required ? 'fields.required' : null;
  if (typeof value !== 'string') return null;
  if (question.kind === 'email' && !EMAIL.test(value)) return 'fields.invalidEmail';
  if (question.kind === 'phone' && !E164.test(value)) return 'fields.invalidPhone';
  if (question.kind === 'url' && !isWebAddress(value)) return 'fields.invalidUrl';
  return null;
}

/** The problems of one section's answers, by question id (empty when the section is fine). */
export function checkSection(
  section: QuestionnaireSection,
  answers: Answers,
  fileCounts: Record<string, number>,
): Record<string, MessageKey> {
  const problems: Record<string, MessageKey> = {};
  for (const question of section.questions) {
    const problem = checkAnswer(question, answers[question.id], fileCounts[question.id] ?? 0);
    if (problem) problems[question.id] = problem;
  }
  return problems;
}

/**
 * Which sections are done: nothing to fix, and something given — an answer, a file, or
 * the section saved with "next" (a section of optional questions may rightly stay empty).
 */
export function completedSections(
  questionnaire: Questionnaire,
  answers: Answers,
  fileCounts: Record<string, number>,
  savedSections: ReadonlySet<string>,
): string[] {
  return questionnaire.sections
    .filter((section) => {
      if (Object.keys(checkSection(section, answers, fileCounts)).length > 0) return false;
      const touched = section.questions.some(
        (q) => !isEmpty(answers[q.id]) || (fileCounts[q.id] ?? 0) > 0,
      );
      return touched || savedSections.has(section.id);
    })
    .map((section) => section.id);
}

/** The question of a questionnaire with this id, and its section. */
export function findQuestion(questionnaire: Questionnaire, questionId: string) {
  for (const section of questionnaire.sections) {
    const question = section.questions.find((q) => q.id === questionId);
    if (question) return { section, question };
  }
  return null;
}

/** Where a section stands, for the questionnaire's task list. */
export type SectionStatus = 'notStarted' | 'inProgress' | 'done';

/**
 * Each section's state: done (see completedSections), in progress (something given or the
 * section saved, with something still to fix), or not started.
 */
export function sectionStatuses(
  questionnaire: Questionnaire,
  answers: Answers,
  fileCounts: Record<string, number>,
  savedSections: ReadonlySet<string>,
): Record<string, SectionStatus> {
  const done = new Set(completedSections(questionnaire, answers, fileCounts, savedSections));
  return Object.fromEntries(
    questionnaire.sections.map((section) => {
      if (done.has(section.id)) return [section.id, 'done'];
      const touched =
        savedSections.has(section.id) ||
        section.questions.some((q) => !isEmpty(answers[q.id]) || (fileCounts[q.id] ?? 0) > 0);
      return [section.id, touched ? 'inProgress' : 'notStarted'];
    }),
  );
}
