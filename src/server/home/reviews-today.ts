import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { aliased } from '../../../db/aliased.ts';
import type { Database } from '../../../db/client.ts';
import {
  clients,
  internalReviews,
  type PieceDiscipline,
  pieces,
  pieceVersions,
} from '../../../db/schema/index.ts';
import { HOME_ITEMS } from './finance-today.ts';

/**
 * The read, for the home's batch, of the internal reviews waiting for a reviewer: open, of
 * the latest version of a piece (an older version's review no longer decides anything), in
 * the disciplines they review (reviewerDisciplinesOf), the most overdue first, with how many
 * there are. Found through the open reviews by due time (an index), not every review.
 */
export function readReviewsWaiting(db: Database, disciplines: readonly PieceDiscipline[]) {
  return db
    .select({
      pieceId: pieces.id,
      title: pieces.title,
      clientName: aliased(clients.name, 'client_name'),
      versionNumber: pieceVersions.number,
      dueAt: internalReviews.dueAt,
      matched: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(internalReviews)
    .innerJoin(pieceVersions, eq(pieceVersions.id, internalReviews.versionId))
    .innerJoin(pieces, eq(pieces.id, internalReviews.pieceId))
    .innerJoin(clients, eq(clients.id, pieces.clientId))
    .where(
      and(
        eq(internalReviews.status, 'open'),
        inArray(internalReviews.discipline, [...disciplines]),
        eq(pieceVersions.number, pieces.latestVersion),
      ),
    )
    .orderBy(asc(internalReviews.dueAt), asc(pieces.title))
    .limit(HOME_ITEMS);
}
