import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { insertWhen } from '../../../db/insert-when.ts';
import {
  approvalLinks,
  approvalRounds,
  changeRequests,
  clientContacts,
  pieces,
  pieceVersions,
} from '../../../db/schema/index.ts';
import type { Policy } from '../../policy/index.ts';
import { recordEventWhen } from '../audit/record-event.ts';
import type { Actor, Viewer } from '../auth/viewer.ts';
import { cleanFileName } from '../files/file-names.ts';
import { createFileKey, type FileStore } from '../files/file-store.ts';
import { detectFileType, imageDimensions } from '../files/file-type.ts';
import { mayTalkToClient, mayWorkOnPiece, VERSION_FILE_KINDS } from './approval-rules.ts';
import { openInternalReviewWrites } from './internal-review-opening.ts';
import { type InternalReviewPolicy, needsInternalReview } from './internal-review-rules.ts';
import { linkGrantWrites } from './link-grants.ts';
import { loadPieceContext } from './piece-context.ts';

type VersionProblem = 'not_found' | 'empty' | 'too_large' | 'wrong_type' | 'conflict';

/**
 * Adds the next version of a piece: its file (an image or a PDF, by its bytes, within the
 * policy's size) and its text. The round of the version before is superseded; the piece's
 * open change requests count as done. A kind the policy has reviewed inside the agency first
 * opens the version's internal review (the one before is superseded) and is never sent yet:
 * CS sends it once it is approved. Otherwise, when CS asks, the new version goes at once to
 * the contacts of the round before, with its rule — back to awaiting approval. If the
 * database write fails, the stored file is removed again.
 */
export async function addVersion(
  deps: { db: Database; files: FileStore },
  rules: Pick<Policy, 'links'> & InternalReviewPolicy,
  input: {
    pieceId: string;
    fileName: string;
    bytes: Uint8Array;
    text: string;
    sendToSameContacts: boolean;
    actor: Actor;
    user: Viewer;
    origin: string;
  },
  now: Date,
): Promise<
  | { ok: true; number: number; sent: number; internalReview: boolean }
  | { ok: false; error: VersionProblem }
> {
  const { db } = deps;
  const context = await loadPieceContext(db, input.pieceId);
  if (!context || !mayWorkOnPiece(input.user, context.piece))
    return { ok: false, error: 'not_found' };
  if (input.bytes.byteLength === 0) return { ok: false, error: 'empty' };
  if (input.bytes.byteLength > rules.approvals.maxUploadBytes)
    return { ok: false, error: 'too_large' };
  const type = detectFileType(input.bytes);
  if (!type || !(VERSION_FILE_KINDS as readonly string[]).includes(type.kind))
    return { ok: false, error: 'wrong_type' };

  // Who saw the version before: the new one goes to them when CS asks — at once, or with
  // the internal approval when its kind is reviewed inside the agency first.
  const previous = context.round;
  const reviewed = needsInternalReview(context.piece.kind, rules);
  const sameContacts = Boolean(
    input.sendToSameContacts && previous && mayTalkToClient(input.user, context.piece),
  );
  const recipients =
    sameContacts && !reviewed && previous ? await contactsOfRound(db, previous.id) : [];

  const stored = await deps.files.put(createFileKey('pieces', now), input.bytes, type.contentType);
  const number = context.piece.latestVersion + 1;
  const dimensions = imageDimensions(input.bytes);
  const versionId = crypto.randomUUID();
  const fileName = cleanFileName(input.fileName, type.contentType);
  const sending = recipients.length > 0;
  const added = sql`exists (select 1 from ${pieceVersions} where ${pieceVersions.id} = ${versionId})`;
  try {
    const [inserted] = await db.batch([
      // Numbered after the newest; a second upload racing for the same number adds nothing.
      insertWhen(
        db,
        pieceVersions,
        {
          id: versionId,
          pieceId: context.piece.id,
          number,
          fileKey: stored.key,
          fileName,
          contentType: stored.contentType,
          size: stored.size,
          sha256: stored.sha256,
          width: dimensions?.width ?? null,
          height: dimensions?.height ?? null,
          text: input.text,
          createdAt: now,
          createdBy: input.actor.id,
        },
        and(eq(pieces.id, context.piece.id), eq(pieces.latestVersion, context.piece.latestVersion)),
        pieces,
      )
        .onConflictDoNothing()
        .returning({ id: pieceVersions.id }),
      db
        .update(pieces)
        .set({
          latestVersion: number,
          status: reviewed ? 'internal_review' : sending ? 'awaiting_approval' : 'in_production',
          updatedAt: now,
        })
        .where(and(eq(pieces.id, context.piece.id), added)),
      db
        .update(approvalRounds)
        .set({ status: 'superseded', closedAt: now })
        .where(
          and(
            eq(approvalRounds.pieceId, context.piece.id),
            eq(approvalRounds.status, 'open'),
            added,
          ),
        ),
      db
        .update(changeRequests)
        .set({ doneAt: now, doneBy: input.actor.id })
        .where(
          and(eq(changeRequests.pieceId, context.piece.id), isNull(changeRequests.doneAt), added),
        ),
      recordEventWhen(
        db,
        {
          actorId: input.actor.id,
          action: 'version_added',
          subjectType: 'piece',
          subjectId: context.piece.id,
          ip: input.actor.ip,
          data: { version: number, fileName },
        },
        now,
        added,
      ),
      ...(reviewed
        ? openInternalReviewWrites(
            db,
            rules,
            {
              pieceId: context.piece.id,
              version: { id: versionId, number },
              discipline: context.piece.discipline,
              sendToSameContacts: sameContacts,
              actor: input.actor,
              guard: added,
            },
            now,
          )
        : []),
      ...(sending && previous
        ? [
            insertWhen(
              db,
              approvalRounds,
              {
                id: versionId,
                pieceId: context.piece.id,
                versionId,
                rule: previous.rule,
                status: 'open',
                createdAt: now,
                createdBy: input.actor.id,
              },
              added,
            ),
            ...linkGrantWrites(
              db,
              rules,
              {
                context: { piece: context.piece, version: { id: versionId, number } },
                roundId: versionId,
                contacts: recipients,
                reason: 'sent',
                actor: input.actor,
                origin: input.origin,
                guard: added,
              },
              now,
            ),
          ]
        : []),
    ]);
    if (inserted.length === 0) {
      await deps.files.delete(stored.key);
      return { ok: false, error: 'conflict' };
    }
  } catch (error) {
    await deps.files.delete(stored.key);
    throw error;
  }
  return { ok: true, number, sent: recipients.length, internalReview: reviewed };
}

/** The contacts a round went to who may still be asked: whom its next version goes to. */
export function contactsOfRound(db: Database, roundId: string) {
  return db
    .selectDistinct({
      id: clientContacts.id,
      name: clientContacts.name,
      email: clientContacts.email,
      locale: clientContacts.locale,
    })
    .from(approvalLinks)
    .innerJoin(clientContacts, eq(clientContacts.id, approvalLinks.contactId))
    .where(
      and(
        eq(approvalLinks.roundId, roundId),
        eq(clientContacts.mayApprovePieces, true),
        // Contacts whose link CS revoked (or whose round was withdrawn) are not asked again.
        isNull(approvalLinks.revokedAt),
      ),
    );
}
