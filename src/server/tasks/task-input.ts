import { z } from 'zod';
import { PARTNER_ROLES } from '../../policy/index.ts';
import { fieldMessage, isRealDate } from '../forms/input-fields.ts';

/** A task request as a partner opens it: for which client, to whom, what, why and by when. */
export const taskInput = z.object({
  clientId: z.string().min(1),
  assigneeRole: z.enum(PARTNER_ROLES),
  assigneeId: z
    .string()
    .optional()
    .transform((value) => value || null),
  what: z.string().trim().min(1).max(300),
  why: z.string().trim().min(1).max(2000),
  dueOn: z.string().trim().refine(isRealDate, fieldMessage('fields.invalidDate')),
});

/** The comment that goes with accepting, completing or returning a task request. */
export const taskActionInput = z.object({
  comment: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .transform((value) => value || null),
});
