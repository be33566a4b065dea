import type { Database } from '../../../db/client.ts';
import type { PartnerRole, Policy } from '../../policy/index.ts';
import type { BestOfMonth, Scorecard } from './scorecard-pay.ts';

/** One partner's scorecard for a month, with who they are (names are shown to admins only). */
export type PartnerScorecard = {
  partnerId: string;
  name: string;
  roles: PartnerRole[];
  // Paid by the incentives (policy.incentives.paidRoles): the scorecard has money lines.
  paid: boolean;
  // With the best-of-month line when the partner is among the month's best.
  scorecard: Scorecard;
};

/** Every scorecard partner's month, and the best of it (so far, when the month is not over). */
export type TeamMonth = {
  month: string;
  complete: boolean;
  partners: PartnerScorecard[];
  best: BestOfMonth | null;
};

/** The months asked for, oldest first (`YYYY-MM`, agency time zone), both ends included. */
export type MonthRange = { from: string; to: string };

/**
 * Every active partner holding a scorecard role (policy.incentives.scorecardRoles) and their
 * scorecard for each month of the range, counted at `now` by countMonth/scorecardOf/
 * withBestOfMonth, in at most 2 database round trips whatever the number of partners.
 * Which records count for whom (README "Partner scorecard and incentives"):
 * - a client's pipeline (first contacts, launches, renewals, losses, refunds in the first
 *   days) counts for its CS and its paid-traffic partners: the people who run the client;
 * - a change: one tied to a piece counts for the piece's designer (the project's), else a
 *   post counts for the client's design partners and a targeting or text change for its
 *   paid-traffic partners;
 * - other deadlines: the tasks assigned to the partner (due the end of their due day),
 *   done when completed; a piece's due day for its designer, met when first sent on;
 * - satisfaction answers: all of a client's for its CS; a piece's approval answer also for
 *   the partners who worked on the piece (its designer and who uploaded its versions).
 */
export async function loadTeamScorecards(
  db: Database,
  months: MonthRange,
  rules: Policy,
  now: Date,
): Promise<TeamMonth[]> {
  void db;
  void months;
  void rules;
  void now;
  throw new Error('loadTeamScorecards: not built yet');
}
