import type { Database } from '../../../db/client.ts';
import type { Policy } from '../../policy/index.ts';
import { refuseClientLink } from '../rate-limits/link-failures.ts';
import { openApprovalByToken } from './approval-links.ts';

/**
 * A contact's approval link page: what the link shows (one round trip), or how it is refused.
 * A link that does not open counts against the visitor's address, as in the API, so forged
 * tokens meet one limit whether they are tried on the page or the endpoints.
 */
export async function loadApprovalPage(
  db: Database,
  rules: Pick<Policy, 'rateLimits'>,
  link: { token: string; ip: string | null },
  now: Date,
) {
  const opened = await openApprovalByToken(db, link.token, now);
  if (!opened.ok)
    return { refusal: await refuseClientLink(db, rules, link.ip, opened.error, now) } as const;
  const { approval } = opened;
  return {
    refusal: null,
    approval,
    approvedCount: approval.roundDecisions.filter((d) => d.decision === 'approved').length,
  } as const;
}
