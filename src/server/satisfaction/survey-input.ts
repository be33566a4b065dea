import { z } from 'zod';

/**
 * A survey answer as posted. Only the shape is checked here: the score's range and the
 * comment's length are the answer's own refusals, told in the contact's language.
 */
export const surveyAnswerInput = z.object({
  score: z.string().max(10).optional().default(''),
  comment: z.string().max(20_000).optional().default(''),
  stamp: z.string().max(200).optional().default(''),
});
