import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { pieces, pieceVersions, projects } from '../../../db/schema/index.ts';
import { versionFileColumns } from '../approvals/versions-sent.ts';
import type { ContactViewer } from './contact-viewer.ts';
import { seenInSpace, sentToClient } from './project-visibility.ts';

/** Where the space serves a version's file (the route checks who asks and what was sent). */
export const spaceFileUrl = (pieceId: string, versionNumber: number) =>
  `/api/space/pieces/${encodeURIComponent(pieceId)}/versions/${versionNumber}/file`;

/**
 * A version's file for the space: only of a piece the contact sees, and only a version sent
 * to their client (the rule of the link's file route: a version still inside the agency, or
 * of another client, is unknown here, 404, as one that does not exist).
 */
export async function findSpaceVersionFile(
  db: Database,
  viewer: ContactViewer,
  pieceId: string,
  number: number,
) {
  const [version] = await db
    .select(versionFileColumns)
    .from(pieceVersions)
    .innerJoin(pieces, eq(pieces.id, pieceVersions.pieceId))
    .innerJoin(projects, eq(projects.id, pieces.projectId))
    .where(
      and(
        eq(pieces.id, pieceId),
        eq(pieceVersions.number, number),
        seenInSpace(viewer),
        sentToClient(),
      ),
    );
  return version ?? null;
}
