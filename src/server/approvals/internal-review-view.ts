import { desc, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import {
  internalReviews,
  type PieceDiscipline,
  type PieceKind,
  pieceVersions,
  users,
} from '../../../db/schema/index.ts';
import type { Policy } from '../../policy/index.ts';
import type { Viewer } from '../auth/viewer.ts';
import {
  mayDecideOwnUpload,
  mayReviewInternally,
  needsInternalReview,
  reviewerRoleOf,
} from './internal-review-rules.ts';

/** A piece's internal reviews, newest version first, with who decided: for one batch. */
export function readInternalReviews(db: Database, pieceId: string) {
  return db
    .select({
      versionId: internalReviews.versionId,
      version: pieceVersions.number,
      uploadedBy: pieceVersions.createdBy,
      status: internalReviews.status,
      dueAt: internalReviews.dueAt,
      decidedAt: internalReviews.decidedAt,
      deciderName: users.name,
      message: internalReviews.message,
      sendToSameContacts: internalReviews.sendToSameContacts,
    })
    .from(internalReviews)
    .innerJoin(pieceVersions, eq(pieceVersions.id, internalReviews.versionId))
    .leftJoin(users, eq(users.id, internalReviews.decidedBy))
    .where(eq(internalReviews.pieceId, pieceId))
    .orderBy(desc(pieceVersions.number));
}

type ReviewRow = Awaited<ReturnType<typeof readInternalReviews>>[number];

/**
 * What the piece page's "Internal review" section shows: whether the kind is reviewed inside
 * the agency, the role that reviews it, the current version's review (none before the first
 * upload, or for a version from before the rule), and whether this viewer may decide on it
 * now (a reviewer, not the version's uploader). Null for a kind the policy does not review and that never was.
 */
export function internalReviewFor(
  viewer: Viewer,
  rules: Pick<Policy, 'approvals'>,
  piece: { kind: PieceKind; discipline: PieceDiscipline },
  currentVersionId: string | undefined,
  rows: ReviewRow[],
) {
  const needed = needsInternalReview(piece.kind, rules);
  if (!needed && rows.length === 0) return null;
  const current = rows.find((row) => row.versionId === currentVersionId) ?? null;
  return {
    needed,
    reviewerRole: reviewerRoleOf(piece.discipline, rules) ?? 'admin',
    current,
    // A second person reviews: whoever uploaded the version gets no form (and a 403 if posted).
    mayDecide:
      current?.status === 'open' &&
      mayReviewInternally(viewer.roles, piece.discipline, rules) &&
      mayDecideOwnUpload(viewer.id, current.uploadedBy, rules),
  };
}

export type InternalReviewView = NonNullable<ReturnType<typeof internalReviewFor>>;
