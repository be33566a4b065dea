import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { insertWhen } from '../../../db/insert-when.ts';
import { internalReviews, pieceComments, pieces, pieceVersions } from '../../../db/schema/index.ts';
import type { Policy } from '../../policy/index.ts';
import { recordEventWhen } from '../audit/record-event.ts';
import type { Actor, Viewer } from '../auth/viewer.ts';
import { queueMailWhen } from '../mail/outbox.ts';
import { piecePageUrl } from './approval-mail.ts';
import { mayWorkOnPiece } from './approval-rules.ts';
import { loadInternalReviewContext } from './internal-review-context.ts';
import { internalReviewMail } from './internal-review-mail.ts';
import {
  mayDecideOwnUpload,
  mayReviewInternally,
  reviewerDisciplinesOf,
} from './internal-review-rules.ts';
import { heldSendWrites, loadHeldSend } from './internal-review-sending.ts';
import type { LinkPolicy } from './link-grants.ts';

export type InternalDecision = 'approved' | 'changes_requested';

export type InternalDecisionProblem =
  | 'not_found'
  | 'not_reviewer'
  | 'own_upload'
  | 'superseded'
  | 'already_decided'
  | 'message_required';

/**
 * A reviewer's decision on a version's internal review: the head of the piece's discipline
 * (holding the role now) or an admin approves it or asks for changes (with a message, kept
 * as an internal comment on the version). The first decision settles it: the update is
 * conditional on the review being open and its version the piece's newest, and the piece's
 * status, the comment, the e-mail (changes → who uploaded the version; approved → CS, who may
 * now send it) and the event follow only if this request's `closeKey` closed it. A version CS
 * asked to send to the same contacts as the one before goes to them with the approval.
 */
export async function decideInternalReview(
  db: Database,
  rules: Pick<Policy, 'approvals'> & LinkPolicy,
  input: {
    pieceId: string;
    versionNumber: number;
    decision: InternalDecision;
    message: string;
    actor: Actor;
    user: Viewer;
    origin: string;
  },
  now: Date,
): Promise<{ ok: true; sent: number } | { ok: false; error: InternalDecisionProblem }> {
  const context = await loadInternalReviewContext(db, input.pieceId);
  if (!context) return { ok: false, error: 'not_found' };
  const { piece, version, reviews } = context;
  const review = reviews.find((r) => r.number === input.versionNumber);
  // The head of another department is told the rule (403); anyone else not on the piece, 404.
  const seesPiece =
    mayWorkOnPiece(input.user, piece) || reviewerDisciplinesOf(input.user.roles, rules).length > 0;
  if (!seesPiece || !review || !version) return { ok: false, error: 'not_found' };
  if (!mayReviewInternally(input.user.roles, review.discipline, rules))
    return { ok: false, error: 'not_reviewer' };
  if (!mayDecideOwnUpload(input.actor.id, version.uploaderId, rules))
    return { ok: false, error: 'own_upload' };
  if (review.status === 'superseded' || review.versionId !== version.id)
    return { ok: false, error: 'superseded' };
  if (review.status !== 'open') return { ok: false, error: 'already_decided' };
  const message = input.message.trim();
  if (input.decision === 'changes_requested' && !message)
    return { ok: false, error: 'message_required' };

  const closeKey = crypto.randomUUID();
  const closedNow = sql`exists (select 1 from ${internalReviews} where ${internalReviews.id} = ${review.id} and ${internalReviews.closeKey} = ${closeKey})`;
  const newestVersionId = sql`(select ${pieceVersions.id} from ${pieceVersions} join ${pieces} on ${pieces.id} = ${pieceVersions.pieceId} where ${pieces.id} = ${piece.id} and ${pieceVersions.number} = ${pieces.latestVersion})`;
  const approved = input.decision === 'approved';
  const held = approved ? await loadHeldSend(db, context, review) : null;
  const to = approved
    ? { name: piece.csName, email: piece.csEmail, locale: piece.csLocale }
    : {
        name: version.uploaderName ?? piece.csName,
        email: version.uploaderEmail ?? piece.csEmail,
        locale: version.uploaderLocale ?? piece.csLocale,
      };
  const mail = internalReviewMail(to, held ? 'approved_and_sent' : input.decision, {
    title: piece.title,
    version: version.number,
    client: piece.clientName,
    reviewer: input.actor.name,
    message: message || null,
    timeZone: rules.agency.timeZone,
    url: piecePageUrl(input.origin, piece.id),
  });
  const [updated] = await db.batch([
    db
      .update(internalReviews)
      .set({
        status: input.decision,
        decidedAt: now,
        decidedBy: input.actor.id,
        message: message || null,
        closeKey,
      })
      .where(
        and(
          eq(internalReviews.id, review.id),
          eq(internalReviews.status, 'open'),
          sql`${internalReviews.versionId} = ${newestVersionId}`,
        ),
      )
      .returning({ id: internalReviews.id }),
    db
      .update(pieces)
      .set({
        status: held
          ? 'awaiting_approval'
          : approved
            ? 'ready_to_send'
            : 'internal_changes_requested',
        updatedAt: now,
      })
      .where(and(eq(pieces.id, piece.id), closedNow)),
    // The reviewer's words stay inside the agency: an internal comment on the version.
    ...(message
      ? [
          insertWhen(
            db,
            pieceComments,
            {
              id: crypto.randomUUID(),
              pieceId: piece.id,
              versionId: version.id,
              authorUserId: input.actor.id,
              authorContactId: null,
              authorName: input.actor.name,
              target: 'general',
              pinX: null,
              pinY: null,
              body: message,
              internal: true,
              parentId: null,
              resolvedAt: null,
              resolvedBy: null,
              createdAt: now,
              updatedAt: now,
            },
            closedNow,
          ),
        ]
      : []),
    queueMailWhen(
      db,
      { idempotencyKey: `internal-review-${input.decision}:${review.id}`, to: to.email, ...mail },
      now,
      closedNow,
    ),
    recordEventWhen(
      db,
      {
        actorId: input.actor.id,
        action: `internal_review_${input.decision}`,
        subjectType: 'piece',
        subjectId: piece.id,
        ip: input.actor.ip,
        data: { version: version.number, ...(message ? { message } : {}) },
      },
      now,
      closedNow,
    ),
    ...(held
      ? heldSendWrites(
          db,
          rules,
          {
            context,
            version,
            send: held,
            actor: input.actor,
            origin: input.origin,
            guard: closedNow,
          },
          now,
        )
      : []),
  ]);
  if (updated.length > 0) return { ok: true, sent: held?.contacts.length ?? 0 };
  // Lost the race: to a newer version, or to another reviewer's decision.
  const [current] = await db
    .select({ status: internalReviews.status })
    .from(internalReviews)
    .where(eq(internalReviews.id, review.id));
  return { ok: false, error: current?.status === 'superseded' ? 'superseded' : 'already_decided' };
}
