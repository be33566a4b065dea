import { describe, expect, it } from 'vitest';
import { createTranslator, LOCALES } from '../../../src/i18n/index.ts';
import { policy } from '../../../src/policy/index.ts';
import {
  bestOfMonth,
  earnsIncentives,
  INCENTIVE_LINE_KINDS,
  type RankedScorecard,
  scorecardOf,
  withBestOfMonth,
} from '../../../src/server/scorecard/scorecard-pay.ts';
import {
  emptyCounts,
  type MonthCounts,
  type ScorecardCounts,
} from '../../../src/server/scorecard/scorecard-rules.ts';

const month = (over: Partial<ScorecardCounts> = {}): MonthCounts => ({
  month: '2026-03',
  complete: true,
  asOf: new Date('2026-04-01T03:00:00Z'),
  counts: { ...emptyCounts(), ...over },
});

describe('the month’s amount line by line', () => {
  it('pays the base and each line at the policy’s amounts, deductions negative', () => {
    const card = scorecardOf(
      month({
        renewals: 3,
        lostAfterFirstMonth: 1,
        refundsInFirstDays: 1,
        noRefundInFirstDays: 4,
        launches: { onTime: 2, missed: 2, ahead: 0 },
      }),
      true,
      policy,
    );
    expect(card.currency).toBe('BRL');
    expect(card.lines).toEqual([
      { kind: 'base', count: 1, unitMinorUnits: 150_000, totalMinorUnits: 150_000 },
      { kind: 'renewedAfterFirstMonth', count: 3, unitMinorUnits: 10_000, totalMinorUnits: 30_000 },
      { kind: 'lostAfterFirstMonth', count: 1, unitMinorUnits: -5_000, totalMinorUnits: -5_000 },
      { kind: 'refundInFirstDays', count: 1, unitMinorUnits: -4_000, totalMinorUnits: -4_000 },
      { kind: 'noRefundInFirstDays', count: 4, unitMinorUnits: 2_000, totalMinorUnits: 8_000 },
      { kind: 'missedLaunch', count: 2, unitMinorUnits: -5_000, totalMinorUnits: -10_000 },
    ]);
    expect(card.variableMinorUnits).toBe(19_000);
    expect(card.totalMinorUnits).toBe(169_000);
  });

  it('gives a role the incentives do not pay its counts and no money', () => {
    const card = scorecardOf(month({ renewals: 3 }), false, policy);
    expect(card).toMatchObject({ lines: [], variableMinorUnits: 0, totalMinorUnits: 0 });
    expect(card.counts.renewals).toBe(3);
  });

  it.each(LOCALES)('names every line in %s, with the policy’s days and hours', (locale) => {
    const t = createTranslator(locale);
    for (const kind of INCENTIVE_LINE_KINDS) {
      const label = t(`scorecard.lines.${kind}`, { days: 10, hours: 72 });
      expect(label, kind).not.toContain('scorecard.lines');
      expect(label, kind).not.toMatch(/[{}]/);
    }
  });

  it('pays paid traffic only, as the policy says', () => {
    expect(earnsIncentives(['paid_traffic'], policy)).toBe(true);
    expect(earnsIncentives(['cs', 'design'], policy)).toBe(false);
  });
});

describe('the best of the month', () => {
  const ranked = (
    partnerId: string,
    over: Partial<ScorecardCounts>,
    paid = true,
  ): RankedScorecard => ({ partnerId, scorecard: scorecardOf(month(over), paid, policy) });

  it('is the highest variable amount among the paid', () => {
    const best = bestOfMonth(
      [
        ranked('ana', { renewals: 2 }),
        ranked('bia', { renewals: 3 }, false),
        ranked('caio', { renewals: 1 }),
      ],
      policy,
    );
    expect(best).toEqual({ partnerIds: ['ana'], eachMinorUnits: 30_000 });
  });

  it('breaks a tie on fewer deadlines missed, then on higher satisfaction', () => {
    const satisfied = (average: number) => ({ answers: 2, average, low: 0 });
    const fewerMissed = bestOfMonth(
      [
        ranked('ana', { renewals: 2, deadlinesMissed: 2 }),
        ranked('bia', { renewals: 2, deadlinesMissed: 1 }),
      ],
      policy,
    );
    expect(fewerMissed?.partnerIds).toEqual(['bia']);
    const happier = bestOfMonth(
      [
        ranked('ana', { renewals: 2, satisfaction: satisfied(4.5) }),
        ranked('bia', { renewals: 2, satisfaction: satisfied(4) }),
        ranked('caio', { renewals: 2 }),
      ],
      policy,
    );
    expect(happier?.partnerIds).toEqual(['ana']);
  });

  it('shares the bonus when still tied, rounded down to the cent', () => {
    const odd = {
      agency: policy.agency,
      incentives: {
        ...policy.incentives,
        bestOfMonth: { ...policy.incentives.bestOfMonth, minorUnits: 10_001 },
      },
    };
    const cards = [ranked('ana', { renewals: 1 }), ranked('bia', { renewals: 1 })];
    expect(bestOfMonth(cards, odd)).toEqual({ partnerIds: ['ana', 'bia'], eachMinorUnits: 5_000 });
  });

  it('names nobody when no one earned a variable amount above zero', () => {
    const nothing = [ranked('ana', {}), ranked('bia', { renewals: 1, lostAfterFirstMonth: 2 })];
    expect(bestOfMonth(nothing, policy)).toBeNull();
    expect(bestOfMonth([], policy)).toBeNull();
  });

  it('adds the bonus as a line to the best’s scorecard only', () => {
    const ana = ranked('ana', { renewals: 1 });
    const bia = ranked('bia', {});
    const best = bestOfMonth([ana, bia], policy);
    expect(withBestOfMonth(ana, best).lines.at(-1)).toEqual({
      kind: 'bestOfMonth',
      count: 1,
      unitMinorUnits: 30_000,
      totalMinorUnits: 30_000,
    });
    expect(withBestOfMonth(ana, best).totalMinorUnits).toBe(150_000 + 10_000 + 30_000);
    expect(withBestOfMonth(bia, best)).toBe(bia.scorecard);
  });
});
