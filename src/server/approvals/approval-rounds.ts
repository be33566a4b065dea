import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { insertWhen } from '../../../db/insert-when.ts';
import {
  approvalLinks,
  approvalRounds,
  internalReviews,
  pieces,
  type RoundRule,
} from '../../../db/schema/index.ts';
import type { Policy } from '../../policy/index.ts';
import { recordEvent, recordEventWhen } from '../audit/record-event.ts';
import type { Actor, Viewer } from '../auth/viewer.ts';
import { mayTalkToClient, mayWorkOnPiece } from './approval-rules.ts';
import { needsInternalReview } from './internal-review-rules.ts';
import { type LinkPolicy, linkGrantWrites } from './link-grants.ts';
import { loadPieceContext } from './piece-context.ts';
import { listApprovers } from './pieces.ts';
import { settleRoundWrites } from './round-settlement.ts';

// The commands CS gives a round: send it (again), withdraw it, or end one contact's links.

type SendProblem =
  | 'not_found'
  | 'not_allowed'
  | 'no_version'
  | 'decided'
  | 'no_contacts'
  | 'internal_review_pending'
  | 'version_changed';

/**
 * Sends the newest version of a piece to the chosen contacts for approval (its CS or an
 * admin only: CS is the agency's voice). The version's round is made on the first send
 * with its rule; sending again to a contact replaces their link. A version whose kind the
 * policy reviews inside the agency goes only once its internal review approved it (a version
 * uploaded before the rule, with no review, goes as before).
 */
export async function sendForApproval(
  db: Database,
  rules: LinkPolicy & Pick<Policy, 'approvals'>,
  input: {
    pieceId: string;
    contactIds: string[];
    rule?: RoundRule;
    actor: Actor;
    user: Viewer;
    origin: string;
  },
  now: Date,
): Promise<{ ok: true; sent: number } | { ok: false; error: SendProblem }> {
  const context = await loadPieceContext(db, input.pieceId);
  if (!context || !mayWorkOnPiece(input.user, context.piece))
    return { ok: false, error: 'not_found' };
  if (!mayTalkToClient(input.user, context.piece)) return { ok: false, error: 'not_allowed' };
  const { version, round } = context;
  if (!version) return { ok: false, error: 'no_version' };
  if (round && (round.status === 'approved' || round.status === 'changes_requested'))
    return { ok: false, error: 'decided' };
  if (needsInternalReview(context.piece.kind, rules)) {
    const [review] = await db
      .select({ status: internalReviews.status })
      .from(internalReviews)
      .where(eq(internalReviews.versionId, version.id));
    if (review && review.status !== 'approved')
      return { ok: false, error: 'internal_review_pending' };
  }
  const approvers = await listApprovers(db, context.piece.clientId);
  const chosen = approvers.filter((contact) => input.contactIds.includes(contact.id));
  if (chosen.length === 0) return { ok: false, error: 'no_contacts' };
  // One round per version: its id is the version's, so two sends at once make one round.
  const roundId = version.id;
  const rule = input.rule ?? rules.approvals.defaultRule;
  // The checks above were reads: a version uploaded since (or its review), or the client's
  // decision, may have moved the piece on. Every write holds only while this version is still
  // the newest, its round undecided and, for a kind reviewed inside the agency, its review (if
  // any) approved — as the batch runs.
  const reviewed = needsInternalReview(context.piece.kind, rules)
    ? sql` and not exists (select 1 from ${internalReviews} where ${internalReviews.versionId} = ${version.id} and ${internalReviews.status} <> 'approved')`
    : sql``;
  const decidedRound = sql`exists (select 1 from ${approvalRounds} where ${approvalRounds.id} = ${roundId} and ${approvalRounds.status} in ('approved', 'changes_requested'))`;
  const stillSendable = sql`exists (select 1 from ${pieces} where ${pieces.id} = ${context.piece.id} and ${pieces.latestVersion} = ${version.number}) and not ${decidedRound}${reviewed}`;
  const [updated] = await db.batch([
    db
      .update(pieces)
      .set({ status: 'awaiting_approval', updatedAt: now })
      .where(and(eq(pieces.id, context.piece.id), stillSendable))
      .returning({ id: pieces.id }),
    insertWhen(
      db,
      approvalRounds,
      {
        id: roundId,
        pieceId: context.piece.id,
        versionId: version.id,
        rule,
        status: 'open',
        createdAt: now,
        createdBy: input.actor.id,
        closedAt: null,
        closeKey: null,
      },
      stillSendable,
    ).onConflictDoUpdate({
      target: approvalRounds.id,
      set: { status: 'open', rule, closedAt: null },
      setWhere: eq(approvalRounds.status, 'revoked'),
    }),
    ...linkGrantWrites(
      db,
      rules,
      {
        context: { piece: context.piece, version },
        roundId,
        contacts: chosen,
        reason: round?.status === 'open' ? 'resent' : 'sent',
        actor: input.actor,
        origin: input.origin,
        guard: stillSendable,
      },
      now,
    ),
  ]);
  if (updated.length > 0) return { ok: true, sent: chosen.length };
  const [decided] = await db
    .select({ yes: sql<number>`1` })
    .from(sql`(select 1)`)
    .where(decidedRound);
  return { ok: false, error: decided ? 'decided' : 'version_changed' };
}

