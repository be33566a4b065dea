import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { insertWhen } from '../../../db/insert-when.ts';
import { internalReviews, type PieceDiscipline } from '../../../db/schema/index.ts';
import { recordEventWhen } from '../audit/record-event.ts';
import type { Actor } from '../auth/viewer.ts';
import { type InternalReviewPolicy, internalReviewDueAt } from './internal-review-rules.ts';

/**
 * The writes that start the internal review of a newly uploaded version, for the batch that
 * adds it (all only if `guard`, the version's insert, holds): the open review of the version
 * before is superseded — a new version starts the step again — and the new one opens, due by
 * the policy's business hours. Each step is an event of the piece's history.
 */
export function openInternalReviewWrites(
  db: Database,
  rules: InternalReviewPolicy,
  input: {
    pieceId: string;
    version: { id: string; number: number };
    discipline: PieceDiscipline;
    // CS asked that the version go to the contacts of the round before once approved.
    sendToSameContacts: boolean;
    actor: Actor;
    guard: SQL;
  },
  now: Date,
) {
  const { pieceId, version, actor, guard } = input;
  const dueAt = internalReviewDueAt(now, rules);
  // The new version's id marks the review it superseded, so only this batch's event follows.
  const supersededNow = sql`exists (select 1 from ${internalReviews} where ${internalReviews.pieceId} = ${pieceId} and ${internalReviews.status} = 'superseded' and ${internalReviews.closeKey} = ${version.id})`;
  const event = (action: string, data: Record<string, unknown>, when: SQL) =>
    recordEventWhen(
      db,
      { actorId: actor.id, action, subjectType: 'piece', subjectId: pieceId, ip: actor.ip, data },
      now,
      when,
    );
  return [
    db
      .update(internalReviews)
      .set({ status: 'superseded', decidedAt: now, closeKey: version.id })
      .where(and(eq(internalReviews.pieceId, pieceId), eq(internalReviews.status, 'open'), guard)),
    event('internal_review_superseded', { version: version.number - 1 }, supersededNow),
    insertWhen(
      db,
      internalReviews,
      {
        id: version.id,
        pieceId,
        versionId: version.id,
        discipline: input.discipline,
        status: 'open',
        dueAt,
        remindedAt: null,
        escalatedAt: null,
        createdAt: now,
        createdBy: actor.id,
        decidedAt: null,
        decidedBy: null,
        message: null,
        closeKey: null,
        sendToSameContacts: input.sendToSameContacts,
      },
      guard,
    ),
    event(
      'internal_review_opened',
      { version: version.number, dueAt: dueAt.toISOString(), discipline: input.discipline },
      guard,
    ),
  ] as const;
}
