import { z } from 'zod';
import { policy } from '../../policy/index.ts';
import { calendarDate } from '../forms/input-fields.ts';

/** A refund as CS records it: the day the client asked (YYYY-MM-DD) and an optional note. */
export const refundInput = z.object({
  requestedOn: calendarDate(),
  note: z.string().trim().max(policy.refunds.maxNoteChars).optional().default(''),
});
