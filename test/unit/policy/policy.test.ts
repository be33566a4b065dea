import { describe, expect, it } from 'vitest';
import { agencyPolicy } from '../../../src/policy/agency-policy.ts';
import { mayRequestTask, PARTNER_ROLES, parsePolicy, policy } from '../../../src/policy/index.ts';

describe('the agency policy', () => {
  it('parses', () => {
    expect(policy.agency).toMatchObject({
      timeZone: 'America/Sao_Paulo',
      currency: 'BRL',
      defaultLocale: 'pt-BR',
    });
  });

  it('rejects invalid data, naming every problem by its path', () => {
    const broken = {
      ...agencyPolicy,
      agency: { ...agencyPolicy.agency, timeZone: 'Mars/Olympus' },
      invoices: { ...agencyPolicy.invoices, windowOpensDay: 6, windowClosesDay: 5 },
    };
    expect(() => parsePolicy(broken)).toThrow(/agency\.timeZone: unknown IANA time zone/);
    expect(() => parsePolicy(broken)).toThrow(/invoices\.windowClosesDay/);
  });

  it('gives every partner and staff role a label and services in both handbook languages', () => {
    for (const role of Object.values(policy.roles)) {
      expect(role.label['pt-BR']).not.toBe('');
      expect(role.label.en).not.toBe('');
      expect(role.services.length).toBeGreaterThan(0);
    }
  });
});

describe('mayRequestTask (the routing matrix, every pair)', () => {
  const allowed = new Set([
    'cs>cs',
    'cs>paid_traffic',
    'cs>organic_traffic',
    'cs>design',
    'paid_traffic>cs',
    'organic_traffic>cs',
    'design>cs',
  ]);
  for (const from of PARTNER_ROLES) {
    for (const to of PARTNER_ROLES) {
      const expected = allowed.has(`${from}>${to}`);
      it(`${from} ${expected ? 'may' : 'may not'} open a task for ${to}`, () => {
        expect(mayRequestTask(policy, from, to)).toBe(expected);
      });
    }
  }
});
