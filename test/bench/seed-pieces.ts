import type { Database } from '../../db/client.ts';
import { pieceComments, pieces, pieceVersions, projects } from '../../db/schema/index.ts';
import type { BenchScale } from './scale.ts';
import { insertChunked } from './seed-chunks.ts';
import { benchClientId } from './seed-clients.ts';

/**
 * `scale.pieces` pieces over the bench's clients (one project each), every piece with its
 * versions and the clients' comments on each version. The files are never read: keys only.
 */
export async function seedBenchPieces(db: Database, scale: BenchScale, now: Date) {
  await insertChunked(
    db,
    projects,
    Array.from({ length: scale.clients }, (_, i) => ({
      id: `bench-project-${i}`,
      clientId: benchClientId(i),
      name: `Projeto ${i}`,
      createdAt: now,
    })),
  );
  const pieceRows = Array.from({ length: scale.pieces }, (_, p) => ({
    id: `bench-piece-${p}`,
    projectId: `bench-project-${p % scale.clients}`,
    clientId: benchClientId(p % scale.clients),
    title: `Peça ${p}`,
    kind: 'social_post' as const,
    status: 'awaiting_approval' as const,
    latestVersion: scale.versionsPerPiece,
    createdAt: now,
    updatedAt: now,
  }));
  await insertChunked(db, pieces, pieceRows);
  const versionRows = pieceRows.flatMap((piece) =>
    Array.from({ length: scale.versionsPerPiece }, (_, v) => ({
      id: `${piece.id}-v${v + 1}`,
      pieceId: piece.id,
      number: v + 1,
      fileKey: `pieces/bench/${piece.id}-v${v + 1}`,
      fileName: 'peca.png',
      contentType: 'image/png',
      size: 1000,
      sha256: `${piece.id}-v${v + 1}`,
      width: 1080,
      height: 1080,
      text: 'Legenda da peça',
      createdAt: now,
    })),
  );
  await insertChunked(db, pieceVersions, versionRows);
  await insertChunked(
    db,
    pieceComments,
    versionRows.flatMap((version) =>
      Array.from({ length: scale.commentsPerVersion }, (_, c) => ({
        id: `${version.id}-c${c}`,
        pieceId: version.pieceId,
        versionId: version.id,
        authorName: 'Contato',
        target: c % 2 ? ('text' as const) : ('image' as const),
        body: `Comentário ${c}`,
        createdAt: now,
        updatedAt: now,
      })),
    ),
  );
}
