// Invoice submission checks and writes in one batch: what it records must be what the
// earlier check-then-write recorded — the events' data, the e-mail's key — and a refused
// submission leaves no file behind. Both drivers.

import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, invoices, outbox, users } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import type { FileStore } from '../../src/server/files/file-store.ts';
import { invoiceInput } from '../../src/server/invoices/invoice-input.ts';
import { submitInvoice } from '../../src/server/invoices/submit-invoice.ts';
import {
  DRIVERS,
  openTestDatabase,
  openTestFileStore,
  type TestDatabase,
} from '../support/test-databases.ts';

const NOW = new Date('2026-03-02T13:00:00.000Z');
const pdf = (text: string) =>
  new File([`%PDF-1.7\n% ${text}\n%%EOF\n`], 'fatura.pdf', { type: 'application/pdf' });
const partner = { id: 'p1', name: 'Paula', email: 'paula@ponte.example', locale: 'pt-BR' };

describe.each(DRIVERS)('invoice submission in one batch (%s)', (driver) => {
  let database: TestDatabase;
  let store: Awaited<ReturnType<typeof openTestFileStore>>;
  let files: FileStore;
  beforeAll(async () => {
    [database, store] = await Promise.all([openTestDatabase(driver), openTestFileStore()]);
    files = store.files;
    await database.db.insert(users).values([
      { ...partner, taxId: '52998224725', pixKey: '+5511987654321', createdAt: NOW },
      { id: 'p2', name: 'Sem PIX', email: 'p2@ponte.example', createdAt: NOW },
    ]);
  });
  afterAll(() => Promise.all([database.close(), store.close()]));

  const submit = (text: string, amount: string, who = partner) =>
    submitInvoice(
      { db: database.db, files },
      policy,
      {
        partner: who,
        input: invoiceInput.parse({
          number: `NF ${text}`,
          issueDate: '2026-02-27',
          amount,
          file: pdf(text),
        }),
        ip: '203.0.113.9',
        origin: 'https://ponte.example',
      },
      NOW,
    );
  const storedFiles = async () => (await store.bucket.list({ prefix: 'invoices/' })).objects.length;
  const eventsOf = (id: string, action: string) =>
    database.db
      .select()
      .from(events)
      .where(and(eq(events.subjectId, id), eq(events.action, action)));

  it('records a first invoice, its event and its e-mail', async () => {
    const result = await submit('a', '100,00');
    if (!result.ok) throw new Error(result.error);
    expect(result.corrected).toBe(false);
    const [row] = await database.db
      .select()
      .from(invoices)
      .where(eq(invoices.id, result.invoiceId));
    const [event] = await eventsOf(result.invoiceId, 'invoice_submitted');
    expect(event).toMatchObject({
      actorId: 'p1',
      subjectType: 'invoice',
      ip: '203.0.113.9',
      data: { number: 'NF a', amountMinor: 10000, fileSha256: row?.fileSha256 },
    });
    const keys = (await database.db.select().from(outbox)).map((m) => m.idempotencyKey);
    expect(keys).toEqual([`invoice-received:${result.invoiceId}:${row?.fileKey}`]);
  });

  it('refuses a second invoice for the month and keeps no file of it', async () => {
    const before = await storedFiles();
    expect(await submit('b', '100,00')).toEqual({ ok: false, error: 'already_submitted' });
    expect(await storedFiles()).toBe(before);
  });

  it('refuses an incomplete profile and keeps no file of it', async () => {
    const before = await storedFiles();
    const who = { ...partner, id: 'p2', email: 'p2@ponte.example' };
    expect(await submit('c', '100,00', who)).toEqual({ ok: false, error: 'profile_incomplete' });
    expect(await storedFiles()).toBe(before);
  });

  it('corrects a divergent invoice, and its event keeps what it replaced', async () => {
    const [first] = await database.db.select().from(invoices).where(eq(invoices.partnerId, 'p1'));
    if (!first) throw new Error('no invoice');
    await database.db
      .update(invoices)
      .set({ status: 'divergent' })
      .where(eq(invoices.id, first.id));
    const result = await submit('d', '120,50');
    expect(result).toMatchObject({ ok: true, invoiceId: first.id, corrected: true });
    const [row] = await database.db.select().from(invoices).where(eq(invoices.id, first.id));
    expect(row).toMatchObject({ status: 'submitted', number: 'NF d', amountMinor: 12050 });
    const [event] = await eventsOf(first.id, 'invoice_corrected');
    expect(event?.data).toEqual({
      number: 'NF d',
      amountMinor: 12050,
      fileSha256: row?.fileSha256,
      previous: { number: 'NF a', amountMinor: 10000, fileSha256: first.fileSha256 },
      previousFileKey: first.fileKey,
    });
    expect(event).toMatchObject({ actorId: 'p1', subjectType: 'invoice', ip: '203.0.113.9' });
    const keys = (await database.db.select().from(outbox)).map((m) => m.idempotencyKey);
    expect(keys).toContain(`invoice-received:${first.id}:${row?.fileKey}`);
    // The earlier PDF stays stored: the event points at it.
    expect(await storedFiles()).toBe(2);
  });
});
