import type { Database } from '../../db/client.ts';
import {
  approvalLinks,
  approvalRounds,
  clientContacts,
  clients,
  PIECE_STATUSES,
  pieces,
  pieceVersions,
  projects,
} from '../../db/schema/index.ts';
import type { ContactViewer } from '../../src/server/client-space/contact-viewer.ts';
import { insertChunked } from './seed-chunks.ts';

const CLIENT_ID = 'bench-space-client';
const CONTACT_ID = 'bench-space-contact';
/** The figure (#18): the board of a client with 500 pieces. */
const SPACE_PIECES = 500;
const VISIBLE_PROJECTS = 5;

/** The contact whose board the bench measures. */
export const SPACE_BENCH_VIEWER: ContactViewer = {
  sessionId: 'bench-space-session',
  contactId: CONTACT_ID,
  clientId: CLIENT_ID,
  clientName: 'Cliente do espaço',
  name: 'Contato do espaço',
  email: 'espaco@cliente.example',
  locale: 'pt-BR',
  mayApprovePieces: true,
};

/**
 * A client of another CS with 500 pieces in five projects visible to it (every status, two
 * versions each, the first sent to the contact for every piece past the agency's review) and
 * a hidden project of 50 more that the board must skip.
 */
export async function seedBenchSpace(db: Database, now: Date) {
  await db.insert(clients).values({
    id: CLIENT_ID,
    name: SPACE_BENCH_VIEWER.clientName,
    csUserId: 'bench-cs-0',
    serviceEndsOn: '2027-03-31',
    createdAt: now,
  });
  await db.insert(clientContacts).values({
    id: CONTACT_ID,
    clientId: CLIENT_ID,
    name: SPACE_BENCH_VIEWER.name,
    email: SPACE_BENCH_VIEWER.email,
    mayApprovePieces: true,
    mayUseSpace: true,
    createdAt: now,
  });
  await insertChunked(
    db,
    projects,
    Array.from({ length: VISIBLE_PROJECTS + 1 }, (_, i) => ({
      id: `bench-space-project-${i}`,
      clientId: CLIENT_ID,
      name: `Projeto do espaço ${i}`,
      visibleToClient: i < VISIBLE_PROJECTS,
      createdAt: now,
    })),
  );
  const pieceRows = Array.from({ length: SPACE_PIECES + 50 }, (_, p) => ({
    id: `bench-space-piece-${p}`,
    projectId: `bench-space-project-${p < SPACE_PIECES ? p % VISIBLE_PROJECTS : VISIBLE_PROJECTS}`,
    clientId: CLIENT_ID,
    title: `Peça do espaço ${p}`,
    kind: 'social_post' as const,
    status: PIECE_STATUSES[p % PIECE_STATUSES.length] ?? 'in_production',
    dueOn: `2026-12-${String(1 + (p % 28)).padStart(2, '0')}`,
    latestVersion: 2,
    createdAt: now,
    updatedAt: now,
  }));
  await insertChunked(db, pieces, pieceRows);
  await insertChunked(
    db,
    pieceVersions,
    pieceRows.flatMap((piece) =>
      [1, 2].map((number) => ({
        id: `${piece.id}-v${number}`,
        pieceId: piece.id,
        number,
        fileKey: `pieces/bench/${piece.id}-v${number}`,
        fileName: 'peca.png',
        contentType: 'image/png',
        size: 1000,
        sha256: `${piece.id}-v${number}`,
        width: 1080,
        height: 1080,
        text: 'Legenda da peça',
        createdAt: now,
      })),
    ),
  );
  const sent = pieceRows.filter(
    (piece) => !['in_production', 'internal_review'].includes(piece.status),
  );
  await insertChunked(
    db,
    approvalRounds,
    sent.map((piece) => ({
      id: `${piece.id}-r1`,
      pieceId: piece.id,
      versionId: `${piece.id}-v1`,
      rule: 'all' as const,
      status:
        piece.status === 'awaiting_approval' ? ('open' as const) : ('changes_requested' as const),
      createdAt: now,
    })),
  );
  await insertChunked(
    db,
    approvalLinks,
    sent.map((piece) => ({
      id: `${piece.id}-link`,
      roundId: `${piece.id}-r1`,
      contactId: CONTACT_ID,
      reason: 'sent' as const,
      createdAt: now,
      expiresAt: new Date(now.getTime() + 7 * 86_400_000),
    })),
  );
}
