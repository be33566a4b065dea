import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '../../../db/client.ts';
import { approvalLinks, events } from '../../../db/schema/index.ts';
import { recordEventWhen } from '../audit/record-event.ts';
import type { OpenApproval } from './approval-links.ts';

/**
 * The writes that record the contact's first view of the piece (per contact and version),
 * none once it is recorded. Only for what a person does — the POST their page sends once
 * shown, or their first comment or decision — never a GET, which mail scanners make.
 */
export function firstViewWrites(
  db: Database,
  approval: OpenApproval,
  ip: string | null,
  now: Date,
): BatchItem<'sqlite'>[] {
  if (approval.firstOpenedAt) return [];
  const notSeenBefore = sql`not exists (select 1 from ${events} where ${events.action} = 'approval_viewed' and ${events.subjectType} = 'piece' and ${events.subjectId} = ${approval.piece.id} and json_extract(${events.data}, '$.contactId') = ${approval.contact.id} and json_extract(${events.data}, '$.version') = ${approval.version.number})`;
  return [
    recordEventWhen(
      db,
      {
        actorId: null,
        action: 'approval_viewed',
        subjectType: 'piece',
        subjectId: approval.piece.id,
        ip,
        data: {
          contactId: approval.contact.id,
          contactName: approval.contact.name,
          version: approval.version.number,
        },
      },
      now,
      notSeenBefore,
    ),
    db
      .update(approvalLinks)
      .set({ firstOpenedAt: now })
      .where(
        and(
          eq(approvalLinks.id, approval.linkId),
          isNull(approvalLinks.firstOpenedAt),
          gt(approvalLinks.expiresAt, now),
        ),
      ),
  ];
}

/** Records the contact's first view on its own (the page's POST once shown); see firstViewWrites. */
export async function recordFirstView(
  db: Database,
  approval: OpenApproval,
  ip: string | null,
  now: Date,
) {
  const [first, ...rest] = firstViewWrites(db, approval, ip, now);
  if (first) await db.batch([first, ...rest]);
}
