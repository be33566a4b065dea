import { z } from 'zod';

const positive = z.number().int().positive();

/** The one-question satisfaction e-mail (#21): what asks it, how often at most, its link. */
export const satisfactionRules = z.object({
  // As the database names them (db/schema/satisfaction.ts).
  triggers: z.array(z.enum(['piece_approved', 'request_done', 'check_in'])),
  minDaysBetweenAsks: positive,
  linkDays: positive,
  minSecondsOnPage: positive,
  lowScoreAtMost: z.number().int().min(1).max(5),
  triggerLookbackDays: positive,
  surveysPerRun: positive,
  maxCommentChars: positive,
  taskDueBusinessDays: positive,
});

/** Refunds CS records on a client (#21); the scorecard counts those asked early. */
export const refundRules = z.object({ earlyWithinDays: positive, maxNoteChars: positive });
