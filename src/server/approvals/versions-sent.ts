import { and, eq, exists, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { approvalLinks, approvalRounds, pieceVersions } from '../../../db/schema/index.ts';

/**
 * A client contact sees only the versions of a piece that were sent to them: a version whose
 * round gave them a link (revoked or expired since, it was still shown to them). A version the
 * agency never sent them — still in production, or sent only to another contact — stays out
 * of everything their link reaches, the comparison and its files included (the link's own
 * read, `openApprovalByToken`, picks the version sent before from the same links, and shows
 * only the decisions on versions this says were sent). Correlated on `piece_versions.id` of
 * the query it is used in; the contact may be a subquery (the link's own contact).
 */
export function sentToContact(db: Database, contactId: string | SQL) {
  return exists(
    db
      .select({ one: approvalLinks.id })
      .from(approvalLinks)
      .innerJoin(approvalRounds, eq(approvalRounds.id, approvalLinks.roundId))
      .where(
        and(eq(approvalRounds.versionId, pieceVersions.id), eq(approvalLinks.contactId, contactId)),
      ),
  );
}

/**
 * What a route needs to serve a version's file (the link's and the space's file routes): where
 * it is stored, its name, type and size. Each route decides first whether the reader may see it.
 */
export const versionFileColumns = {
  fileKey: pieceVersions.fileKey,
  fileName: pieceVersions.fileName,
  contentType: pieceVersions.contentType,
  size: pieceVersions.size,
};

/** The version numbered `number`, when it was sent to the contact; none otherwise. */
export async function findVersionSentToContact(
  db: Database,
  link: { pieceId: string; contactId: string },
  number: number,
) {
  const [version] = await db
    .select(versionFileColumns)
    .from(pieceVersions)
    .where(
      and(
        eq(pieceVersions.pieceId, link.pieceId),
        eq(pieceVersions.number, number),
        sentToContact(db, link.contactId),
      ),
    );
  return version ?? null;
}
