import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outbox } from '../../db/schema/index.ts';
import { createApi } from '../../functions/app.ts';
import { createFileStore, type FileBucket } from '../../src/server/files/file-store.ts';
import { OUTBOX_COUNT_UP_TO } from '../../src/server/health/check-health.ts';
import { mailRow } from '../../src/server/mail/outbox.ts';
import { openCapturingDatabase } from '../bench/captured-sql.ts';
import { createTestApp, readJson, type TestApp } from '../support/test-app.ts';
import { DRIVERS, openTestFileStore } from '../support/test-databases.ts';

describe.each(DRIVERS)('GET /api/health (%s)', (driver) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp(driver);
  });
  afterEach(() => app.close());

  it('answers 200 when the database, the outbox and the file bucket all answer', async () => {
    const response = await app.request('/api/health');
    expect(response.status).toBe(200);
    const body = await readJson(response);
    expect(body).toMatchObject({
      status: 'ok',
      parts: { database: 'ok', files: 'ok', outbox: 'ok' },
      outbox: { pending: 0, dead: 0 },
    });
    expect(body.message).toBe('Tudo certo');
  });

  it('counts the messages waiting (pending or being sent) and the dead ones, never the sent', async () => {
    const now = new Date('2026-03-02T13:00:00.000Z');
    const statuses = ['pending', 'sending', 'sending', 'sent', 'sent', 'sent', 'dead'] as const;
    await app.db.insert(outbox).values(
      statuses.map((status, i) => ({
        ...mailRow(
          {
            idempotencyKey: `health-${i}`,
            to: 'a@ponte.example',
            subject: 's',
            html: 'h',
            text: 't',
          },
          now,
        ),
        status,
      })),
    );
    const body = await readJson(await app.request('/api/health'));
    expect(body.outbox).toEqual({ pending: 3, dead: 1 });
  });

  it(`counts a backlog up to ${OUTBOX_COUNT_UP_TO}, so a long one costs a check no more`, async () => {
    const now = new Date('2026-03-02T13:00:00.000Z');
    const rows = Array.from({ length: OUTBOX_COUNT_UP_TO + 5 }, (_, i) =>
      mailRow(
        {
          idempotencyKey: `backlog-${i}`,
          to: 'a@ponte.example',
          subject: 's',
          html: 'h',
          text: 't',
        },
        now,
      ),
    );
    // A few rows an insert: D1 binds at most 100 values in a statement.
    const inserts = [];
    for (let start = 0; start < rows.length; start += 5)
      inserts.push(app.db.insert(outbox).values(rows.slice(start, start + 5)));
    await app.db.batch(inserts as [(typeof inserts)[number], ...typeof inserts]);
    const body = await readJson(await app.request('/api/health'));
    expect(body.outbox).toEqual({ pending: OUTBOX_COUNT_UP_TO, dead: 0 });
  });

  it('answers 503 naming the file bucket when it fails', async () => {
    const failingBucket = {
      ...app.bucket,
      head: () => Promise.reject(new Error('R2 unavailable')),
    } as FileBucket;
    const api = createApi(() => ({ ...app.deps, files: createFileStore(failingBucket) }));
    const response = await api.request('/api/health', { headers: { 'Accept-Language': 'en' } });
    expect(response.status).toBe(503);
    const body = await readJson(response);
    expect(body.failing).toEqual(['files']);
    expect(body.message).toContain('file storage');
  });

  it('answers 503 naming the database when it cannot be reached', async () => {
    await app.close();
    const response = await app.request('/api/health');
    expect(response.status).toBe(503);
    expect((await readJson(response)).failing).toContain('database');
    app = await createTestApp(driver);
  });

  it('answers 503 naming the outbox when only the outbox table is unreadable', async () => {
    await app.db.run(sql.raw('drop table outbox'));
    const response = await app.request('/api/health');
    expect(response.status).toBe(503);
    expect((await readJson(response)).failing).toEqual(['outbox']);
  });
});

describe('GET /api/health: its query plan', () => {
  it('counts the outbox on its status index, never reading every message ever sent', async () => {
    const database = await openCapturingDatabase();
    const storage = await openTestFileStore();
    try {
      const api = createApi(() => ({
        db: database.db,
        files: storage.files,
        mailSender: null,
        clock: () => new Date('2026-03-02T13:00:00.000Z'),
        publicOrigin: 'http://localhost',
      }));
      database.captured.on = true;
      expect((await api.request('/api/health')).status).toBe(200);
      database.captured.on = false;
      expect(database.captured.statements).toHaveLength(1);
      const [statement] = database.captured.statements;
      const plan = await database.explainer.execute({
        sql: `EXPLAIN QUERY PLAN ${statement?.sql}`,
        args: statement?.args ?? [],
      });
      const details = plan.rows.map((row) => String(row.detail));
      expect(details.filter((detail) => detail.includes('outbox'))).toEqual([
        expect.stringMatching(/^SEARCH outbox USING COVERING INDEX outbox_due_idx \(status=\?\)$/),
        expect.stringMatching(/^SEARCH outbox USING COVERING INDEX outbox_due_idx \(status=\?\)$/),
      ]);
    } finally {
      await Promise.all([database.close(), storage.close()]);
    }
  });
});
