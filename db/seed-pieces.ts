import { eq } from 'drizzle-orm';
import type { FileStore } from '../src/server/files/file-store.ts';
import type { Database } from './client.ts';
import { demoPng } from './demo-png.ts';
import { pieces, pieceVersions, projects } from './schema/index.ts';

/**
 * A demo project for the bakery, given to the demo designer, with one piece whose first
 * version (an image and its caption) is ready to be sent for approval. Idempotent.
 */
export async function seedDemoPieces(db: Database, files: FileStore, now: Date): Promise<void> {
  const [existing] = await db
    .select({ id: pieces.id })
    .from(pieces)
    .where(eq(pieces.id, 'demo-piece-launch'));
  if (existing) return;
  const stored = await files.put(
    'pieces/demo/demo-piece-launch-v1.png',
    demoPng(1080, 1080, [176, 98, 32]),
    'image/png',
  );
  await db.batch([
    db
      .insert(projects)
      .values({
        id: 'demo-project-summer',
        clientId: 'demo-client-bakery',
        name: 'Campanha de verão',
        designerId: 'demo-design',
        createdAt: now,
        createdBy: 'demo-cs',
      })
      .onConflictDoNothing(),
    db
      .insert(pieces)
      .values({
        id: 'demo-piece-launch',
        projectId: 'demo-project-summer',
        clientId: 'demo-client-bakery',
        title: 'Post de lançamento do pão de fermentação natural',
        kind: 'social_post',
        latestVersion: 1,
        createdAt: now,
        createdBy: 'demo-cs',
        updatedAt: now,
      })
      .onConflictDoNothing(),
    db
      .insert(pieceVersions)
      .values({
        id: 'demo-piece-launch-v1',
        pieceId: 'demo-piece-launch',
        number: 1,
        fileKey: stored.key,
        fileName: 'lancamento-v1.png',
        contentType: stored.contentType,
        size: stored.size,
        sha256: stored.sha256,
        width: 1080,
        height: 1080,
        text: 'Chegou o pão de fermentação natural! Todo dia às 7h, quentinho. 🍞',
        createdAt: now,
        createdBy: 'demo-design',
      })
      .onConflictDoNothing(),
  ]);
}
