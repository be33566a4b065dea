import { z } from 'zod';
import { oneOrMany } from '../forms/input-fields.ts';

/** The contacts CS sends the questionnaire to. */
export const onboardingSendInput = z.object({ contactIds: oneOrMany(z.string()) });

/**
 * A section's form: its answers, and where the contact goes next — `afterSave: review` when they
 * came from the review step's "Change" link (check answers: back to the review once saved).
 */
export const sectionInput = z
  .object({
    action: z.enum(['next', 'back', 'save', 'upload']).default('save'),
    afterSave: z.literal('review').optional().catch(undefined),
  })
  .catchall(z.unknown());

/** The page's script saving answers as they are typed. */
export const autosaveInput = z.object({
  answers: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
});

/** A file for a question of the questionnaire. */
export const uploadInput = z.object({ questionId: z.string().min(1), file: z.instanceof(File) });

/** The submission, with the contact's consent. */
export const submissionInput = z.object({
  consent: z.preprocess((v) => v === 'on' || v === true, z.boolean()),
});
