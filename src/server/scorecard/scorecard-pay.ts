import type { PartnerRole, Policy } from '../../policy/index.ts';
import type { MonthCounts, ScorecardCounts } from './scorecard-rules.ts';

export type IncentivePolicy = Pick<Policy, 'incentives'> & {
  agency: Pick<Policy['agency'], 'currency'>;
};
type Incentives = Policy['incentives'];

/** The lines of a month's amount, in the order a scorecard lists them (labels: scorecard.lines). */
export const INCENTIVE_LINE_KINDS = [
  'base',
  'renewedAfterFirstMonth',
  'lostAfterFirstMonth',
  'refundInFirstDays',
  'noRefundInFirstDays',
  'missedLaunch',
  'bestOfMonth',
] as const;
export type IncentiveLineKind = (typeof INCENTIVE_LINE_KINDS)[number];

/** One line of the month's amount: what, how many, each (signed: a deduction is negative). */
export type IncentiveLine = {
  kind: IncentiveLineKind;
  count: number;
  unitMinorUnits: number;
  totalMinorUnits: number;
};

/** A partner's month: its counts and, for a paid role, its amount line by line. */
export type Scorecard = MonthCounts & {
  currency: string;
  lines: IncentiveLine[];
  // The lines that depend on the month's work (not the base, not the best-of-month bonus).
  variableMinorUnits: number;
  totalMinorUnits: number;
};

// Whether each line adds to the amount or takes from it.
const SIGN: Record<IncentiveLineKind, 1 | -1> = {
  base: 1,
  renewedAfterFirstMonth: 1,
  lostAfterFirstMonth: -1,
  refundInFirstDays: -1,
  noRefundInFirstDays: 1,
  missedLaunch: -1,
  bestOfMonth: 1,
};

const line = (kind: IncentiveLineKind, count: number, incentives: Incentives): IncentiveLine => {
  const unitMinorUnits = SIGN[kind] * incentives[kind].minorUnits;
  return { kind, count, unitMinorUnits, totalMinorUnits: count * unitMinorUnits };
};

/** Whether a partner with these roles is paid by the incentives (the scorecard is for all). */
export function earnsIncentives(roles: readonly PartnerRole[], rules: IncentivePolicy): boolean {
  return roles.some((role) => rules.incentives.paidRoles.includes(role));
}

/** The variable lines a month's counts earn, in the policy's order. */
function variableLines(counts: ScorecardCounts, incentives: Incentives): IncentiveLine[] {
  return [
    line('renewedAfterFirstMonth', counts.renewals, incentives),
    line('lostAfterFirstMonth', counts.lostAfterFirstMonth, incentives),
    line('refundInFirstDays', counts.refundsInFirstDays, incentives),
    line('noRefundInFirstDays', counts.noRefundInFirstDays, incentives),
    line('missedLaunch', counts.launches.missed, incentives),
  ];
}

/**
 * A month's scorecard: the counts and, when the partner is paid by the incentives, the base
 * and each variable line (a line with no count stays, at zero, so the page lists them all).
 */
export function scorecardOf(month: MonthCounts, paid: boolean, rules: IncentivePolicy): Scorecard {
  const { incentives } = rules;
  if (!paid) {
    return {
      ...month,
      currency: rules.agency.currency,
      lines: [],
      variableMinorUnits: 0,
      totalMinorUnits: 0,
    };
  }
  const variable = variableLines(month.counts, incentives);
  const lines = [line('base', 1, incentives), ...variable];
  const sum = (all: IncentiveLine[]) => all.reduce((total, l) => total + l.totalMinorUnits, 0);
  return {
    ...month,
    currency: rules.agency.currency,
    lines,
    variableMinorUnits: sum(variable),
    totalMinorUnits: sum(lines),
  };
}

export type RankedScorecard = { partnerId: string; scorecard: Scorecard };
export type BestOfMonth = { partnerIds: string[]; eachMinorUnits: number };

// On a tie, each tie-breaker in the policy's order: negative when `a` is ahead of `b`.
const TIE_BREAKERS = {
  fewer_deadlines_missed: (a: Scorecard, b: Scorecard) =>
    a.counts.deadlinesMissed - b.counts.deadlinesMissed,
  // A partner with no answers is behind any with answers.
  higher_satisfaction: (a: Scorecard, b: Scorecard) =>
    (b.counts.satisfaction.average ?? 0) - (a.counts.satisfaction.average ?? 0),
} satisfies Record<Incentives['bestOfMonth']['tieBreakers'][number], unknown>;

function compare(a: Scorecard, b: Scorecard, rules: IncentivePolicy): number {
  const byAmount = b.variableMinorUnits - a.variableMinorUnits;
  if (byAmount !== 0) return byAmount;
  for (const breaker of rules.incentives.bestOfMonth.tieBreakers) {
    const order = TIE_BREAKERS[breaker](a, b);
    if (order !== 0) return order;
  }
  return 0;
}

/**
 * The best of the month among paid partners: the highest variable amount above zero; on a
 * tie, the policy's tie-breakers in order; still tied, they share the bonus (each gets an
 * equal part, rounded down to the cent). Null when nobody earned a variable amount above zero.
 */
export function bestOfMonth(
  scorecards: readonly RankedScorecard[],
  rules: IncentivePolicy,
): BestOfMonth | null {
  const eligible = scorecards.filter(
    ({ scorecard }) => scorecard.lines.length > 0 && scorecard.variableMinorUnits > 0,
  );
  const [first] = [...eligible].sort((a, b) => compare(a.scorecard, b.scorecard, rules));
  if (!first) return null;
  const partnerIds = eligible
    .filter(({ scorecard }) => compare(scorecard, first.scorecard, rules) === 0)
    .map(({ partnerId }) => partnerId);
  const bonus = rules.incentives.bestOfMonth.minorUnits;
  return { partnerIds, eachMinorUnits: Math.floor(bonus / partnerIds.length) };
}

/** A scorecard with the best-of-month line added when its partner is among the best. */
export function withBestOfMonth(ranked: RankedScorecard, best: BestOfMonth | null): Scorecard {
  const { scorecard, partnerId } = ranked;
  if (!best?.partnerIds.includes(partnerId)) return scorecard;
  const bonus: IncentiveLine = {
    kind: 'bestOfMonth',
    count: 1,
    unitMinorUnits: best.eachMinorUnits,
    totalMinorUnits: best.eachMinorUnits,
  };
  return {
    ...scorecard,
    lines: [...scorecard.lines, bonus],
    totalMinorUnits: scorecard.totalMinorUnits + best.eachMinorUnits,
  };
}
