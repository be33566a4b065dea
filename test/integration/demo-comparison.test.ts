import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pieceComments, pieceVersions } from '../../db/schema/index.ts';
import { seedDemoAgency } from '../../db/seed.ts';
import { seedDemoComparison, seedDemoPieces } from '../../db/seed-pieces.ts';
import { loadPiecePage } from '../../src/server/approvals/piece-page.ts';
import { detectFileType } from '../../src/server/files/file-type.ts';
import {
  DRIVERS,
  openTestDatabase,
  openTestFileStore,
  type TestDatabase,
} from '../support/test-databases.ts';

/** The demo banner at version 2 after the client asked for changes: what `npm start` shows. */
describe.each(DRIVERS)('the demo comparison (%s)', (driver) => {
  let database: TestDatabase;
  let storage: Awaited<ReturnType<typeof openTestFileStore>>;
  const now = new Date('2026-11-23T12:00:00Z');

  beforeAll(async () => {
    database = await openTestDatabase(driver);
    storage = await openTestFileStore();
    await seedDemoAgency(database.db, now);
    await seedDemoPieces(database.db, storage.files, now);
    await seedDemoComparison(database.db, storage.files, now);
    await seedDemoComparison(database.db, storage.files, now);
  });
  afterAll(async () => {
    await database.close();
    await storage.close();
  });

  it('seeds once: two versions with their images, Rita’s comments on version 1 and a reply', async () => {
    const versions = (await database.db.select().from(pieceVersions)).filter(
      (v) => v.pieceId === 'demo-piece-menu',
    );
    expect(versions.map((v) => v.number).sort()).toEqual([1, 2]);
    for (const version of versions) {
      const object = await storage.bucket.get(version.fileKey);
      const bytes = new Uint8Array((await object?.arrayBuffer()) ?? new ArrayBuffer(0));
      expect(detectFileType(bytes)?.kind).toBe('png');
    }
    const comments = await database.db.select().from(pieceComments);
    expect(comments.filter((c) => c.authorContactId)).toHaveLength(2);
    expect(comments.find((c) => c.parentId)).toMatchObject({ internal: false });
  });

  it('shows CS version 2 beside version 1 with the caption’s changes', async () => {
    const page = await loadPiecePage(
      database.db,
      { id: 'demo-cs', roles: ['cs'] },
      'demo-piece-menu',
    );
    expect(page?.comparison?.previous.number).toBe(1);
    expect(page?.comparison?.current.number).toBe(2);
    expect(page?.comparison?.captionDiff).toContainEqual({ change: 'added', text: 'outono' });
    expect(page?.comparison?.captionDiff).toContainEqual({ change: 'removed', text: 'verão' });
    // Its history tells how it got there.
    expect(page?.history.map((event) => event.key)).toEqual(
      expect.arrayContaining([
        'version_added',
        'internal_review_approved',
        'approval_sent',
        'approval_commented',
        'approval_decided_changes_requested',
        'approval_comment_replied',
        'approval_thread_resolved',
      ]),
    );
    expect(page?.history.find((e) => e.key === 'approval_commented')?.contactName).toBe(
      'Rita Moraes',
    );
  });
});
