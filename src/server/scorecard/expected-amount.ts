import type { Database } from '../../../db/client.ts';
import type { Policy } from '../../policy/index.ts';
import type { MonthClosing } from './month-closing.ts';
import type { IncentiveLine } from './scorecard-pay.ts';
import { loadTeamScorecards, type TeamMonth } from './team-scorecards.ts';

/** An amount of money in minor units (cents), with its currency (ISO 4217). */
export type Money = { minorUnits: number; currency: string };

/**
 * How an invoice's amount stands against what the scorecard expects: equal, above or below by
 * `minorUnits` (always positive), or not compared because the currencies differ (converting
 * would need a rate Ponte does not keep).
 */
export type InvoiceDifference =
  | { kind: 'equal' }
  | { kind: 'above' | 'below'; minorUnits: number }
  | { kind: 'otherCurrency' };

/** The invoice's amount against the scorecard's expected total: by how much above or below. */
export function invoiceDifference(invoice: Money, expected: Money): InvoiceDifference {
  if (invoice.currency !== expected.currency) return { kind: 'otherCurrency' };
  const difference = invoice.minorUnits - expected.minorUnits;
  if (difference === 0) return { kind: 'equal' };
  return difference > 0
    ? { kind: 'above', minorUnits: difference }
    : { kind: 'below', minorUnits: -difference };
}

/**
 * What the finance review shows beside an invoice: nothing to expect when its partner is not
 * paid by the incentives (or holds no scorecard role, or has left); otherwise the amount the
 * scorecard expects for the invoice's competence month, its lines, whether the month is
 * closed (as stored then), over or counted so far, and the invoice's difference from it. Only the invoice's partner's own
 * lines: no other partner's scorecard, nor who else was the best of the month.
 */
export type ExpectedAmount =
  | { kind: 'notPaid' }
  | {
      kind: 'expected';
      partnerId: string;
      month: string;
      complete: boolean;
      // Closed (frozen as it stood then), complete until it closes, or so far.
      closing: MonthClosing;
      currency: string;
      lines: IncentiveLine[];
      totalMinorUnits: number;
      difference: InvoiceDifference;
    };

/** The invoice fields the expected amount is read for. */
export type InvoiceToExpect = {
  partnerId: string;
  competenceMonth: string;
  amountMinor: number;
  currency: string;
};

/** The invoice partner's expected amount, picked from the team's scorecards of its month. */
export function expectedAmountOf(
  team: readonly TeamMonth[],
  invoice: InvoiceToExpect,
): ExpectedAmount {
  const month = team.find((m) => m.month === invoice.competenceMonth);
  const partner = month?.partners.find((p) => p.partnerId === invoice.partnerId);
  if (!month || !partner?.paid) return { kind: 'notPaid' };
  const { scorecard } = partner;
  return {
    kind: 'expected',
    partnerId: partner.partnerId,
    month: month.month,
    complete: month.complete,
    closing: month.closing,
    currency: scorecard.currency,
    lines: scorecard.lines,
    totalMinorUnits: scorecard.totalMinorUnits,
    difference: invoiceDifference(
      { minorUnits: invoice.amountMinor, currency: invoice.currency },
      { minorUnits: scorecard.totalMinorUnits, currency: scorecard.currency },
    ),
  };
}

/**
 * The amount the scorecard expects for an invoice's partner and competence month. The invoice's
 * partner and every paid partner are counted (the best-of-month line depends on every paid
 * partner's; no other's, so a CS's or designer's month is not counted); the team loader's
 * round trips (at most 2) are this function's.
 */
export async function loadExpectedAmount(
  db: Database,
  invoice: InvoiceToExpect,
  rules: Policy,
  now: Date,
): Promise<ExpectedAmount> {
  const month = invoice.competenceMonth;
  const range = { from: month, to: month };
  const team = await loadTeamScorecards(db, range, rules, now, invoice.partnerId);
  return expectedAmountOf(team, invoice);
}
