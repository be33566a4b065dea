import { and, eq, sql } from 'drizzle-orm';
import { aliased } from '../../../db/aliased.ts';
import type { Database } from '../../../db/client.ts';
import {
  approvalRounds,
  clients,
  pieces,
  pieceVersions,
  projects,
  users,
} from '../../../db/schema/index.ts';
import { designTeamOf, OUTER_CLIENT_ID } from '../clients/team-membership.ts';
import { csMailColumns } from '../mail/mail-recipients.ts';

/** A piece with its kind, department, client and CS: what acting on it needs, for a batch. */
export function readPieceFacts(db: Database, pieceId: string) {
  return db
    .select({
      id: pieces.id,
      title: pieces.title,
      kind: pieces.kind,
      discipline: pieces.discipline,
      status: pieces.status,
      latestVersion: pieces.latestVersion,
      designerId: projects.designerId,
      clientId: aliased(clients.id, 'client_id'),
      clientName: aliased(clients.name, 'client_name'),
      clientCsId: clients.csUserId,
      designTeam: designTeamOf(OUTER_CLIENT_ID),
      ...csMailColumns,
    })
    .from(pieces)
    .innerJoin(projects, eq(projects.id, pieces.projectId))
    .innerJoin(clients, eq(clients.id, pieces.clientId))
    .innerJoin(users, eq(users.id, clients.csUserId))
    .where(eq(pieces.id, pieceId));
}

/**
 * A piece with its newest version and that version's round, its client and CS: what
 * sending, revoking and deciding need, in one round trip.
 */
export async function loadPieceContext(db: Database, pieceId: string) {
  const newestNumber = sql`(select ${pieces.latestVersion} from ${pieces} where ${pieces.id} = ${pieceId})`;
  const [found, versions, rounds] = await db.batch([
    readPieceFacts(db, pieceId),
    db
      .select({ id: pieceVersions.id, number: pieceVersions.number })
      .from(pieceVersions)
      .where(
        and(eq(pieceVersions.pieceId, pieceId), sql`${pieceVersions.number} = ${newestNumber}`),
      ),
    db
      .select({ id: approvalRounds.id, status: approvalRounds.status, rule: approvalRounds.rule })
      .from(approvalRounds)
      .innerJoin(pieceVersions, eq(pieceVersions.id, approvalRounds.versionId))
      .where(
        and(eq(approvalRounds.pieceId, pieceId), sql`${pieceVersions.number} = ${newestNumber}`),
      ),
  ]);
  const piece = found[0];
  if (!piece) return null;
  return { piece, version: versions[0] ?? null, round: rounds[0] ?? null };
}

export type PieceContext = NonNullable<Awaited<ReturnType<typeof loadPieceContext>>>;
