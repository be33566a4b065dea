import type { MessageKey } from '../../i18n/index.ts';
import type { Policy } from '../../policy/index.ts';
import { isRealDate } from '../forms/input-fields.ts';
import type { TemplateField } from './template-schema.ts';

/** A request's answers as stored: text by field key (files are rows of their own). */
export type RequestAnswers = Record<string, string>;

/** The typed answers of a posted form: trimmed text for each field that takes text. */
export function typedAnswers(
  fields: TemplateField[],
  raw: Record<string, unknown>,
): RequestAnswers {
  const answers: RequestAnswers = {};
  for (const field of fields) {
    const value = raw[field.key];
    if (field.type === 'file' || typeof value !== 'string') continue;
    answers[field.key] = value.trim();
  }
  return answers;
}

type Limits = Pick<Policy['clientSpace']['requests'], 'maxShortTextChars' | 'maxLongTextChars'>;

/**
 * What is wrong with one answer, or null: too long for its kind, not a calendar date, not one
 * of the choice's options — and, when the request is being sent (`complete`), a required
 * field left empty (a draft may be incomplete; it may not be wrong).
 */
export function checkRequestAnswer(
  field: TemplateField,
  value: string | undefined,
  fileCount: number,
  limits: Limits,
  complete: boolean,
): MessageKey | null {
  if (field.type === 'file') {
    return complete && field.required && fileCount === 0 ? 'requestForm.fileRequired' : null;
  }
  if (value === undefined || value === '')
    return complete && field.required ? 'requestForm.required' : null;
  const max = field.type === 'long_text' ? limits.maxLongTextChars : limits.maxShortTextChars;
  if (value.length > max) return 'requestForm.tooLong';
  if (field.type === 'date' && !isRealDate(value)) return 'requestForm.badDate';
  if (field.type === 'choice' && !field.options?.includes(value)) return 'requestForm.badChoice';
  return null;
}

/**
 * The fields whose posted value is of the wrong kind — a text answer that is not one text (a
 * number, a list, a file), a file field given text — refused rather than quietly dropped.
 */
export function wronglyTypedAnswers(
  fields: TemplateField[],
  raw: Record<string, unknown>,
): Record<string, MessageKey> {
  const problems: Record<string, MessageKey> = {};
  for (const field of fields) {
    const value = raw[field.key];
    if (value === undefined) continue;
    if (field.type === 'file') {
      // A browser sends an empty file for a field left alone; some clients an empty text.
      if (![value].flat().every((v) => v instanceof File || v === ''))
        problems[field.key] = 'requestForm.fileRequired';
    } else if (typeof value !== 'string') problems[field.key] = 'requestForm.notText';
  }
  return problems;
}

/** Every answer's problem by field key (empty when the form may be saved, or sent). */
export function checkRequestAnswers(
  fields: TemplateField[],
  answers: RequestAnswers,
  fileCounts: Record<string, number>,
  limits: Limits,
  complete: boolean,
): Record<string, MessageKey> {
  const problems: Record<string, MessageKey> = {};
  for (const field of fields) {
    const problem = checkRequestAnswer(
      field,
      answers[field.key],
      fileCounts[field.key] ?? 0,
      limits,
      complete,
    );
    if (problem) problems[field.key] = problem;
  }
  return problems;
}

/** The request's title for lists: its `title` answer, else its first short text, else ''. */
export function requestTitle(fields: TemplateField[], answers: RequestAnswers): string {
  const titled =
    fields.find((f) => f.key === 'title') ?? fields.find((f) => f.type === 'short_text');
  return titled ? (answers[titled.key] ?? '').slice(0, 200) : '';
}
