import type { Database } from '../../../db/client.ts';
import type { Policy } from '../../policy/index.ts';
import { refuseClientLink } from '../rate-limits/link-failures.ts';
import { openApprovalByToken } from './approval-links.ts';
import { drawnPins, withPins } from './comment-pins.ts';
import { threadsOf } from './comment-threads.ts';
import { compareVersions } from './version-comparison.ts';
import { readVersionSentBefore } from './versions-sent.ts';

/**
 * A contact's approval link page: what the link shows (two round trips: the link, then the
 * version they were sent before it), or how it is refused.
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
  // Each comment with the agency's visible replies under it.
  const comments = threadsOf(withPins(opened.approval.comments));
  const approval = { ...opened.approval, comments };
  // The second round trip: the version sent to this contact before this one, if any — what
  // changed since they last saw the piece (never a version they were not sent).
  const [sentBefore] = await readVersionSentBefore(db, {
    pieceId: approval.piece.id,
    contactId: approval.contact.id,
    versionNumber: approval.version.number,
  });
  return {
    refusal: null,
    approval,
    pins: drawnPins(comments),
    approvedCount: approval.roundDecisions.filter((d) => d.decision === 'approved').length,
    comparison: sentBefore ? compareVersions(sentBefore, approval.version) : null,
  } as const;
}
