import { and, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { aliased } from '../../../db/aliased.ts';
import type { Database } from '../../../db/client.ts';
import { internalReviews, pieces, pieceVersions, users } from '../../../db/schema/index.ts';
import { readPieceFacts } from './piece-context.ts';

const uploader = alias(users, 'uploader');

/**
 * A piece with what its internal review needs, in one round trip: its kind and discipline,
 * who may see it, its CS, its newest version with who uploaded it, and that version's review.
 */
export async function loadInternalReviewContext(db: Database, pieceId: string) {
  const newestNumber = sql`(select ${pieces.latestVersion} from ${pieces} where ${pieces.id} = ${pieceId})`;
  const [found, versions, reviews] = await db.batch([
    readPieceFacts(db, pieceId),
    db
      .select({
        id: pieceVersions.id,
        number: pieceVersions.number,
        uploaderId: pieceVersions.createdBy,
        uploaderName: aliased(uploader.name, 'uploader_name'),
        uploaderEmail: aliased(uploader.email, 'uploader_email'),
        uploaderLocale: aliased(uploader.locale, 'uploader_locale'),
      })
      .from(pieceVersions)
      .leftJoin(uploader, eq(uploader.id, pieceVersions.createdBy))
      .where(
        and(eq(pieceVersions.pieceId, pieceId), sql`${pieceVersions.number} = ${newestNumber}`),
      ),
    db
      .select({
        id: internalReviews.id,
        versionId: internalReviews.versionId,
        number: pieceVersions.number,
        discipline: internalReviews.discipline,
        status: internalReviews.status,
        sendToSameContacts: internalReviews.sendToSameContacts,
      })
      .from(internalReviews)
      .innerJoin(pieceVersions, eq(pieceVersions.id, internalReviews.versionId))
      .where(eq(internalReviews.pieceId, pieceId))
      .orderBy(desc(pieceVersions.number)),
  ]);
  const piece = found[0];
  if (!piece) return null;
  const version = versions[0] ?? null;
  return {
    piece,
    version,
    // The newest version's review: none when its kind needs none (or it predates the rule).
    review: reviews.find((r) => r.versionId === version?.id) ?? null,
    reviews,
  };
}

export type InternalReviewContext = NonNullable<
  Awaited<ReturnType<typeof loadInternalReviewContext>>
>;
