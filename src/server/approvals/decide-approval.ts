import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { insertWhen } from '../../../db/insert-when.ts';
import {
  type ApprovalDecision,
  approvalDecisions,
  changeRequests,
} from '../../../db/schema/index.ts';
import { recordEventWhen } from '../audit/record-event.ts';
import { changeDueAt } from '../deadlines/deadline-rules.ts';
import { queueMailWhen } from '../mail/outbox.ts';
import type { OpenApproval } from './approval-links.ts';
import { approvalNewsMail, piecePageUrl } from './approval-mail.ts';
import { changeKindOf } from './approval-rules.ts';
import { contactMayActSql } from './contact-may-act.ts';
import { firstViewWrites } from './first-view.ts';
import { settleRoundWrites } from './round-settlement.ts';

export type DecisionInput = {
  decision: ApprovalDecision;
  message: string;
  origin: string;
  ip: string | null;
};

type DecisionProblem = 'decided' | 'closed' | 'message_required';

/**
 * A contact's decision on the version of their link: once. The decision, its audit event,
 * CS's e-mail, the change request it opens and the round's outcome are one batch, each
 * written only if this decision was: twenty clicks at once make one decision.
 */
export async function decideApproval(
  db: Database,
  approval: OpenApproval,
  input: DecisionInput,
  rules: Parameters<typeof changeDueAt>[2],
  now: Date,
): Promise<{ ok: true } | { ok: false; error: DecisionProblem }> {
  if (approval.hasDecided) return { ok: false, error: 'decided' };
  if (approval.round.status !== 'open') return { ok: false, error: 'closed' };
  const message = input.message.trim();
  if (input.decision === 'changes_requested' && !message)
    return { ok: false, error: 'message_required' };
  const decisionId = crypto.randomUUID();
  const decided = sql`exists (select 1 from ${approvalDecisions} where ${approvalDecisions.id} = ${decisionId})`;
  const changesAsked = input.decision === 'changes_requested';
  const clientTargets = approval.comments.filter((c) => !c.fromAgency).map((c) => c.target);
  const kind = changeKindOf(clientTargets);
  const mail = approvalNewsMail(
    { name: approval.cs.name, locale: approval.cs.locale },
    {
      kind: 'changes_requested',
      title: approval.piece.title,
      version: approval.version.number,
      client: approval.client.name,
      contact: approval.contact.name,
      message,
      url: piecePageUrl(input.origin, approval.piece.id),
    },
  );
  const [inserted] = await db.batch([
    insertWhen(
      db,
      approvalDecisions,
      {
        id: decisionId,
        roundId: approval.round.id,
        contactId: approval.contact.id,
        contactName: approval.contact.name,
        decision: input.decision,
        message: message || null,
        decidedAt: now,
      },
      contactMayActSql(approval),
    )
      .onConflictDoNothing()
      .returning({ id: approvalDecisions.id }),
    recordEventWhen(
      db,
      {
        actorId: null,
        action: 'approval_decided',
        subjectType: 'piece',
        subjectId: approval.piece.id,
        ip: input.ip,
        data: {
          contactId: approval.contact.id,
          contactName: approval.contact.name,
          version: approval.version.number,
          decision: input.decision,
        },
      },
      now,
      decided,
    ),
    ...(changesAsked
      ? [
          queueMailWhen(
            db,
            { idempotencyKey: `approval-changes:${decisionId}`, to: approval.cs.email, ...mail },
            now,
            decided,
          ),
          // The change is tracked against the policy's turnaround from this moment.
          insertWhen(
            db,
            changeRequests,
            {
              id: crypto.randomUUID(),
              clientId: approval.client.id,
              pieceId: approval.piece.id,
              kind,
              summary: message,
              requestedAt: now,
              dueAt: changeDueAt(now, kind, rules),
            },
            decided,
          ),
        ]
      : []),
    ...settleRoundWrites(
      db,
      {
        piece: {
          id: approval.piece.id,
          title: approval.piece.title,
          clientName: approval.client.name,
          csName: approval.cs.name,
          csEmail: approval.cs.email,
          csLocale: approval.cs.locale,
        },
        round: approval.round,
        version: approval.version,
      },
      input.origin,
      now,
    ),
    // Without JavaScript the page could not say it was shown: the first decision does.
    ...firstViewWrites(db, approval, input.ip, now),
  ]);
  return inserted.length > 0 ? { ok: true } : { ok: false, error: 'decided' };
}
