import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoPng } from '../../db/demo-png.ts';
import { onboardingFiles, pieceVersions } from '../../db/schema/index.ts';
import { seedDemoPieces } from '../../db/seed-pieces.ts';
import { createApi } from '../../functions/app.ts';
import { createFileStore } from '../../src/server/files/file-store.ts';
import { ORPHAN_GRACE_MS, sweepOrphanFiles } from '../../src/server/files/sweep-orphan-files.ts';
import {
  bucketFailingPuts,
  databaseDown,
  databaseFailingAt,
  databaseWithWrongQueryAt,
} from '../support/faults.ts';
import { latestMailMatch, postJson, seedPeople, signIn } from '../support/sign-in.ts';
import { createTestApp, readJson, SAME_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

function versionForm(cookie: string): RequestInit {
  const form = new FormData();
  form.set('file', new File([demoPng(20, 20, [1, 2, 3]) as Uint8Array<ArrayBuffer>], 'v.png'));
  return { method: 'POST', headers: { ...SAME_ORIGIN, Cookie: cookie }, body: form };
}

describe.each(DRIVERS)(
  'a part down for a moment: a clear 503, nothing half-written (%s)',
  (driver) => {
    let app: TestApp;
    let cs: string;
    beforeAll(async () => {
      app = await createTestApp(driver);
      await seedPeople(app);
      await seedDemoPieces(app.db, app.files, app.deps.clock());
      cs = await signIn(app, 'cs@ponte.example');
    });
    afterAll(() => app.close());
    const versionFiles = async () => (await app.bucket.list({ prefix: 'pieces/' })).objects.length;

    it('answers 503 in the person’s language when the database does not answer at all', async () => {
      const api = createApi(() => ({ ...app.deps, db: databaseDown(app.db, driver) }));
      const response = await api.request('/api/auth/session', { headers: { Cookie: cs } }, {});
      expect(response.status).toBe(503);
      const body = await readJson(response);
      expect(body.error.message).toMatch(/banco de dados não respondeu/);
      expect(body.error.requestId).toBeTruthy();
    });

    it('answers a wrong query of ours (a bug) with a 500 and a request id, logged with its cause, not a 503', async () => {
      const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
      // Batches: the piece's context, then the version's write (the session is one query).
      const api = createApi(() => ({ ...app.deps, db: databaseWithWrongQueryAt(app.db, 2) }));
      const response = await api.request(
        '/api/pieces/demo-piece-launch/versions',
        versionForm(cs),
        {},
      );
      expect(response.status).toBe(500);
      expect(response.headers.get('Retry-After')).toBeNull();
      const body = await readJson(response);
      expect(body.error.code).toBe('internal');
      expect(body.error.message).toContain(body.error.requestId);
      const [prefix, cause] = logged.mock.calls[0] ?? [];
      expect(prefix).toBe(`[${body.error.requestId}]`);
      expect(String((cause as Error).cause ?? cause)).toMatch(/no such column/);
      logged.mockRestore();
    });

    it('leaves no version without its file when storage fails mid-upload', async () => {
      const before = await versionFiles();
      const files = createFileStore(bucketFailingPuts(app.bucket));
      const api = createApi(() => ({ ...app.deps, files }));
      const response = await api.request(
        '/api/pieces/demo-piece-launch/versions',
        versionForm(cs),
        {},
      );
      expect(response.status).toBe(503);
      expect(await app.db.select().from(pieceVersions)).toHaveLength(1);
      expect(await versionFiles()).toBe(before);
    });

    it('leaves no file without its version when the database write fails, and the retry makes one', async () => {
      const before = await versionFiles();
      // Batches: the piece's context, then the version's write (the session is one query).
      const api = createApi(() => ({ ...app.deps, db: databaseFailingAt(app.db, driver, 2) }));
      const response = await api.request(
        '/api/pieces/demo-piece-launch/versions',
        versionForm(cs),
        {},
      );
      expect(response.status).toBe(503);
      expect(await app.db.select().from(pieceVersions)).toHaveLength(1);
      expect(await versionFiles()).toBe(before);
      const retried = await app.request('/api/pieces/demo-piece-launch/versions', versionForm(cs));
      expect(retried.status).toBe(200);
      expect(await app.db.select().from(pieceVersions)).toHaveLength(2);
    });

    it('keeps no onboarding file pointing at nothing, and the sweep leaves nothing orphaned', async () => {
      await app.request(
        '/api/clients/demo-client-bakery/onboarding',
        postJson({ contactIds: ['demo-contact-bakery-owner'] }, { cookie: cs }),
      );
      const token = await latestMailMatch(
        app,
        'rita@paoquente.example',
        /\/onboarding\/([a-z2-7]{32})/,
      );
      const upload = () => {
        const form = new FormData();
        form.set('questionId', 'research');
        form.set('file', new File(['%PDF-1.7\n%%EOF\n'], 'pesquisa.pdf'));
        return { method: 'POST', headers: SAME_ORIGIN, body: form };
      };
      const storageDown = createApi(() => ({
        ...app.deps,
        files: createFileStore(bucketFailingPuts(app.bucket)),
      }));
      expect(
        (await storageDown.request(`/api/onboarding/${token}/files`, upload(), {})).status,
      ).toBe(503);
      // The link's batch, then the file's write.
      const databaseOut = createApi(() => ({
        ...app.deps,
        db: databaseFailingAt(app.db, driver, 2),
      }));
      expect(
        (await databaseOut.request(`/api/onboarding/${token}/files`, upload(), {})).status,
      ).toBe(503);
      expect(await app.db.select().from(onboardingFiles)).toEqual([]);
      const later = new Date(app.deps.clock().getTime() + ORPHAN_GRACE_MS * 2);
      const swept = await sweepOrphanFiles(app, later);
      expect(swept.deleted).toBe(0);
      for (const prefix of ['onboarding/', 'pieces/']) {
        const stored = (await app.bucket.list({ prefix })).objects.map((o) => o.key);
        const rows =
          prefix === 'pieces/'
            ? (await app.db.select().from(pieceVersions)).map((v) => v.fileKey)
            : (await app.db.select().from(onboardingFiles)).map((f) => f.fileKey);
        expect(stored.sort()).toEqual(rows.sort());
      }
    });
  },
);
