import { describe, expect, it } from 'vitest';
import { policy } from '../../../src/policy/index.ts';
import { pipelineRulesKey } from '../../../src/server/deadlines/pipeline-rules-key.ts';

/** A copy of the policy with one part changed (a new object: keys are remembered per object). */
const changed = (patch: Partial<typeof policy>) => ({ ...policy, ...patch });

describe('the key of the policy a stored pipeline deadline was computed with', () => {
  it('is short and stable: the rules version and eight hex digits, the same for an equal policy', () => {
    expect(pipelineRulesKey(policy)).toMatch(/^v1-[0-9a-f]{8}$/);
    expect(pipelineRulesKey(structuredClone(policy))).toBe(pipelineRulesKey(policy));
  });

  it('does not depend on the order the policy spells its keys in', () => {
    const reordered = {
      ...policy,
      businessHours: Object.fromEntries(
        Object.entries(policy.businessHours).reverse(),
      ) as typeof policy.businessHours,
    };
    expect(pipelineRulesKey(reordered)).toBe(pipelineRulesKey(policy));
  });

  it('changes with each part the computation uses: deadlines, business hours, holidays, time zone', () => {
    const key = pipelineRulesKey(policy);
    const variants = [
      changed({
        newClientDeadlines: { ...policy.newClientDeadlines, contactWithinMinutes: 61 },
      }),
      changed({ businessHours: { ...policy.businessHours, opensAt: '08:59' } }),
      changed({
        holidays: {
          ...policy.holidays,
          agencyOneOff: [
            ...policy.holidays.agencyOneOff,
            { date: '2026-07-01', name: { 'pt-BR': 'Folga', en: 'Day off', ru: 'Выходной' } },
          ],
        },
      }),
      changed({ agency: { ...policy.agency, timeZone: 'America/Manaus' } }),
    ];
    const keys = variants.map(pipelineRulesKey);
    for (const other of keys) expect(other).not.toBe(key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('stays the same when a part it does not use changes (the invoice window)', () => {
    expect(pipelineRulesKey(changed({ invoices: { ...policy.invoices, windowOpensDay: 3 } }))).toBe(
      pipelineRulesKey(policy),
    );
  });
});
