import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import {
  type ApprovalDecision,
  approvalDecisions,
  approvalLinks,
  approvalRounds,
  clientContacts,
  pieces,
  type RoundRule,
} from '../../../db/schema/index.ts';
import { recordEventWhen } from '../audit/record-event.ts';
import { queueMailWhen } from '../mail/outbox.ts';
import { approvalNewsMail, piecePageUrl } from './approval-mail.ts';
import type { PieceContext } from './piece-context.ts';

export type Decision = { contactId: string; decision: ApprovalDecision };

/**
 * Where a round stands (the SQL of `settleRoundWrites` applies the same rule inside the
 * batch of a decision): any request for changes ends it with changes; otherwise it is
 * approved once one contact approves ("any") or every contact it was sent to has ("all").
 */
export function roundOutcome(
  rule: RoundRule,
  recipients: readonly string[],
  decisions: readonly Decision[],
): 'open' | ApprovalDecision {
  if (decisions.some((d) => d.decision === 'changes_requested')) return 'changes_requested';
  const approvedBy = new Set(
    decisions.filter((d) => d.decision === 'approved').map((d) => d.contactId),
  );
  if (rule === 'any') return approvedBy.size > 0 ? 'approved' : 'open';
  return recipients.length > 0 && recipients.every((id) => approvedBy.has(id))
    ? 'approved'
    : 'open';
}

/** Links of the round to contacts still asked to decide: unrevoked, and still allowed to approve. */
const askedLinks = (roundId: string) =>
  sql`select 1 from ${approvalLinks} join ${clientContacts} on ${clientContacts.id} = ${approvalLinks.contactId} where ${approvalLinks.roundId} = ${roundId} and ${approvalLinks.revokedAt} is null and ${clientContacts.mayApprovePieces} = 1`;

const hasDecision = (roundId: string, decision: Decision['decision']) =>
  sql`exists (select 1 from ${approvalDecisions} where ${approvalDecisions.roundId} = ${roundId} and ${approvalDecisions.decision} = ${decision})`;

/** Someone is asked, and no one asked is without an approval. */
const everyoneApproved = (roundId: string) =>
  sql`exists (${askedLinks(roundId)}) and not exists (${askedLinks(roundId)} and not exists (select 1 from ${approvalDecisions} where ${approvalDecisions.roundId} = ${roundId} and ${approvalDecisions.contactId} = ${approvalLinks.contactId} and ${approvalDecisions.decision} = 'approved'))`;

/**
 * The writes that close a round whose decisions settle it — the same rule as
 * `roundOutcome`, in SQL so it holds inside the batch that records a decision: changes
 * win at once; "any" is approved by one approval, "all" by every recipient's. The piece
 * follows, and CS hears of an approval; each only if this batch closed the round.
 */
export function settleRoundWrites(
  db: Database,
  context: {
    piece: Pick<
      PieceContext['piece'],
      'id' | 'title' | 'clientName' | 'csName' | 'csEmail' | 'csLocale'
    >;
    round: { id: string };
    version: { id: string; number: number };
  },
  origin: string,
  now: Date,
) {
  const { piece, round, version } = context;
  const closeKey = crypto.randomUUID();
  const closedNow = (status: ApprovalDecision) =>
    sql`exists (select 1 from ${approvalRounds} where ${approvalRounds.id} = ${round.id} and ${approvalRounds.status} = ${status} and ${approvalRounds.closeKey} = ${closeKey})`;
  const mail = approvalNewsMail(
    { name: piece.csName, locale: piece.csLocale },
    {
      kind: 'approved',
      title: piece.title,
      version: version.number,
      client: piece.clientName,
      contact: '',
      message: '',
      url: piecePageUrl(origin, piece.id),
    },
  );
  return [
    db
      .update(approvalRounds)
      .set({ status: 'changes_requested', closedAt: now, closeKey })
      .where(
        and(
          eq(approvalRounds.id, round.id),
          eq(approvalRounds.status, 'open'),
          hasDecision(round.id, 'changes_requested'),
        ),
      ),
    db
      .update(approvalRounds)
      .set({ status: 'approved', closedAt: now, closeKey })
      .where(
        and(
          eq(approvalRounds.id, round.id),
          eq(approvalRounds.status, 'open'),
          sql`(${approvalRounds.rule} = 'any' and ${hasDecision(round.id, 'approved')}) or (${approvalRounds.rule} = 'all' and ${everyoneApproved(round.id)})`,
        ),
      ),
    db
      .update(pieces)
      .set({
        status: sql`(select ${approvalRounds.status} from ${approvalRounds} where ${approvalRounds.id} = ${round.id})`,
        updatedAt: now,
      })
      .where(
        and(
          eq(pieces.id, piece.id),
          sql`(${closedNow('approved')} or ${closedNow('changes_requested')})`,
        ),
      ),
    queueMailWhen(
      db,
      { idempotencyKey: `approval-approved:${round.id}`, to: piece.csEmail, ...mail },
      now,
      closedNow('approved'),
    ),
    recordEventWhen(
      db,
      {
        actorId: null,
        action: 'approval_round_approved',
        subjectType: 'piece',
        subjectId: piece.id,
        ip: null,
        data: { version: version.number },
      },
      now,
      closedNow('approved'),
    ),
  ];
}
