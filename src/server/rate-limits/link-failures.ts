import type { Database } from '../../../db/client.ts';
import type { MessageKey, MessageParams } from '../../i18n/index.ts';
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

/** How a client link that did not open is answered: its own problem, or a wait once the address failed too often. */
export type LinkRefusal =
  | { problem: 'invalid' | 'revoked' | 'expired' }
  | { problem: 'rate_limited'; retryAfterMinutes: number };

/**
 * Counts a link that did not open and says how to answer it. The API and the link pages
 * (`/approval/…`, `/onboarding/…`) both call it, so forged tokens meet one limit per address.
 */
export async function refuseClientLink(
  db: Database,
  rules: Pick<Policy, 'rateLimits'>,
  ip: string | null,
  problem: 'invalid' | 'revoked' | 'expired',
  now: Date,
): Promise<LinkRefusal> {
  const verdict = await countLinkFailure(db, rules, ip, now);
  return verdict.allowed
    ? { problem }
    : { problem: 'rate_limited', retryAfterMinutes: verdict.retryAfterMinutes };
}

/** The one mapping of a refused link to its status, code and localized title and message, for JSON and pages alike. */
export function describeLinkRefusal(
  refusal: LinkRefusal,
  kind: 'onboarding' | 'approvals' | 'timelineAck',
): {
  status: 404 | 410 | 429;
  code: string;
  titleKey: MessageKey;
  messageKey: MessageKey;
  params: MessageParams;
  // Retry-After (RFC 9110) on a 429, so a client or a script knows when to come back.
  headers: Record<string, string>;
} {
  const titleKey: MessageKey = `${kind}.linkProblemTitle`;
  if (refusal.problem === 'rate_limited')
    return {
      status: 429,
      code: 'rate_limited',
      titleKey,
      messageKey: 'errors.rateLimited',
      params: { minutes: refusal.retryAfterMinutes },
      headers: { 'Retry-After': String(refusal.retryAfterMinutes * 60) },
    };
  return {
    status: refusal.problem === 'invalid' ? 404 : 410,
    code: `link_${refusal.problem}`,
    titleKey,
    messageKey: `${kind}.linkProblems.${refusal.problem}`,
    params: {},
    headers: {},
  };
}

/** The visitor's address as Cloudflare reports it (`CF-Connecting-IP`), for pages; null outside Cloudflare. */
export function visitorIp(request: Request): string | null {
  return request.headers.get('CF-Connecting-IP');
}
