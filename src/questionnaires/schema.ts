import { z } from 'zod';

const text = z.object({
  'pt-BR': z.string().min(1),
  en: z.string().min(1),
  ru: z.string().min(1).optional(),
});
const id = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/);

/** The kinds of question a questionnaire may ask; none of them is a password. */
export const QUESTION_KINDS = [
  'text',
  'textarea',
  'email',
  'phone',
  'url',
  'files',
  'checklist',
] as const;

/**
 * True when a question's words ask for a password or another secret: these are never collected (access is
 * granted by invitation), in a questionnaire or in any form the agency writes for clients.
 */
export function asksForPassword(words: string): boolean {
  return /password|senha|пароль|secret|segredo|секрет/i.test(words);
}

const question = z.object({
  id,
  kind: z.enum(QUESTION_KINDS),
  required: z.boolean(),
  label: text,
  help: text.optional(),
  options: z.array(z.object({ id, label: text, help: text.optional() })).optional(),
});

/**
 * A questionnaire as the agency writes it (JSON beside this file): sections of questions,
 * with a version so answers always know which wording they answered.
 */
export const questionnaireSchema = z
  .object({
    id,
    version: z.number().int().positive(),
    title: text,
    intro: text,
    sections: z
      .array(
        z.object({ id, title: text, intro: text.optional(), questions: z.array(question).min(1) }),
      )
      .min(1),
  })
  .superRefine((questionnaire, ctx) => {
    const seen = new Set<string>();
    for (const section of questionnaire.sections) {
      for (const q of section.questions) {
        if (seen.has(q.id))
          ctx.addIssue({ code: 'custom', message: `question id ${q.id} is repeated` });
        seen.add(q.id);
        if (q.kind === 'checklist' && !q.options?.length) {
          ctx.addIssue({ code: 'custom', message: `checklist ${q.id} has no options` });
        }
        // Passwords are never collected: access is granted by invitation.
        if (asksForPassword(`${q.id} ${q.label['pt-BR']} ${q.label.en}`)) {
          ctx.addIssue({ code: 'custom', message: `question ${q.id} asks for a password` });
        }
      }
    }
  });

export type Questionnaire = z.infer<typeof questionnaireSchema>;
export type Question = Questionnaire['sections'][number]['questions'][number];
export type QuestionnaireSection = Questionnaire['sections'][number];
