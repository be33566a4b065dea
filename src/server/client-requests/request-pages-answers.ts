import type { TemplateField } from './template-schema.ts';

/** One answer of a request as its pages show it: the form's label and what was written or sent. */
export type AnswerRow = {
  key: string;
  label: string;
  type: TemplateField['type'];
  value: string | null;
  files: { id: string; fileName: string; size: number }[];
};

/**
 * The answers of a request under the labels of the form version it was written against, in
 * the form's order; a file field lists its files. Unreadable JSON reads as no answer.
 */
export function answerRowsOf(
  fieldsJson: string,
  answersJson: string,
  files: readonly { id: string; fieldKey: string; fileName: string; size: number }[],
): AnswerRow[] {
  const fields = parsed<TemplateField[]>(fieldsJson, []);
  const answers = parsed<Record<string, unknown>>(answersJson, {});
  return fields.map((field) => {
    const value = answers[field.key];
    return {
      key: field.key,
      label: field.label,
      type: field.type,
      value: typeof value === 'string' && value.trim() !== '' ? value : null,
      files: files
        .filter((file) => file.fieldKey === field.key)
        .map(({ id, fileName, size }) => ({ id, fileName, size })),
    };
  });
}

function parsed<T>(json: string, fallback: T): T {
  try {
    return (JSON.parse(json) as T) ?? fallback;
  } catch {
    return fallback;
  }
}
