import { describe, expect, it } from 'vitest';
import { policy } from '../../../src/policy/index.ts';
import {
  expectedAmountOf,
  invoiceDifference,
} from '../../../src/server/scorecard/expected-amount.ts';
import {
  INCENTIVE_LINE_KINDS,
  scorecardOf,
  withBestOfMonth,
} from '../../../src/server/scorecard/scorecard-pay.ts';
import { emptyCounts } from '../../../src/server/scorecard/scorecard-rules.ts';
import type { TeamMonth } from '../../../src/server/scorecard/team-scorecards.ts';

const brl = (minorUnits: number) => ({ minorUnits, currency: 'BRL' });

describe('an invoice’s amount against the scorecard’s', () => {
  it('is equal to the cent', () => {
    expect(invoiceDifference(brl(169_000), brl(169_000))).toEqual({ kind: 'equal' });
  });

  it('is above or below by the exact cents, one cent either side', () => {
    expect(invoiceDifference(brl(169_001), brl(169_000))).toEqual({ kind: 'above', minorUnits: 1 });
    expect(invoiceDifference(brl(168_999), brl(169_000))).toEqual({ kind: 'below', minorUnits: 1 });
    expect(invoiceDifference(brl(450_000), brl(150_000))).toEqual({
      kind: 'above',
      minorUnits: 300_000,
    });
  });

  it('compares with an expected total below zero (deductions beyond the base)', () => {
    expect(invoiceDifference(brl(0), brl(-5_000))).toEqual({ kind: 'above', minorUnits: 5_000 });
  });

  it('does not compare amounts in different currencies, even when the figures match', () => {
    const usd = { minorUnits: 169_000, currency: 'USD' };
    expect(invoiceDifference(usd, brl(169_000))).toEqual({ kind: 'otherCurrency' });
  });
});

const card = (renewals: number, paid: boolean) =>
  scorecardOf(
    {
      month: '2026-02',
      complete: true,
      asOf: new Date('2026-03-01T03:00:00Z'),
      counts: { ...emptyCounts(), renewals },
    },
    paid,
    policy,
  );

const team: TeamMonth[] = [
  {
    month: '2026-02',
    complete: true,
    closing: { kind: 'complete', closesAt: new Date('2026-03-06T03:00:00Z') },
    best: { partnerIds: ['ana'], eachMinorUnits: 30_000 },
    partners: [
      {
        partnerId: 'ana',
        name: 'Ana',
        roles: ['paid_traffic'],
        paid: true,
        scorecard: withBestOfMonth(
          { partnerId: 'ana', scorecard: card(2, true) },
          { partnerIds: ['ana'], eachMinorUnits: 30_000 },
        ),
      },
      {
        partnerId: 'bia',
        name: 'Bia',
        roles: ['paid_traffic'],
        paid: true,
        scorecard: card(0, true),
      },
      {
        partnerId: 'caio',
        name: 'Caio',
        roles: ['design'],
        paid: false,
        scorecard: card(1, false),
      },
    ],
  },
];

const invoice = (partnerId: string, amountMinor: number, competenceMonth = '2026-02') => ({
  partnerId,
  competenceMonth,
  amountMinor,
  currency: 'BRL',
});

describe('the expected amount of an invoice', () => {
  it('is its partner’s total with their lines, the best-of-month bonus included', () => {
    const expected = expectedAmountOf(team, invoice('ana', 200_000));
    expect(expected).toMatchObject({
      kind: 'expected',
      partnerId: 'ana',
      month: '2026-02',
      complete: true,
      currency: 'BRL',
      // 1 500,00 base + 2 × 100,00 renewals + 300,00 best of the month
      totalMinorUnits: 200_000,
      difference: { kind: 'equal' },
    });
    // Every line in the policy's order, the best-of-month bonus last.
    expect(expected.kind === 'expected' && expected.lines.map((l) => l.kind)).toEqual(
      INCENTIVE_LINE_KINDS,
    );
  });

  it('holds only that partner’s scorecard: no other partner, no other best', () => {
    const expected = expectedAmountOf(team, invoice('bia', 140_000));
    expect(Object.keys(expected).sort()).toEqual([
      'closing',
      'complete',
      'currency',
      'difference',
      'kind',
      'lines',
      'month',
      'partnerId',
      'totalMinorUnits',
    ]);
    expect(JSON.stringify(expected)).not.toMatch(/ana|Ana|Bia|bestOfMonth/);
    expect(expected).toMatchObject({ difference: { kind: 'below', minorUnits: 10_000 } });
  });

  it('is nothing to expect for a role the incentives do not pay, or a partner not on it', () => {
    expect(expectedAmountOf(team, invoice('caio', 100_000))).toEqual({ kind: 'notPaid' });
    expect(expectedAmountOf(team, invoice('gone', 100_000))).toEqual({ kind: 'notPaid' });
    expect(expectedAmountOf(team, invoice('ana', 100_000, '2026-01'))).toEqual({ kind: 'notPaid' });
  });

  it('says when the month is counted so far', () => {
    const soFar = team.map((m) => ({ ...m, complete: false }));
    expect(expectedAmountOf(soFar, invoice('bia', 150_000))).toMatchObject({
      complete: false,
      difference: { kind: 'equal' },
    });
  });
});
