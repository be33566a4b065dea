import { eq } from 'drizzle-orm';
import { generateSecretToken, hashToken } from '../src/server/auth/tokens.ts';
import type { FileStore } from '../src/server/files/file-store.ts';
import type { Database } from './client.ts';
import { demoPng } from './demo-png.ts';
import {
  approvalDecisions,
  approvalLinks,
  approvalRounds,
  changeRequests,
  events,
  internalReviews,
  pieceComments,
  pieces,
  pieceVersions,
  projects,
} from './schema/index.ts';

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

const MENU = 'demo-piece-menu';
const RITA = { id: 'demo-contact-bakery-owner', name: 'Rita Moraes' };

/**
 * A second demo piece, a banner at version 2 after the client asked for changes on version 1:
 * Rita's comments on version 1 (one answered by CS and resolved), her decision and its change
 * request (done by version 2), both versions approved inside the agency. Version 2 is ready to
 * send, so the piece page shows what changed, and the client's link does once it is sent.
 * Separate from {@link seedDemoPieces}, whose one piece the tests count on. Idempotent.
 */
export async function seedDemoComparison(db: Database, files: FileStore, now: Date) {
  const [existing] = await db.select({ id: pieces.id }).from(pieces).where(eq(pieces.id, MENU));
  if (existing) return;
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * 3_600_000);
  const [first, second] = await Promise.all([
    files.put(`pieces/demo/${MENU}-v1.png`, demoPng(1080, 1080, [214, 160, 60]), 'image/png'),
    files.put(`pieces/demo/${MENU}-v2.png`, demoPng(1080, 1080, [150, 64, 28]), 'image/png'),
  ]);
  const version = (number: 1 | 2, stored: typeof first, text: string, hoursAgo: number) => ({
    id: `${MENU}-v${number}`,
    pieceId: MENU,
    number,
    fileKey: stored.key,
    fileName: `cardapio-outono-v${number}.png`,
    contentType: stored.contentType,
    size: stored.size,
    sha256: stored.sha256,
    width: 1080,
    height: 1080,
    text,
    createdAt: at(hoursAgo),
    createdBy: 'demo-design',
  });
  const review = (number: 1 | 2, hoursAgo: number) => ({
    id: `${MENU}-v${number}-review`,
    pieceId: MENU,
    versionId: `${MENU}-v${number}`,
    discipline: 'design' as const,
    status: 'approved' as const,
    dueAt: at(hoursAgo - 4),
    createdAt: at(hoursAgo),
    createdBy: 'demo-design',
    decidedAt: at(hoursAgo - 1),
    decidedBy: 'demo-head-design',
  });
  const comment = (id: string, fields: Partial<typeof pieceComments.$inferInsert>) => ({
    id: `${MENU}-${id}`,
    pieceId: MENU,
    versionId: `${MENU}-v1`,
    authorContactId: RITA.id,
    authorName: RITA.name,
    target: 'general' as const,
    body: '',
    createdAt: at(50),
    updatedAt: at(50),
    ...fields,
  });
  const rita = { contactId: RITA.id, contactName: RITA.name };
  const colour = { commentId: `${MENU}-colour`, version: 1, internal: false };
  await db.batch([
    db
      .insert(pieces)
      .values({
        id: MENU,
        projectId: 'demo-project-summer',
        clientId: 'demo-client-bakery',
        title: 'Banner do cardápio de outono',
        kind: 'banner',
        status: 'ready_to_send',
        latestVersion: 2,
        createdAt: at(80),
        createdBy: 'demo-cs',
        updatedAt: at(20),
      })
      .onConflictDoNothing(),
    db
      .insert(pieceVersions)
      .values([
        version(
          1,
          first,
          'Novo cardápio de verão: saladas, sucos e pão de fermentação natural.',
          72,
        ),
        version(
          2,
          second,
          'Novo cardápio de outono: sopas, chás e pão de fermentação natural. A partir de R$ 29.',
          22,
        ),
      ]),
    db.insert(internalReviews).values([review(1, 72), review(2, 22)]),
    db.insert(approvalRounds).values({
      id: `${MENU}-v1`,
      pieceId: MENU,
      versionId: `${MENU}-v1`,
      rule: 'all',
      status: 'changes_requested',
      createdAt: at(68),
      createdBy: 'demo-cs',
      closedAt: at(48),
    }),
    // Rita's link to version 1: its token was e-mailed and is not kept (only its hash is).
    db.insert(approvalLinks).values({
      id: hashToken(generateSecretToken()),
      roundId: `${MENU}-v1`,
      contactId: RITA.id,
      reason: 'sent',
      createdAt: at(68),
      expiresAt: at(68 - 30 * 24),
      firstOpenedAt: at(60),
    }),
    db.insert(pieceComments).values([
      comment('colour', {
        target: 'image',
        pinX: 0.5,
        pinY: 0.5,
        body: 'A cor está clara demais para o outono.',
        resolvedAt: at(21),
        resolvedBy: 'demo-cs',
      }),
      comment('colour-reply', {
        parentId: `${MENU}-colour`,
        authorContactId: null,
        authorUserId: 'demo-cs',
        authorName: 'Carla Campos',
        body: 'Feito na versão 2: um tom de terracota, mais escuro.',
        createdAt: at(21),
        updatedAt: at(21),
      }),
      comment('text', {
        target: 'text',
        body: 'Troquem o cardápio de verão pelo de outono e ponham o preço.',
        createdAt: at(49),
        updatedAt: at(49),
      }),
    ]),
    db.insert(approvalDecisions).values({
      id: `${MENU}-v1-rita`,
      roundId: `${MENU}-v1`,
      contactId: RITA.id,
      contactName: RITA.name,
      decision: 'changes_requested',
      message: 'A cor e o texto ainda são de verão; vejam os comentários.',
      decidedAt: at(48),
    }),
    // The piece's history, as the actions would have written it.
    db.insert(events).values(
      (
        [
          [72, 'demo-design', 'version_added', { version: 1, fileName: 'cardapio-outono-v1.png' }],
          [71, 'demo-head-design', 'internal_review_approved', { version: 1 }],
          [68, 'demo-cs', 'approval_sent', { ...rita, version: 1 }],
          [50, null, 'approval_commented', { ...rita, version: 1, commentId: `${MENU}-colour` }],
          [49, null, 'approval_commented', { ...rita, version: 1, commentId: `${MENU}-text` }],
          [48, null, 'approval_decided', { ...rita, version: 1, decision: 'changes_requested' }],
          [22, 'demo-design', 'version_added', { version: 2, fileName: 'cardapio-outono-v2.png' }],
          [21.5, 'demo-head-design', 'internal_review_approved', { version: 2 }],
          [
            21,
            'demo-cs',
            'approval_comment_replied',
            { ...colour, replyId: `${MENU}-colour-reply` },
          ],
          [21, 'demo-cs', 'approval_thread_resolved', colour],
        ] as const
      ).map(([hoursAgo, actorId, action, data]) => ({
        occurredAt: at(hoursAgo),
        actorId,
        action,
        subjectType: 'piece',
        subjectId: MENU,
        data,
      })),
    ),
    db.insert(changeRequests).values({
      id: `${MENU}-v1-change`,
      clientId: 'demo-client-bakery',
      pieceId: MENU,
      kind: 'post',
      summary: 'A cor e o texto ainda são de verão; vejam os comentários.',
      requestedAt: at(48),
      dueAt: at(24),
      doneAt: at(22),
      doneBy: 'demo-design',
    }),
  ]);
}
