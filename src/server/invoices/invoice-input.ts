import { z } from 'zod';
import { fieldMessage, isRealDate } from '../forms/input-fields.ts';
import { parseAmountToMinor } from './amount.ts';

/** The fields of an invoice as the partner types them (the PDF comes apart, as a file). */
export const invoiceInput = z.object({
  number: z.string().trim().min(1).max(60),
  issueDate: z.string().trim().refine(isRealDate, fieldMessage('fields.invalidDate')),
  amount: z
    .string()
    .max(30)
    .transform((value) => parseAmountToMinor(value))
    .refine((minor): minor is number => minor !== null, fieldMessage('fields.invalidAmount')),
  note: z
    .string()
    .trim()
    .max(1000)
    .optional()
    .transform((value) => (value ? value : null)),
  file: z.custom<File>(
    (value) => value instanceof File && value.size > 0,
    fieldMessage('fields.fileRequired'),
  ),
});

export type InvoiceInput = z.output<typeof invoiceInput>;

/**
 * Whether an issue date is acceptable: a real date, not after today, and not before the
 * first day of the competence month (an invoice cannot predate the work it bills).
 */
export function checkIssueDate(issueDate: string, competenceMonth: string, today: string) {
  if (
    Number.isNaN(Date.parse(`${issueDate}T00:00:00Z`)) ||
    new Date(`${issueDate}T00:00:00Z`).toISOString().slice(0, 10) !== issueDate
  ) {
    return 'fields.invalidDate' as const;
  }
  if (issueDate > today) return 'fields.issueDateInFuture' as const;
  if (issueDate < `${competenceMonth}-01`) return 'fields.issueDateBeforeCompetence' as const;
  return null;
}
