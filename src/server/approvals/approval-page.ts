import type { Database } from '../../../db/client.ts';
import type { Policy } from '../../policy/index.ts';
import { refuseClientLink } from '../rate-limits/link-failures.ts';
import { type OpenApproval, openApprovalByToken } from './approval-links.ts';
import { drawnPins, withPins } from './comment-pins.ts';
import { threadsOf } from './comment-threads.ts';
import { compareVersions } from './version-comparison.ts';

/**
 * A contact's approval link page: what the link shows (one round trip), or how it is refused.
 * A link that does not open counts against the visitor's address, as in the API, so forged
 * tokens meet one limit whether they are tried on the page or the endpoints. The link shows
 * one version: every pinned comment is numbered and drawn on its image.
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
  return { refusal: null, ...approvalViewOf(opened.approval) } as const;
}

/**
 * What the approval experience shows of an opened approval, wherever it was opened from: the
 * e-mailed link, or the client space (#18) with the contact's own link to the round.
 */
export function approvalViewOf(opened: OpenApproval) {
  // Each comment with the agency's visible replies under it.
  const comments = threadsOf(withPins(opened.comments));
  const approval = { ...opened, comments };
  return {
    approval,
    pins: drawnPins(comments),
    approvedCount: approval.roundDecisions.filter((d) => d.decision === 'approved').length,
    // What changed since the version this contact was sent before (never one they were not).
    comparison: approval.versionSentBefore
      ? compareVersions(approval.versionSentBefore, approval.version)
      : null,
  };
}
