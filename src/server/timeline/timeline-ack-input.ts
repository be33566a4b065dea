import { z } from 'zod';
import { policy } from '../../policy/index.ts';
import { fieldMessage } from '../forms/input-fields.ts';

/** "Li e estou de acordo": nothing to say. */
export const agreeInput = z.object({});

/** "Tenho uma observação": the message that reaches CS, required, within the policy's length. */
export const observationInput = z.object({
  observation: z
    .string()
    .default('')
    .transform((value) => value.trim())
    .pipe(z.string().max(policy.timeline.acknowledgement.maxObservationChars))
    .refine((value) => value.length > 0, fieldMessage('timelineAck.observationRequired')),
});
