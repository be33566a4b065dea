import { describe, expect, it } from 'vitest';
import { policy } from '../../../src/policy/index.ts';
import {
  isSessionExpired,
  sessionExpiresAt,
  shouldRenewSession,
} from '../../../src/server/auth/session-rules.ts';
import {
  generateSecretToken,
  hashToken,
  looksLikeToken,
  TOKEN_BYTES,
} from '../../../src/server/auth/tokens.ts';

const rules = policy.sessions;
const DAY = 86_400_000;
const created = new Date('2026-03-02T13:00:00.000Z');
const sinceCreated = (ms: number) => new Date(created.getTime() + ms);

describe('session expiry (policy: idle and absolute limits)', () => {
  const fresh = { createdAt: created, lastVerifiedAt: created };

  it('ends an unused session exactly at the idle limit, not a millisecond before', () => {
    expect(isSessionExpired(fresh, rules, sinceCreated(rules.idleDays * DAY - 1))).toBe(false);
    expect(isSessionExpired(fresh, rules, sinceCreated(rules.idleDays * DAY))).toBe(true);
  });

  it('ends a session in daily use at the absolute limit', () => {
    const usedYesterday = {
      createdAt: created,
      lastVerifiedAt: sinceCreated(rules.absoluteDays * DAY - DAY),
    };
    expect(sessionExpiresAt(usedYesterday, rules)).toEqual(sinceCreated(rules.absoluteDays * DAY));
    expect(isSessionExpired(usedYesterday, rules, sinceCreated(rules.absoluteDays * DAY - 1))).toBe(
      false,
    );
    expect(isSessionExpired(usedYesterday, rules, sinceCreated(rules.absoluteDays * DAY))).toBe(
      true,
    );
  });

  it('renews the last use at most once per renewal period', () => {
    const period = rules.renewAfterMinutes * 60_000;
    expect(shouldRenewSession(fresh, rules, sinceCreated(period - 1))).toBe(false);
    expect(shouldRenewSession(fresh, rules, sinceCreated(period))).toBe(true);
  });
});

describe('secret tokens', () => {
  it('carry at least 160 random bits, in base32, and are never repeated', () => {
    expect(TOKEN_BYTES * 8).toBeGreaterThanOrEqual(160);
    const tokens = new Set(Array.from({ length: 1000 }, generateSecretToken));
    expect(tokens.size).toBe(1000);
    for (const token of tokens) expect(looksLikeToken(token)).toBe(true);
  });

  it('are stored as their SHA-256, which does not contain the token', () => {
    const token = generateSecretToken();
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token);
    expect(hashToken('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
