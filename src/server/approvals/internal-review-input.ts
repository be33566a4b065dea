import { z } from 'zod';

/**
 * A reviewer's decision on a version's internal review, as the piece page's form posts it:
 * the version the reviewer saw (a newer one refuses it), the decision (the button pressed)
 * and the message, which asking for changes requires (checked with the decision).
 */
export const internalDecisionInput = z.object({
  version: z.coerce.number().int().min(1),
  decision: z.enum(['approved', 'changes_requested']),
  message: z.string().max(4000).default(''),
});
