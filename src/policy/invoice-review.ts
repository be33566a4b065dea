import type { Policy } from './schema.ts';
import { isoDateInZone } from './zoned-time.ts';

/**
 * Segregation of duties: nobody approves, raises a divergence on or pays an invoice they
 * submitted themselves, whatever roles they hold (an admin or finance person who is also a
 * partner).
 */
export function mayDecideOnInvoice(reviewerId: string, invoice: { partnerId: string }): boolean {
  return reviewerId !== invoice.partnerId;
}

export type PaidOnProblem = 'before_approval' | 'in_future';

/**
 * Whether a payment date (YYYY-MM-DD) can be true: not before the agency-time-zone day the
 * invoice was approved (money is not paid for what was not yet accepted), and not after
 * today there (a payment is recorded once it happened). Null when it can.
 */
export function paidOnProblem(
  rules: { agency: Pick<Policy['agency'], 'timeZone'> },
  paidOn: string,
  approvedAt: Date,
  now: Date,
): PaidOnProblem | null {
  if (paidOn < isoDateInZone(approvedAt, rules.agency.timeZone)) return 'before_approval';
  if (paidOn > isoDateInZone(now, rules.agency.timeZone)) return 'in_future';
  return null;
}
