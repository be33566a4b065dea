import type { Database } from '../../../db/client.ts';
import { addMonths, isoDateInZone, type Policy } from '../../policy/index.ts';
import { loadTeamScorecards, type TeamMonth } from './team-scorecards.ts';

/** The admins' scorecard of a month: every partner's, the best of it, and the months to choose. */
export type TeamScorecardPage = {
  month: string;
  // The months the chooser offers, newest first (this month and policy.incentives.scorecardMonths − 1 before).
  months: string[];
  team: TeamMonth;
  // The names of the month's best, in the table's order (empty: no best).
  bestNames: string[];
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
  const months = scorecardMonthsAt(now, rules);
  const asked = month ?? months[0];
  if (!asked || !months.includes(asked)) return null;
  const [team] = await loadTeamScorecards(db, { from: asked, to: asked }, rules, now);
  if (!team) return null;
  const bestIds = team.best?.partnerIds ?? [];
  const bestNames = team.partners.filter((p) => bestIds.includes(p.partnerId)).map((p) => p.name);
  return { month: asked, months, team, bestNames };
}

/**
 * The months a scorecard shows at `now`, newest first: this month (agency time zone) and
 * policy.incentives.scorecardMonths − 1 before it.
 */
export function scorecardMonthsAt(
  now: Date,
  rules: Pick<Policy, 'incentives'> & { agency: Pick<Policy['agency'], 'timeZone'> },
): string[] {
  const thisMonth = isoDateInZone(now, rules.agency.timeZone).slice(0, 7);
  return Array.from({ length: rules.incentives.scorecardMonths }, (_, i) =>
    addMonths(thisMonth, -i),
  );
}
