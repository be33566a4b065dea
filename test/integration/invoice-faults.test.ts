import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoices } from '../../db/schema/index.ts';
import { createApi } from '../../functions/app.ts';
import { createFileStore } from '../../src/server/files/file-store.ts';
import { bucketFailingPuts, databaseFailingAt } from '../support/faults.ts';
import { postJson, seedPeople, signIn } from '../support/sign-in.ts';
import { createTestApp, readJson, SAME_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

function invoiceForm(cookie: string, text: string): RequestInit {
  const form = new FormData();
  form.set('number', 'NF 9');
  form.set('issueDate', '2026-02-27');
  form.set('amount', '100,00');
  form.set(
    'file',
    new File([`%PDF-1.7\n% ${text}\n%%EOF\n`], 'fatura.pdf', { type: 'application/pdf' }),
  );
  return { method: 'POST', headers: { ...SAME_ORIGIN, Cookie: cookie }, body: form };
}

describe.each(DRIVERS)('invoice submission when a part fails (%s)', (driver) => {
  let app: TestApp;
  let cookie: string;
  beforeAll(async () => {
    app = await createTestApp(driver);
    await seedPeople(app);
    cookie = await signIn(app, 'trafego.pago@ponte.example');
    await app.request(
      '/api/profile',
      postJson(
        { name: 'Paulo', locale: 'pt-BR', taxId: '52998224725', pixKey: '+5511987654321' },
        { cookie },
      ),
    );
  });
  afterAll(() => app.close());

  it('leaves no invoice without its file when the file storage fails', async () => {
    const files = createFileStore(bucketFailingPuts(app.bucket));
    const api = createApi(() => ({ ...app.deps, files }));
    const response = await api.request('/api/invoices', invoiceForm(cookie, 'storage down'), {});
    expect(response.status).toBe(503);
    expect(response.headers.get('Retry-After')).toBe('5');
    expect((await readJson(response)).error.message).toMatch(/armazenamento de arquivos/);
    expect(await app.db.select().from(invoices)).toEqual([]);
  });

  it('leaves no file without its invoice when the database write fails', async () => {
    // The submission's one batch (its checks and its write) fails.
    const api = createApi(() => ({ ...app.deps, db: databaseFailingAt(app.db, driver, 1) }));
    const response = await api.request('/api/invoices', invoiceForm(cookie, 'db down'), {});
    expect(response.status).toBe(503);
    expect((await readJson(response)).error).toMatchObject({
      code: 'unavailable',
      part: 'database',
    });
    expect(await app.db.select().from(invoices)).toEqual([]);
    expect((await app.bucket.list({ prefix: 'invoices/' })).objects).toEqual([]);
  });

  it('works again once the parts are back, and the retry makes one invoice', async () => {
    const response = await app.request('/api/invoices', invoiceForm(cookie, 'db down'));
    expect(response.status).toBe(200);
    expect(await app.db.select().from(invoices)).toHaveLength(1);
    expect((await app.bucket.list({ prefix: 'invoices/' })).objects).toHaveLength(1);
  });
});
