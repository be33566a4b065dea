import { z } from 'zod';

/**
 * The daily check of campaign costs (policy.campaignChecks, #20): the reminder's time (its due
 * time is businessHours.dailyAnalyticsBy), how recent a spend makes a client one "with running
 * campaigns", the charts' days and the acknowledgement note's length. Built from the policy's
 * clock-time schema, which lives in schema.ts.
 */
export function campaignChecksSchema(clockTime: z.ZodType<string>) {
  const positive = z.number().int().positive();
  return z.object({
    reminderAt: clockTime,
    runningIfSpentWithinDays: positive,
    chartDays: positive,
    maxNoteChars: positive,
  });
}

/** The reminder must come before the check is due (both HH:MM, so they compare as text). */
export function checkCampaignChecksTimes(
  policy: { campaignChecks: { reminderAt: string }; businessHours: { dailyAnalyticsBy: string } },
  ctx: z.RefinementCtx,
) {
  if (policy.campaignChecks.reminderAt >= policy.businessHours.dailyAnalyticsBy) {
    ctx.addIssue({
      code: 'custom',
      path: ['campaignChecks', 'reminderAt'],
      message: 'the reminder must come before the daily check is due',
    });
  }
}
