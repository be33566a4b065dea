import { PIECE_KINDS, type PieceKind } from '../../../db/schema/index.ts';
import { isRealDate } from '../forms/input-fields.ts';
import type { TemplateField } from './template-schema.ts';

/** A control character (a tab, a NUL, an escape…): never part of a piece's name. */
const CONTROL_CHARACTER = /\p{Cc}/u;

/**
 * The pieces CS names at triage, one per line of the form's text: each line trimmed, the
 * empty ones dropped. Null when a line holds a control character (a line break ends a line,
 * anything else is refused).
 */
export function piecesToStartOf(text: string): string[] | null {
  const lines = text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return lines.some((line) => CONTROL_CHARACTER.test(line)) ? null : lines;
}

/** What the form's text of pieces starts with: the request's title, its one obvious piece. */
export function suggestedPiecesOf(request: { title: string }): string {
  return request.title.trim();
}

/** Stored JSON (a request's answers, its form's fields), or the fallback when unreadable. */
function readJson<T extends object>(json: string, fallback: T): T {
  try {
    const parsed: unknown = JSON.parse(json);
    return parsed && typeof parsed === 'object' ? (parsed as T) : fallback;
  } catch {
    return fallback;
  }
}

// The default forms' "needed by" field (the policy's REQUEST_DETAILS): read when the request's
// form has no date field of its own, as the tests' minimal forms.
const DEFAULT_DUE_KEY = 'dueDate';

/**
 * The day the client needs the work by: the answer of the request form's first date field
 * (the default forms' "needed by"), when it is a real day; else null (no due date).
 */
export function requestDueOnOf(fieldsJson: string, answersJson: string): string | null {
  const answers = readJson<Record<string, unknown>>(answersJson, {});
  const fields = readJson<TemplateField[]>(fieldsJson, []);
  const dateField = Array.isArray(fields) ? fields.find((field) => field?.type === 'date') : null;
  const key = dateField?.key ?? DEFAULT_DUE_KEY;
  const value = answers[key];
  return typeof value === 'string' && isRealDate(value) ? value : null;
}

const isPieceKind = (value: unknown): value is PieceKind =>
  typeof value === 'string' && (PIECE_KINDS as readonly string[]).includes(value);

/** The kind the triage form proposes: the request's answer named `kind`, if it is a piece kind. */
export function suggestedKindOf(answersJson: string): PieceKind {
  const { kind } = readJson<Record<string, unknown>>(answersJson, {});
  return isPieceKind(kind) ? kind : 'other';
}
