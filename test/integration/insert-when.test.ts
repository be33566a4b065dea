import { eq, getTableColumns, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { excluded, insertWhen, selectRow } from '../../db/insert-when.ts';
import { approvalDecisions, events, outbox, pieceComments } from '../../db/schema/index.ts';
import { DRIVERS, openTestDatabase, type TestDatabase } from '../support/test-databases.ts';

// The conditional insert every guarded batch write goes through: built from the table's own
// columns, so what the drivers store and read back is what drizzle's own insert would.

const T0 = new Date('2026-03-02T13:00:00.123Z');

const mailRow = (id: string) => ({
  id,
  idempotencyKey: `key:${id}`,
  toAddress: 'contato@example.com',
  subject: 'Assunto',
  html: '<p>Olá</p>',
  text: 'Olá',
  nextAttemptAt: T0,
  createdAt: T0,
});

describe('the select list of a row', () => {
  it('names every column of the table, in its order, under the column’s own name', () => {
    const fields = selectRow(outbox, mailRow('m0'));
    expect(Object.keys(fields)).toEqual(Object.keys(getTableColumns(outbox)));
    for (const [key, column] of Object.entries(getTableColumns(outbox)))
      expect(fields[key]?.fieldAlias).toBe(column.name);
  });
});

describe.each(DRIVERS)('insertWhen (%s)', (driver) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(driver);
  });
  afterAll(() => database.close());

  const mailOf = async (id: string) =>
    (await database.db.select().from(outbox).where(eq(outbox.id, id)))[0];

  it('inserts the row when the condition holds, with each column’s default where left out', async () => {
    await insertWhen(database.db, outbox, mailRow('m1'), sql`1`);
    expect(await mailOf('m1')).toEqual({
      ...mailRow('m1'),
      channel: 'email',
      status: 'pending',
      attempts: 0,
      claimedUntil: null,
      lastError: null,
      providerId: null,
      sentAt: null,
    });
  });

  it('inserts nothing when the condition fails', async () => {
    await insertWhen(database.db, outbox, mailRow('m2'), sql`0`);
    expect(await mailOf('m2')).toBeUndefined();
  });

  it('stores dates, JSON and booleans as the columns map them, and reads them back', async () => {
    const data = { contactId: 'c1', version: 2, nested: { ok: true } };
    await insertWhen(
      database.db,
      events,
      {
        occurredAt: T0,
        actorId: null,
        action: 'insert_when_tested',
        subjectType: 'test',
        subjectId: 's1',
        ip: null,
        data,
      },
      sql`1`,
    );
    const [event] = await database.db
      .select()
      .from(events)
      .where(eq(events.action, 'insert_when_tested'));
    // The id is left to the table (autoincrement), the date keeps its milliseconds.
    expect(event).toMatchObject({ occurredAt: T0, data, subjectId: 's1' });
    expect(event?.id).toBeTypeOf('number');
    const [raw] = await database.db.all<{ occurred_at: number; data: string }>(
      sql`select ${events.occurredAt} as occurred_at, ${events.data} as data from ${events} where ${events.action} = 'insert_when_tested'`,
    );
    expect(raw).toEqual({ occurred_at: T0.getTime(), data: JSON.stringify(data) });

    // A boolean column holds 0 or 1; read back through drizzle, false again.
    const commentRow = insertWhen(
      database.db,
      pieceComments,
      {
        id: 'c',
        pieceId: 'p',
        versionId: 'v',
        authorName: 'A',
        target: 'text',
        body: 'b',
        internal: false,
        createdAt: T0,
        updatedAt: T0,
      },
      sql`1`,
    ).toSQL();
    expect(commentRow.params).toContain(0);
    expect(commentRow.params).not.toContain(false);
  });

  it('reads values from the `from` source and tests the condition on it', async () => {
    await insertWhen(database.db, outbox, mailRow('m3'), sql`1`);
    const subjectOf = (id: string) => ({
      occurredAt: T0,
      actorId: null,
      action: 'insert_when_from',
      subjectType: 'outbox',
      subjectId: outbox.id,
      ip: null,
      data: { id },
    });
    await database.db.batch([
      insertWhen(database.db, events, subjectOf('m3'), eq(outbox.id, 'm3'), outbox),
      insertWhen(database.db, events, subjectOf('none'), eq(outbox.id, 'none'), outbox),
    ]);
    const written = await database.db
      .select({ subjectId: events.subjectId })
      .from(events)
      .where(eq(events.action, 'insert_when_from'));
    expect(written).toEqual([{ subjectId: 'm3' }]);
  });

  it('refuses, at compile time, a row without a NOT NULL column that has no default', () => {
    const incomplete = { id: 'd', roundId: 'r', contactId: 'c' };
    // Built, never run: the point is the type error (tsc checks the tests too).
    // @ts-expect-error contactName, decision and decidedAt are missing
    const query = insertWhen(database.db, approvalDecisions, incomplete, sql`0`);
    expect(query.toSQL().sql).toMatch(/^insert into "approval_decisions"/);
  });

  it('chains the insert’s own clauses: returning, and an upsert of the excluded values', async () => {
    const inserted = await insertWhen(database.db, outbox, mailRow('m4'), sql`1`).returning({
      id: outbox.id,
    });
    expect(inserted).toEqual([{ id: 'm4' }]);
    await insertWhen(
      database.db,
      outbox,
      { ...mailRow('m5'), idempotencyKey: 'key:m4', subject: 'Novo' },
      sql`1`,
    ).onConflictDoUpdate({
      target: outbox.idempotencyKey,
      set: { subject: excluded(outbox.subject) },
    });
    expect(await mailOf('m4')).toMatchObject({ subject: 'Novo' });
    expect(await mailOf('m5')).toBeUndefined();
  });
});
