import type { PartnerRecords, ScorecardPartner } from './scorecard-inputs.ts';
import { type IncentivePolicy, type Scorecard, scorecardOf } from './scorecard-pay.ts';
import type { MonthCounts, ScorecardInput, Tally } from './scorecard-rules.ts';

/**
 * A partner's scorecard for a month. A paid partner's money lines (renewals, losses, refunds,
 * missed launches) come only from the clients they run as paid traffic (on the client's team):
 * a client they are only the CS of counts in their figures, but earns and costs them nothing
 * (its paid-traffic partner is the one paid on it).
 */
export function partnerScorecardOf(
  records: PartnerRecords,
  countMonth: (input: Omit<ScorecardInput, 'month'>) => MonthCounts,
  paid: boolean,
  rules: IncentivePolicy,
): Scorecard {
  const month = countMonth(records);
  if (!paid || records.csOnly.size === 0) return scorecardOf(month, paid, rules);
  const paidFor = records.clients.filter((client) => !records.csOnly.has(client));
  const moneyCounts = countMonth({ ...records, clients: paidFor });
  return { ...scorecardOf(moneyCounts, paid, rules), counts: month.counts };
}

const tallied = (tally: Tally) => tally.onTime + tally.missed + tally.ahead;

/**
 * Whether a partner is on a month's scorecard: an active one always; one who has left (or was
 * deactivated) only on a complete month with records of theirs, so the months they worked stay
 * theirs: their last invoice is reviewed against them, and the best of that month stays theirs.
 */
export function isOnMonth(partner: ScorecardPartner, month: MonthCounts): boolean {
  if (partner.active) return true;
  if (!month.complete) return false;
  const c = month.counts;
  const records =
    tallied(c.firstContacts) +
    tallied(c.launches) +
    tallied(c.changes) +
    c.renewals +
    c.lostAfterFirstMonth +
    c.refundsInFirstDays +
    c.noRefundInFirstDays +
    c.satisfaction.answers +
    c.deadlinesMissed;
  return records > 0;
}
