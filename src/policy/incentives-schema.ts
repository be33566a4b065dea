import { z } from 'zod';
import type { LocalizedText } from './schema.ts';

/** What "best manager of the month" may be broken on when two variable amounts are equal. */
export const BEST_OF_MONTH_TIE_BREAKERS = [
  'fewer_deadlines_missed',
  'higher_satisfaction',
] as const;
export type BestOfMonthTieBreaker = (typeof BEST_OF_MONTH_TIE_BREAKERS)[number];

/**
 * The ad managers' motivation system as policy data (policy.incentives, #21): each amount in
 * the agency's currency (policy.agency.currency), beside the document's own figure (tenge)
 * kept as the reference, or null where the document names a fine without a figure. Amounts are all positive: whether a
 * line adds or takes away is the line's (a bonus adds, a deduction or a fine subtracts).
 */
export function incentivesSchema<Role extends string>(
  localizedText: z.ZodType<LocalizedText>,
  partnerRole: z.ZodType<Role>,
) {
  const amount = z.object({
    minorUnits: z.number().int().nonnegative(),
    referenceMinorUnits: z.number().int().positive().nullable(),
  });
  return z.object({
    // The amounts are in the agency's currency (policy.agency.currency).
    reference: z.object({ currency: z.string().regex(/^[A-Z]{3}$/), note: localizedText }),
    // Who is paid by these amounts, and who has a monthly scorecard (counts without money).
    paidRoles: z.array(partnerRole).min(1),
    scorecardRoles: z.array(partnerRole).min(1),
    // How many months a partner's scorecard page shows and charts: this month and the past ones.
    scorecardMonths: z.number().int().min(1).max(24),
    // Days after a month's end (agency time zone) until it closes: its scorecards are then
    // stored as they stand and no longer move (a record made late, a role or team change).
    monthClosesAfterDays: z.number().int().min(0).max(28),
    base: amount,
    renewedAfterFirstMonth: amount,
    lostAfterFirstMonth: amount,
    refundInFirstDays: amount,
    noRefundInFirstDays: amount,
    missedLaunch: amount,
    bestOfMonth: amount.extend({
      tieBreakers: z.array(z.enum(BEST_OF_MONTH_TIE_BREAKERS)),
    }),
  });
}
