import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agencyPolicy } from '../../../src/policy/agency-policy.ts';
import { parsePolicy, policy } from '../../../src/policy/index.ts';

const adManagers = readFileSync(
  new URL('../../../../shared/source-documents/003_c451c1338350a613.txt', import.meta.url),
  'utf8',
);
const tenge = (figure: string) => Number(figure.replace(/\s/g, '')) * 100;

describe('policy.incentives', () => {
  it('keeps the motivation system’s tenge figures as its reference', () => {
    const figure = (pattern: RegExp) => tenge(adManagers.match(pattern)?.[1] ?? 'NaN');
    const { incentives } = policy;
    expect(incentives.reference.currency).toBe('KZT');
    expect(incentives.base.referenceMinorUnits).toBe(figure(/Оклад — ([\d ]+) тенге/));
    expect(incentives.renewedAfterFirstMonth.referenceMinorUnits).toBe(
      figure(/продлившего клиента после месяца обслуживания \+ ([\d ]+) тенге/),
    );
    expect(incentives.lostAfterFirstMonth.referenceMinorUnits).toBe(
      figure(/потерянного клиента после месяца обслуживания – ([\d ]+) тенге/),
    );
    expect(incentives.refundInFirstDays.referenceMinorUnits).toBe(
      figure(/вернувшего деньги в первые 10 дней – ([\d ]+) тенге/),
    );
    expect(incentives.noRefundInFirstDays.referenceMinorUnits).toBe(
      figure(/не вернул деньги в первые 10 дней \+ ([\d ]+) тенге/),
    );
    expect(incentives.bestOfMonth.referenceMinorUnits).toBe(
      figure(/Бонус лучшему менеджеру месяца ([\d ]+) тенге/),
    );
    // The document fines a launch past 72 hours without naming a figure.
    expect(adManagers).toMatch(/не более 72 часов, в противном случае будет назначен штраф/);
    expect(incentives.missedLaunch.referenceMinorUnits).toBeNull();
  });

  it('pays in the agency’s currency, to paid traffic, with a scorecard for every partner', () => {
    expect(policy.agency.currency).toBe('BRL');
    expect(policy.incentives.paidRoles).toEqual(['paid_traffic']);
    expect(policy.incentives.scorecardRoles).toEqual([
      'cs',
      'paid_traffic',
      'organic_traffic',
      'design',
    ]);
    expect(policy.refunds.earlyWithinDays).toBe(10);
  });

  it('refuses a negative amount, a staff role and an unknown tie-breaker, by path', () => {
    const broken = {
      ...agencyPolicy,
      incentives: {
        ...agencyPolicy.incentives,
        base: { minorUnits: -1, referenceMinorUnits: null },
        paidRoles: ['finance'],
        bestOfMonth: { ...agencyPolicy.incentives.bestOfMonth, tieBreakers: ['seniority'] },
      },
    } as unknown as typeof agencyPolicy;
    expect(() => parsePolicy(broken)).toThrow(/incentives\.base\.minorUnits/);
    expect(() => parsePolicy(broken)).toThrow(/incentives\.paidRoles\.0/);
    expect(() => parsePolicy(broken)).toThrow(/incentives\.bestOfMonth\.tieBreakers\.0/);
  });
});
