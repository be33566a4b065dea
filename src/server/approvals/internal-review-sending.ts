import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { insertWhen } from '../../../db/insert-when.ts';
import { approvalRounds, pieceVersions } from '../../../db/schema/index.ts';
import type { Actor } from '../auth/viewer.ts';
import type { InternalReviewContext } from './internal-review-context.ts';
import { type LinkPolicy, linkGrantWrites } from './link-grants.ts';
import { contactsOfRound } from './piece-versions.ts';

/**
 * A version CS asked, on upload, to send to the contacts of the round before: that round's
 * rule and its contacts still asked, read when the version's internal review is approved.
 * Null when there is nothing to send (not asked, no round before, no contact left).
 */
export async function loadHeldSend(
  db: Database,
  context: InternalReviewContext,
  review: { sendToSameContacts: boolean; number: number },
) {
  if (!review.sendToSameContacts) return null;
  const [previous] = await db
    .select({ id: approvalRounds.id, rule: approvalRounds.rule })
    .from(approvalRounds)
    .innerJoin(pieceVersions, eq(pieceVersions.id, approvalRounds.versionId))
    .where(
      and(eq(approvalRounds.pieceId, context.piece.id), lt(pieceVersions.number, review.number)),
    )
    .orderBy(desc(pieceVersions.number))
    .limit(1);
  if (!previous) return null;
  const contacts = await contactsOfRound(db, previous.id);
  return contacts.length > 0 ? { rule: previous.rule, contacts } : null;
}

export type HeldSend = NonNullable<Awaited<ReturnType<typeof loadHeldSend>>>;

/**
 * The writes that send the approved version to those contacts, in the batch of the approval
 * and only if it settled the review (`guard`): its round, with the rule of the round before,
 * and a personal link for each contact — the piece then awaits the client.
 */
export function heldSendWrites(
  db: Database,
  rules: LinkPolicy,
  input: {
    context: InternalReviewContext;
    version: { id: string; number: number };
    send: HeldSend;
    actor: Actor;
    origin: string;
    guard: SQL;
  },
  now: Date,
) {
  const { context, version, send, actor, guard } = input;
  return [
    insertWhen(
      db,
      approvalRounds,
      {
        id: version.id,
        pieceId: context.piece.id,
        versionId: version.id,
        rule: send.rule,
        status: 'open',
        createdAt: now,
        createdBy: actor.id,
        closedAt: null,
        closeKey: null,
      },
      guard,
    ).onConflictDoNothing(),
    ...linkGrantWrites(
      db,
      rules,
      {
        context: { piece: context.piece, version },
        roundId: version.id,
        contacts: send.contacts,
        reason: 'sent',
        actor,
        origin: input.origin,
        guard,
      },
      now,
    ),
  ];
}
