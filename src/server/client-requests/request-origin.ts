import { and, asc, eq, ne, or, type SQL, sql } from 'drizzle-orm';
import type { RowsOf } from '../../../db/batch-rows.ts';
import type { Database } from '../../../db/client.ts';
import {
  clientRequests,
  clients,
  pieces,
  projects,
  requestFiles,
  requestTemplates,
} from '../../../db/schema/index.ts';
import { policy } from '../../policy/index.ts';
import { mayWorkOnPiece } from '../approvals/approval-rules.ts';
import { mayReviewInternally } from '../approvals/internal-review-rules.ts';
import type { Viewer } from '../auth/viewer.ts';
import { designTeamOf, OUTER_CLIENT_ID } from '../clients/team-membership.ts';
import { answerRowsOf, REQUEST_FILE_COLUMNS } from './request-pages-answers.ts';

/**
 * SQL: the request a piece came from — the piece request whose piece it is (the piece has the
 * request's id, see pieceIdOfRequest), or the project request that made its project. A
 * draft never became anything.
 */
function requestOfPiece(pieceId: string): SQL | undefined {
  const projectOfPiece = sql`(select ${pieces.projectId} from ${pieces} where ${pieces.id} = ${pieceId})`;
  const clientOfPiece = sql`(select ${pieces.clientId} from ${pieces} where ${pieces.id} = ${pieceId})`;
  return and(
    // The piece's client's requests only (its index), never a scan of every client's.
    eq(clientRequests.clientId, clientOfPiece),
    ne(clientRequests.status, 'draft'),
    or(
      and(eq(clientRequests.kind, 'piece'), eq(clientRequests.id, pieceId)),
      and(eq(clientRequests.kind, 'project'), eq(clientRequests.resultProjectId, projectOfPiece)),
    ),
  );
}

/**
 * The client's request a piece came from (with its form's fields) and the request's files:
 * two reads for the piece page's batch. The page shows it only to who may see the piece.
 */
export function readRequestOfPiece(db: Database, pieceId: string) {
  return [
    db
      .select({
        id: clientRequests.id,
        title: clientRequests.title,
        kind: clientRequests.kind,
        answers: clientRequests.answers,
        fields: requestTemplates.fields,
      })
      .from(clientRequests)
      .innerJoin(requestTemplates, eq(requestTemplates.id, clientRequests.templateId))
      .where(requestOfPiece(pieceId)),
    db
      .select(REQUEST_FILE_COLUMNS)
      .from(requestFiles)
      .innerJoin(clientRequests, eq(clientRequests.id, requestFiles.requestId))
      .where(requestOfPiece(pieceId))
      .orderBy(asc(requestFiles.createdAt), asc(requestFiles.id)),
  ] as const;
}

type RequestOfPieceRows = RowsOf<ReturnType<typeof readRequestOfPiece>>;

/**
 * The request a piece came from as its page shows it — what the client answered, each file
 * under its field — from readRequestOfPiece's rows; null when the piece came from no request.
 */
export function requestOriginOf([requests, files]: RequestOfPieceRows) {
  const [request] = requests;
  if (!request) return null;
  return {
    id: request.id,
    title: request.title,
    kind: request.kind,
    answers: answerRowsOf(request.fields, request.answers, files),
  };
}

export type RequestOrigin = NonNullable<ReturnType<typeof requestOriginOf>>;

/**
 * A file of the request a piece came from, for who sees the piece (as its page decides: who
 * works on it — its CS, an admin, the project's designer or the client's design team — or who
 * reviews its department): the piece page's links. Null for anyone else, another request's
 * file, or a piece that came from no request. One round trip.
 */
export async function findPieceRequestFileFor(
  db: Database,
  viewer: Viewer,
  input: { pieceId: string; fileId: string },
) {
  const [[piece], [file]] = await db.batch([
    db
      .select({
        clientCsId: clients.csUserId,
        designerId: projects.designerId,
        designTeam: designTeamOf(OUTER_CLIENT_ID),
        discipline: pieces.discipline,
      })
      .from(pieces)
      .innerJoin(projects, eq(projects.id, pieces.projectId))
      .innerJoin(clients, eq(clients.id, pieces.clientId))
      .where(eq(pieces.id, input.pieceId)),
    db
      .select({
        fileKey: requestFiles.fileKey,
        fileName: requestFiles.fileName,
        contentType: requestFiles.contentType,
        size: requestFiles.size,
      })
      .from(requestFiles)
      .innerJoin(clientRequests, eq(clientRequests.id, requestFiles.requestId))
      .where(and(eq(requestFiles.id, input.fileId), requestOfPiece(input.pieceId))),
  ]);
  if (!piece || !file) return null;
  const seesPiece =
    mayWorkOnPiece(viewer, piece) || mayReviewInternally(viewer.roles, piece.discipline, policy);
  return seesPiece ? file : null;
}
