import { z } from 'zod';
import { fieldMessage, isRealDate } from '../forms/input-fields.ts';
import { PAYMENTS_FORMATS } from './payments-export.ts';

/** What finance tells the partner to correct. */
export const divergenceInput = z.object({
  message: z
    .string()
    .trim()
    .max(2000)
    .refine((v) => v.length > 0, fieldMessage('fields.messageRequired')),
});

/** The day an invoice was paid. */
export const paidInput = z.object({
  paidOn: z.string().trim().refine(isRealDate, fieldMessage('fields.invalidDate')),
});

/** The month of a payments export (YYYY-MM). */
export const monthQuery = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/** What a payments export asks for: the month, and the file for the bank (default) or a spreadsheet. */
export const paymentsQuery = z.object({
  month: monthQuery,
  format: z.enum(PAYMENTS_FORMATS).default('bank'),
});
