import { describe, expect, it } from 'vitest';
import { agencyPolicy } from '../../../src/policy/agency-policy.ts';
import { parsePolicy, policy } from '../../../src/policy/index.ts';
import { isSessionExpired, shouldRenewSession } from '../../../src/server/auth/session-rules.ts';

const DAY = 86_400_000;
const rules = policy.clientSpace.sessions;
const created = new Date('2026-03-02T13:00:00.000Z');
const later = (ms: number) => new Date(created.getTime() + ms);

describe("the client space's session rules (the partners' rules with the space's numbers)", () => {
  it('ends a session unused for the idle days at that exact instant', () => {
    const session = { createdAt: created, lastVerifiedAt: created };
    expect(isSessionExpired(session, rules, later(rules.idleDays * DAY - 1))).toBe(false);
    expect(isSessionExpired(session, rules, later(rules.idleDays * DAY))).toBe(true);
  });

  it('ends a session used every day at the absolute limit', () => {
    const session = { createdAt: created, lastVerifiedAt: later(rules.absoluteDays * DAY - DAY) };
    expect(isSessionExpired(session, rules, later(rules.absoluteDays * DAY - 1))).toBe(false);
    expect(isSessionExpired(session, rules, later(rules.absoluteDays * DAY))).toBe(true);
  });

  it('writes the last use again at most once per renewal period', () => {
    const session = { createdAt: created, lastVerifiedAt: created };
    const period = rules.renewAfterMinutes * 60_000;
    expect(shouldRenewSession(session, rules, later(period - 1))).toBe(false);
    expect(shouldRenewSession(session, rules, later(period))).toBe(true);
  });

  it('the policy refuses a space session that would end before its idle expiry', () => {
    const broken = {
      ...agencyPolicy,
      clientSpace: {
        ...agencyPolicy.clientSpace,
        sessions: { idleDays: 10, absoluteDays: 5, renewAfterMinutes: 60 },
      },
    };
    expect(() => parsePolicy(broken)).toThrow(/clientSpace\.sessions\.absoluteDays/);
    expect(() =>
      parsePolicy({
        ...agencyPolicy,
        clientSpace: { ...agencyPolicy.clientSpace, signInLinkMinutes: 0 },
      }),
    ).toThrow(/clientSpace\.signInLinkMinutes/);
  });
});
