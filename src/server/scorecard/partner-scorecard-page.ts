import type { Database } from '../../../db/client.ts';
import type { Policy } from '../../policy/index.ts';
import type { Scorecard } from './scorecard-pay.ts';
import { scorecardMonthsAt } from './team-scorecard-page.ts';
import { loadTeamScorecards } from './team-scorecards.ts';

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
  const months = scorecardMonthsAt(now, rules);
  const newest = months[0] as string;
  const oldest = months[months.length - 1] as string;
  // Theirs and the paid partners': whether they were the best of each is judged among these.
  const range = { from: oldest, to: newest };
  const team = await loadTeamScorecards(db, range, rules, now, partnerId);
  const theirs = team.flatMap(({ month, partners, best }) =>
    partners
      .filter((p) => p.partnerId === partnerId)
      .map((p) => ({ month, partner: p, best: best?.partnerIds.includes(partnerId) ?? false })),
  );
  const [first] = theirs;
  // An active partner is on every month; one who has left only on the closed months they
  // worked (isOnMonth), and has no page.
  if (!first || theirs.length !== months.length) return null;
  return {
    partnerId,
    name: first.partner.name,
    paid: first.partner.paid,
    months: theirs
      .map(({ month, partner, best }) => ({ month, scorecard: partner.scorecard, best }))
      .reverse(),
  };
}
