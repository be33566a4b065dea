import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoices, pieceVersions } from '../../db/schema/index.ts';
import { seedDemoInvoices } from '../../db/seed-invoices.ts';
import { seedDemoPieces } from '../../db/seed-pieces.ts';
import { seedPeople } from '../support/sign-in.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

// The migration's statements, as drizzle and wrangler split them.
const statements = readFileSync('db/migrations/0009_clean_file_names.sql', 'utf8')
  .split('--> statement-breakpoint')
  .map((part) => part.replace(/^--.*$/gm, '').trim())
  .filter(Boolean);

describe.each(DRIVERS)('names stored before the one cleaner are cleaned once (%s)', (driver) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(driver);
    await seedPeople(app);
    await seedDemoInvoices(app.db, app.files, app.deps.clock());
    await seedDemoPieces(app.db, app.files, app.deps.clock());
  });
  afterAll(() => app.close());

  it('drops bidi and control characters from stored file names, and leaves clean ones alone', async () => {
    await app.db
      .update(invoices)
      .set({ fileName: 'relatorio\u202Efdp.bat' })
      .where(eq(invoices.id, 'demo-invoice-paid'));
    await app.db.update(pieceVersions).set({ fileName: 'arte\u2066\u0007\u001Bfinal.png' });
    const clean = await app.db
      .select({ id: invoices.id, fileName: invoices.fileName })
      .from(invoices)
      .where(eq(invoices.id, 'demo-invoice-organic'));
    for (const statement of statements) await app.db.run(sql.raw(statement));
    const [invoice] = await app.db
      .select({ fileName: invoices.fileName })
      .from(invoices)
      .where(eq(invoices.id, 'demo-invoice-paid'));
    expect(invoice?.fileName).toBe('relatoriofdp.bat');
    const versions = await app.db.select({ fileName: pieceVersions.fileName }).from(pieceVersions);
    expect(versions.map((v) => v.fileName)).toEqual(['artefinal.png']);
    expect(
      await app.db
        .select({ id: invoices.id, fileName: invoices.fileName })
        .from(invoices)
        .where(eq(invoices.id, 'demo-invoice-organic')),
    ).toEqual(clean);
  });
});
