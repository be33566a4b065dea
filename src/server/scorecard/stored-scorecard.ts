import type { IncentiveLineKind, Scorecard } from './scorecard-pay.ts';

/**
 * The JSON a closed month's scorecard is stored in (scorecard_month_partners.scorecard), as it
 * is today: format 1. Spelled out rather than `Scorecard` itself, so a change to Scorecard's
 * shape fails to compile here instead of silently changing what format 1 means: then raise
 * SCORECARD_FORMAT, write the new shape, and keep reading this one into the new Scorecard.
 */
type Tally1 = { onTime: number; missed: number; ahead: number };
export type StoredScorecard1 = {
  month: string;
  complete: boolean;
  // An ISO instant: JSON has no dates.
  asOf: string;
  counts: {
    firstContacts: Tally1;
    launches: Tally1;
    changes: Tally1;
    renewals: number;
    lostAfterFirstMonth: number;
    refundsInFirstDays: number;
    noRefundInFirstDays: number;
    refundWindowsOpen: number;
    satisfaction: { answers: number; average: number | null; low: number };
    deadlinesMissed: number;
  };
  currency: string;
  lines: {
    kind: IncentiveLineKind;
    count: number;
    unitMinorUnits: number;
    totalMinorUnits: number;
  }[];
  variableMinorUnits: number;
  totalMinorUnits: number;
};

/** The format a month closed now is written in. */
export const SCORECARD_FORMAT = 1;

/** A scorecard as it is stored when its month closes (SCORECARD_FORMAT). */
export function storedScorecardOf(scorecard: Scorecard): StoredScorecard1 {
  const { month, complete, asOf, counts, currency, lines } = scorecard;
  return {
    month,
    complete,
    asOf: asOf.toISOString(),
    counts,
    currency,
    lines,
    variableMinorUnits: scorecard.variableMinorUnits,
    totalMinorUnits: scorecard.totalMinorUnits,
  };
}

/**
 * A stored scorecard read back, whatever the format it was written in (an unknown format is a
 * programming error: a newer Ponte wrote it). Dates come back as Dates.
 */
export function scorecardFromStored(format: number, json: string): Scorecard {
  if (format !== 1) throw new Error(`Scorecard format ${format} is not one this Ponte reads`);
  const stored = JSON.parse(json) as StoredScorecard1;
  return { ...stored, asOf: new Date(stored.asOf) };
}
