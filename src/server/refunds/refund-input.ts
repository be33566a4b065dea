import { z } from 'zod';
import { policy } from '../../policy/index.ts';

/** A refund as CS records it: the day the client asked (YYYY-MM-DD) and an optional note. */
export const refundInput = z.object({
  requestedOn: z.iso.date(),
  note: z.string().trim().max(policy.refunds.maxNoteChars).optional().default(''),
});
