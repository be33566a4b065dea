import { asc, desc, eq } from 'drizzle-orm';
import { aliased } from '../../../db/aliased.ts';
import type { RowsOf } from '../../../db/batch-rows.ts';
import type { Database } from '../../../db/client.ts';
import {
  approvalDecisions,
  approvalLinks,
  approvalRounds,
  changeRequests,
  clientContacts,
  clients,
  pieceComments,
  pieces,
  pieceVersions,
  projects,
} from '../../../db/schema/index.ts';
import { policy } from '../../policy/index.ts';
import { readSubjectHistory } from '../audit/event-history.ts';
import type { Viewer } from '../auth/viewer.ts';
import { designTeamOf, OUTER_CLIENT_ID } from '../clients/team-membership.ts';
import { mayWorkOnPiece } from './approval-rules.ts';
import { mayReviewInternally } from './internal-review-rules.ts';
import { DECISION_COLUMNS, PIECE_SUMMARY } from './piece-columns.ts';

/**
 * The reads behind a piece and what its page shows (access facts first), for one batch: alone,
 * or with a page's other reads.
 */
export function readPieceDetail(db: Database, pieceId: string) {
  return [
    db
      .select({
        ...PIECE_SUMMARY,
        projectId: pieces.projectId,
        discipline: pieces.discipline,
        projectName: aliased(projects.name, 'project_name'),
        designerId: projects.designerId,
        clientId: aliased(clients.id, 'client_id'),
        clientName: aliased(clients.name, 'client_name'),
        clientCsId: clients.csUserId,
        designTeam: designTeamOf(OUTER_CLIENT_ID),
      })
      .from(pieces)
      .innerJoin(projects, eq(projects.id, pieces.projectId))
      .innerJoin(clients, eq(clients.id, pieces.clientId))
      .where(eq(pieces.id, pieceId)),
    db
      .select({
        id: pieceVersions.id,
        number: pieceVersions.number,
        fileKey: pieceVersions.fileKey,
        fileName: pieceVersions.fileName,
        contentType: pieceVersions.contentType,
        size: pieceVersions.size,
        width: pieceVersions.width,
        height: pieceVersions.height,
        text: pieceVersions.text,
        createdAt: pieceVersions.createdAt,
      })
      .from(pieceVersions)
      .where(eq(pieceVersions.pieceId, pieceId))
      .orderBy(desc(pieceVersions.number)),
    db.select().from(approvalRounds).where(eq(approvalRounds.pieceId, pieceId)),
    db
      .select({
        roundId: approvalLinks.roundId,
        contactId: approvalLinks.contactId,
        contactName: clientContacts.name,
        createdAt: approvalLinks.createdAt,
        expiresAt: approvalLinks.expiresAt,
        revokedAt: approvalLinks.revokedAt,
        firstOpenedAt: approvalLinks.firstOpenedAt,
      })
      .from(approvalLinks)
      .innerJoin(approvalRounds, eq(approvalRounds.id, approvalLinks.roundId))
      .innerJoin(clientContacts, eq(clientContacts.id, approvalLinks.contactId))
      .where(eq(approvalRounds.pieceId, pieceId))
      .orderBy(asc(approvalLinks.createdAt)),
    db
      .select({
        ...DECISION_COLUMNS,
      })
      .from(approvalDecisions)
      .innerJoin(approvalRounds, eq(approvalRounds.id, approvalDecisions.roundId))
      .where(eq(approvalRounds.pieceId, pieceId))
      .orderBy(asc(approvalDecisions.decidedAt)),
    db
      .select()
      .from(pieceComments)
      .where(eq(pieceComments.pieceId, pieceId))
      .orderBy(asc(pieceComments.createdAt)),
    db
      .select()
      .from(changeRequests)
      .where(eq(changeRequests.pieceId, pieceId))
      .orderBy(desc(changeRequests.requestedAt)),
    // Each event with who acted (name and roles), for the history in sentences.
    readSubjectHistory(db, 'piece', pieceId),
  ] as const;
}

type PieceDetailRows = RowsOf<ReturnType<typeof readPieceDetail>>;

/**
 * The piece from its reads, or null when there is none or the viewer may neither work on it
 * nor review its discipline inside the agency.
 */
export function pieceDetailFor(viewer: Viewer, rows: PieceDetailRows) {
  const [found, versions, rounds, links, decisions, comments, changes, history] = rows;
  const piece = found[0];
  if (!piece) return null;
  if (
    !mayWorkOnPiece(viewer, piece) &&
    !mayReviewInternally(viewer.roles, piece.discipline, policy)
  )
    return null;
  return { piece, versions, rounds, links, decisions, comments, changes, history };
}
