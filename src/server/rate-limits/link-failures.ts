import type { Database } from '../../../db/client.ts';
import type { Policy } from '../../policy/index.ts';
import { countHit, judgeHit, type RateVerdict } from './rate-limits.ts';

/**
 * Counts a client link that did not open (unknown, revoked, expired) against the visitor's
 * address. Links carry 160 random bits, so guessing is hopeless anyway; the limit keeps a
 * guesser from hammering the database. Valid links are never counted or slowed.
 */
export async function countLinkFailure(
  db: Database,
  rules: Pick<Policy, 'rateLimits'>,
  ip: string | null,
  now: Date,
): Promise<RateVerdict> {
  const limit = rules.rateLimits.clientLinkFailuresPerIp;
  const [counter] = await countHit(db, `client-link:ip:${ip ?? 'unknown'}`, limit, now);
  return counter ? judgeHit(counter, limit, now) : { allowed: true };
}
