import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../functions/app.ts';
import { createFileStore, type FileBucket } from '../../src/server/files/file-store.ts';
import { createTestApp, readJson, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

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