type OpenRoundProblem = 'not_found' | 'not_allowed' | 'not_open';

/**
 * The piece's open round, for CS acting on it (withdrawing it, revoking a contact): the
 * piece must be the person's to see, theirs to send, and its newest version's round open.
 */
async function openRoundForCs(db: Database, pieceId: string, user: Viewer) {
  const context = await loadPieceContext(db, pieceId);
  if (!context || !mayWorkOnPiece(user, context.piece))
    return { ok: false as const, error: 'not_found' as OpenRoundProblem };
  if (!mayTalkToClient(user, context.piece))
    return { ok: false as const, error: 'not_allowed' as OpenRoundProblem };
  const { round, version } = context;
  if (round?.status !== 'open' || !version)
    return { ok: false as const, error: 'not_open' as OpenRoundProblem };
  return { ok: true as const, context, round, version };
}

/**
 * Withdraws the open round of a piece: every link ends at once, the piece is back in
 * production (ready to send, when its version was approved inside the agency).
 */
export async function revokeRound(
  db: Database,
  input: { pieceId: string; actor: Actor; user: Viewer },
  now: Date,
): Promise<{ ok: true } | { ok: false; error: OpenRoundProblem }> {
  const open = await openRoundForCs(db, input.pieceId, input.user);
  if (!open.ok) return open;
  const { context, round, version } = open;
  const closeKey = crypto.randomUUID();
  const revoked = sql`exists (select 1 from ${approvalRounds} where ${approvalRounds.id} = ${round.id} and ${approvalRounds.status} = 'revoked' and ${approvalRounds.closeKey} = ${closeKey})`;
  const [updated] = await db.batch([
    db
      .update(approvalRounds)
      .set({ status: 'revoked', closedAt: now, closeKey })
      .where(and(eq(approvalRounds.id, round.id), eq(approvalRounds.status, 'open')))
      .returning({ id: approvalRounds.id }),
    db
      .update(approvalLinks)
      .set({ revokedAt: now })
      .where(and(eq(approvalLinks.roundId, round.id), isNull(approvalLinks.revokedAt))),
    db
      .update(pieces)
      .set({
        // An internally approved version is ready to send again; any other is in production.
        status: sql`case when exists (select 1 from ${internalReviews} where ${internalReviews.versionId} = ${version.id} and ${internalReviews.status} = 'approved') then 'ready_to_send' else 'in_production' end`,
        updatedAt: now,
      })
      .where(and(eq(pieces.id, context.piece.id), revoked)),
    recordEventWhen(
      db,
      {
        actorId: input.actor.id,
        action: 'approval_round_revoked',
        subjectType: 'piece',
        subjectId: context.piece.id,
        ip: input.actor.ip,
        data: { version: version.number },
      },
      now,
      revoked,
    ),
  ]);
  return updated.length > 0 ? { ok: true } : { ok: false, error: 'not_open' };
}

/**
 * Ends one contact's links to the open round at once. With the "all" rule, the others may
 * then have approved everything still asked for: the round is settled in the same batch.
 */
export async function revokeContactLinks(
  db: Database,
  input: { pieceId: string; contactId: string; actor: Actor; user: Viewer; origin: string },
  now: Date,
): Promise<{ ok: true } | { ok: false; error: OpenRoundProblem }> {
  const open = await openRoundForCs(db, input.pieceId, input.user);
  if (!open.ok) return open;
  const { context, round, version } = open;
  const ofContact = and(
    eq(approvalLinks.roundId, round.id),
    eq(approvalLinks.contactId, input.contactId),
    isNull(approvalLinks.revokedAt),
  );
  // A contact with no live link changes nothing, and leaves nothing in the history.
  const live = await db.select({ id: approvalLinks.id }).from(approvalLinks).where(ofContact);
  if (live.length === 0) return { ok: false, error: 'not_found' };
  await db.batch([
    db.update(approvalLinks).set({ revokedAt: now }).where(ofContact),
    recordEvent(
      db,
      {
        actorId: input.actor.id,
        action: 'approval_revoked',
        subjectType: 'piece',
        subjectId: context.piece.id,
        ip: input.actor.ip,
        data: { contactId: input.contactId, version: version.number },
      },
      now,
    ),
    ...settleRoundWrites(db, { ...context, round, version }, input.origin, now),
  ]);
  return { ok: true };
}
