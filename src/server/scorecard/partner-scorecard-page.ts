import type { Database } from '../../../db/client.ts';
import type { Policy } from '../../policy/index.ts';
import type { Scorecard } from './scorecard-pay.ts';

/** One month of a partner's own scorecard: theirs only, and whether they were its best. */
export type PartnerScorecardMonth = { month: string; scorecard: Scorecard; best: boolean };

/** A partner's scorecard page: this month so far and the past ones, newest first. */
export type PartnerScorecardPage = {
  partnerId: string;
  name: string;
  // Paid by the incentives: the months have money lines (policy.incentives.paidRoles).
  paid: boolean;
  // policy.incentives.scorecardMonths of them, this month (so far) first.
  months: PartnerScorecardMonth[];
};

/**
 * A partner's scorecard page (their own, or any partner's for an admin): null when the id is
 * not an active partner holding a scorecard role (the page answers 404). At most 2 round trips.
 */
export async function loadPartnerScorecardPage(
  db: Database,
  partnerId: string,
  rules: Policy,
  now: Date,
): Promise<PartnerScorecardPage | null> {
  void db;
  void partnerId;
  void rules;
  void now;
  throw new Error('loadPartnerScorecardPage: not built yet');
}
