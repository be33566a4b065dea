import type { Database } from '../../../db/client.ts';
import type { Policy } from '../../policy/index.ts';
import { refuseClientLink } from '../rate-limits/link-failures.ts';
import { linkExpired, openAcknowledgementByToken } from './timeline-ack-open.ts';

/** Where a link's forms post and its files are fetched. */
export const ackApiBase = (token: string) => `/api/timeline-ack/${token}`;

/**
 * A contact's acknowledgement link page: the entry and their answer (one round trip), or the
 * one "link not valid" answer (an expired link: "link expired"). A link that does not open counts against the visitor's
 * address, as every client link does, so forged tokens meet one limit. Opening changes
 * nothing: mail scanners open links too.
 */
export async function loadTimelineAckPage(
  db: Database,
  rules: Pick<Policy, 'rateLimits'>,
  link: { token: string; ip: string | null },
  now: Date,
) {
  const opened = await openAcknowledgementByToken(db, link.token);
  if (!opened)
    return { refusal: await refuseClientLink(db, rules, link.ip, 'invalid', now) } as const;
  if (linkExpired(opened, now))
    return { refusal: await refuseClientLink(db, rules, link.ip, 'expired', now) } as const;
  return { refusal: null, acknowledgement: opened } as const;
}
