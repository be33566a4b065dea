import { z } from 'zod';
import type { MessageKey } from '../../i18n/index.ts';
import type { Policy } from '../../policy/index.ts';
import { asksForPassword } from '../../questionnaires/schema.ts';

/** The kinds of field a request form may have; none of them is a password. */
export const TEMPLATE_FIELD_TYPES = ['short_text', 'long_text', 'date', 'choice', 'file'] as const;
export type TemplateFieldType = (typeof TEMPLATE_FIELD_TYPES)[number];

/** One field of a request form, as the agency wrote it in the client's language. */
export type TemplateField = {
  key: string;
  label: string;
  type: TemplateFieldType;
  required: boolean;
  help?: string;
  default?: string;
  options?: string[];
};

const KEY = /^[a-z][a-zA-Z0-9]{0,39}$/;

/**
 * The check of a request form the agency saves: keys unique and simple, labels and help of
 * sane length, choices with options, at most the policy's number of fields, and never a
 * field asking for a password (the questionnaire's own rule). Each problem names its field's
 * row (`path[0]` is the index) so the editor marks it where it is.
 */
export function templateFieldsSchema(rules: Pick<Policy, 'clientSpace'>) {
  const limits = rules.clientSpace.requests;
  const field = z.object({
    key: z.string().regex(KEY, 'requestTemplates.badKey'),
    label: z
      .string()
      .trim()
      .min(1, 'requestTemplates.missing')
      .max(limits.maxLabelChars, 'requestTemplates.tooLong'),
    type: z.enum(TEMPLATE_FIELD_TYPES),
    required: z.boolean(),
    help: z.string().trim().max(limits.maxHelpChars, 'requestTemplates.tooLong').optional(),
    default: z.string().trim().max(limits.maxShortTextChars, 'requestTemplates.tooLong').optional(),
    options: z
      .array(z.string().trim().min(1).max(limits.maxLabelChars, 'requestTemplates.tooLong'))
      .max(limits.maxChoiceOptions, 'requestTemplates.tooMany')
      .optional(),
  });
  return z
    .array(field)
    .min(1, 'requestTemplates.missing')
    .max(limits.maxFields, 'requestTemplates.tooMany')
    .superRefine((fields, ctx) => {
      const seen = new Set<string>();
      fields.forEach((f, i) => {
        if (seen.has(f.key))
          ctx.addIssue({ code: 'custom', path: [i, 'key'], message: 'requestTemplates.keyTaken' });
        seen.add(f.key);
        if (f.type === 'choice' && !f.options?.length) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'options'],
            message: 'requestTemplates.noOptions',
          });
        }
        if (asksForPassword(`${f.key} ${f.label} ${f.help ?? ''}`)) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'label'],
            message: 'requestTemplates.password',
          });
        }
      });
    });
}

export type TemplateCheck =
  | { ok: true; fields: TemplateField[] }
  | { ok: false; problems: TemplateProblem[] };

/** A refused form's problem: the row (null for the whole form), its column, the message. */
export type TemplateProblem = { row: number | null; field: string; messageKey: MessageKey };

/** Checks a form's fields; the problems by row and column when it is refused. */
export function checkTemplateFields(
  raw: unknown,
  rules: Pick<Policy, 'clientSpace'>,
): TemplateCheck {
  const parsed = templateFieldsSchema(rules).safeParse(raw);
  if (parsed.success) return { ok: true, fields: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const [row, column] = issue.path;
      const known = issue.message.startsWith('requestTemplates.');
      return {
        row: typeof row === 'number' ? row : null,
        field: typeof column === 'string' ? column : 'fields',
        messageKey: (known ? issue.message : 'errors.validation') as MessageKey,
      };
    }),
  };
}
