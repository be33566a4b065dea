import type { Database } from '../../../db/client.ts';
import type { Policy } from '../../policy/index.ts';
import type { MonthClosing } from './month-closing.ts';
import type { Scorecard } from './scorecard-pay.ts';
import { scorecardMonthsAt } from './team-scorecard-page.ts';
import { loadTeamScorecards } from './team-scorecards.ts';

/** One month of a partner's own scorecard: theirs only, and whether they were its best. */
export type PartnerScorecardMonth = {
  month: string;
  scorecard: Scorecard;
  best: boolean;
  // Closed (frozen as it stood then), complete until it closes, or so far.
  closing: MonthClosing;
};

/** A partner's scorecard page: this month so far and the past ones, newest first. */
export type PartnerScorecardPage = {
  partnerId: string;
  name: string;
  // Paid by the incentives: the months have money lines (policy.incentives.paidRoles).
  paid: boolean;
  // At most policy.incentives.scorecardMonths of them, this month (so far) first: a closed
  // month holds the partners of when it closed (one who joined since is not on it).
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
  const theirs = team.flatMap(({ month, partners, best, closing }) =>
    partners
      .filter((p) => p.partnerId === partnerId)
      .map((p) => ({
        month,
        partner: p,
        best: best?.partnerIds.includes(partnerId) ?? false,
        closing,
      })),
  );
  const current = theirs[theirs.length - 1];
  // This month (never closed) has every active partner and no one who has left (isOnMonth):
  // one who left stays on the closed months they worked, and has no page.
  if (current?.month !== newest) return null;
  return {
    partnerId,
    // Who they are now (a closed month keeps their name and roles of then).
    name: current.partner.name,
    paid: current.partner.paid,
    months: theirs
      .map(({ month, partner, best, closing }) => ({
        month,
        scorecard: partner.scorecard,
        best,
        closing,
      }))
      .reverse(),
  };
}
