import { and, desc, eq, exists, lt, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { approvalLinks, approvalRounds, pieceVersions } from '../../../db/schema/index.ts';

/**
 * A client contact sees only the versions of a piece that were sent to them: a version whose
 * round gave them a link (revoked or expired since, it was still shown to them). A version the
 * agency never sent them — still in production, or sent only to another contact — stays out
 * of everything their link reaches, the comparison and its files included.
 */
function sentToContact(db: Database, contactId: string) {
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

const SENT_VERSION = {
  number: pieceVersions.number,
  fileKey: pieceVersions.fileKey,
  fileName: pieceVersions.fileName,
  contentType: pieceVersions.contentType,
  size: pieceVersions.size,
  width: pieceVersions.width,
  height: pieceVersions.height,
  text: pieceVersions.text,
};

function versionsSent(db: Database, link: { pieceId: string; contactId: string }, which: SQL) {
  return db
    .select(SENT_VERSION)
    .from(pieceVersions)
    .where(and(eq(pieceVersions.pieceId, link.pieceId), which, sentToContact(db, link.contactId)));
}

/** The newest version sent to the contact before the one their link shows: what it changed. */
export function readVersionSentBefore(
  db: Database,
  link: { pieceId: string; contactId: string; versionNumber: number },
) {
  return versionsSent(db, link, lt(pieceVersions.number, link.versionNumber))
    .orderBy(desc(pieceVersions.number))
    .limit(1);
}

/** The version numbered `number`, when it was sent to the contact; none otherwise. */
export async function findVersionSentToContact(
  db: Database,
  link: { pieceId: string; contactId: string },
  number: number,
) {
  const [version] = await versionsSent(db, link, eq(pieceVersions.number, number));
  return version ?? null;
}

export type VersionSent = Awaited<ReturnType<typeof readVersionSentBefore>>[number];
