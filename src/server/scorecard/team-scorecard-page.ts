import type { Database } from '../../../db/client.ts';
import type { Policy } from '../../policy/index.ts';
import type { TeamMonth } from './team-scorecards.ts';

/** The admins' scorecard of a month: every partner's, the best of it, and the months to choose. */
export type TeamScorecardPage = {
  month: string;
  // The months the chooser offers, newest first (this month and policy.incentives.scorecardMonths − 1 before).
  months: string[];
  team: TeamMonth;
};

/**
 * The admin scorecard page's data: the month asked (`YYYY-MM`, null: this month), or null when
 * the month is not one the chooser offers (the page answers 404). At most 2 round trips.
 */
export async function loadTeamScorecardPage(
  db: Database,
  month: string | null,
  rules: Policy,
  now: Date,
): Promise<TeamScorecardPage | null> {
  void db;
  void month;
  void rules;
  void now;
  throw new Error('loadTeamScorecardPage: not built yet');
}
