import { and, asc, desc, eq, exists, lt, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { aliased } from '../../../db/aliased.ts';
import type { Database } from '../../../db/client.ts';
import {
  approvalLinks,
  approvalRounds,
  pieceComments,
  pieceVersions,
} from '../../../db/schema/index.ts';
import { withPins } from './comment-pins.ts';
import { threadsOf } from './comment-threads.ts';

/**
 * The comments a client link shows, for the link's batch: the version's and those of the
 * version the client saw before it, never an internal one — internal comments and internal
 * replies are not selected here at all, so nothing reached by a link can leak them. The
 * version before is the newest earlier one sent to the link's contact (`contactOfLink`), the
 * one the comparison shows them (`versionSentBefore`): a version held inside the agency, or
 * sent only to another contact, never reached them. Without a contact (the space's read-only
 * page, which shows this version's comments only), the newest earlier one sent to anyone.
 */
export function readClientComments(db: Database, versionOfLink: SQL, contactOfLink?: SQL) {
  const current = alias(pieceVersions, 'current_version');
  const before = alias(pieceVersions, 'version_before');
  const sentBefore = db
    .select({ id: before.id })
    .from(before)
    .innerJoin(current, and(eq(current.pieceId, before.pieceId), lt(before.number, current.number)))
    .innerJoin(approvalRounds, eq(approvalRounds.versionId, before.id));
  const versionBefore = (
    contactOfLink
      ? sentBefore.innerJoin(
          approvalLinks,
          and(
            eq(approvalLinks.roundId, approvalRounds.id),
            sql`${approvalLinks.contactId} = ${contactOfLink}`,
          ),
        )
      : sentBefore
  )
    .where(sql`${current.id} = ${versionOfLink}`)
    .orderBy(desc(before.number))
    .limit(1);
  // Whether the agency answered it at all, internal notes included, without reading them:
  // an answered comment stays as it was answered (the client may no longer edit or delete it).
  const reply = alias(pieceComments, 'reply');
  const replies = db
    .select({ id: reply.id })
    .from(reply)
    .where(eq(reply.parentId, pieceComments.id));
  const answered = exists(replies);
  return db
    .select({
      id: pieceComments.id,
      answered: answered.mapWith(Boolean),
      versionId: pieceComments.versionId,
      versionNumber: aliased(pieceVersions.number, 'version_number'),
      parentId: pieceComments.parentId,
      authorName: pieceComments.authorName,
      authorContactId: pieceComments.authorContactId,
      fromAgency: sql<boolean>`${pieceComments.authorUserId} is not null`.mapWith(Boolean),
      target: pieceComments.target,
      pinX: pieceComments.pinX,
      pinY: pieceComments.pinY,
      body: pieceComments.body,
      resolvedAt: pieceComments.resolvedAt,
      createdAt: pieceComments.createdAt,
      updatedAt: pieceComments.updatedAt,
    })
    .from(pieceComments)
    .innerJoin(pieceVersions, eq(pieceVersions.id, pieceComments.versionId))
    .where(
      and(
        sql`${pieceComments.versionId} in (${versionOfLink}, (${versionBefore}))`,
        eq(pieceComments.internal, false),
      ),
    )
    .orderBy(asc(pieceComments.createdAt));
}

export type ClientComment = Awaited<ReturnType<typeof readClientComments>>[number];

/**
 * The link's comments split by version: this version's (threads are drawn by the page), and
 * the client's own threads on the version before with the agency's answers and whether each
 * was resolved — what happened to their last feedback.
 */
export function clientCommentsByVersion(rows: ClientComment[], versionId: string) {
  const comments = rows.filter((row) => row.versionId === versionId);
  const before = rows.filter((row) => row.versionId !== versionId);
  // Numbered over every comment the client saw on that version, so "ponto 2" still means
  // the pin they placed; not drawn, as the page shows this version's image.
  const previousThreads = threadsOf(withPins(before, versionId)).filter(
    (thread) => thread.authorContactId !== null,
  );
  return { comments, previousThreads };
}
