import { and, asc, eq, lt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertWhen } from '../../db/insert-when.ts';
import { prebuiltRead, prebuiltWrite } from '../../db/prebuilt-read.ts';
import { users } from '../../db/schema/index.ts';
import { DRIVERS, openTestDatabase, type TestDatabase } from '../support/test-databases.ts';

const CREATED = new Date('2026-12-02T10:00:00.000Z');
const person = (id: string, name: string) => ({
  id,
  email: `${id}@ponte.example`,
  name,
  createdAt: CREATED,
});

/** db/prebuilt-read.ts: a select printed once, sent again with each call's values. */
describe.each(DRIVERS)('a prebuilt read (%s)', (driver) => {
  let database: TestDatabase;
  let printed = 0;
  const byName = prebuiltRead((db) => {
    printed++;
    return db
      .select({ id: users.id, name: users.name, createdAt: users.createdAt })
      .from(users)
      .where(eq(users.name, sql.placeholder('name')))
      .orderBy(asc(users.id))
      .limit(sql.placeholder('limit'));
  });

  beforeAll(async () => {
    database = await openTestDatabase(driver);
    await database.db
      .insert(users)
      .values([
        person('prebuilt-a', 'Ana'),
        person('prebuilt-b', 'Ana'),
        person('prebuilt-c', 'Bia'),
      ]);
  });
  afterAll(() => database.close());

  it('gives, in one batch, each call the rows of its own values, decoded as the select does', async () => {
    const { db } = database;
    const [anas, bias, none] = await db.batch([
      byName(db, { name: 'Ana', limit: 10 }),
      byName(db, { name: 'Bia', limit: 10 }),
      byName(db, { name: 'Nobody', limit: 10 }),
    ]);
    expect(anas).toEqual([
      { id: 'prebuilt-a', name: 'Ana', createdAt: CREATED },
      { id: 'prebuilt-b', name: 'Ana', createdAt: CREATED },
    ]);
    expect(bias).toEqual([{ id: 'prebuilt-c', name: 'Bia', createdAt: CREATED }]);
    expect(none).toEqual([]);
    // The same rows as the select itself, built anew.
    const direct = await db
      .select({ id: users.id, name: users.name, createdAt: users.createdAt })
      .from(users)
      .where(eq(users.name, 'Ana'))
      .orderBy(asc(users.id));
    expect(anas).toEqual(direct);
  });

  it('prints the statement once, whatever the values (a limit among them)', async () => {
    const { db } = database;
    const before = printed;
    const [first] = await db.batch([byName(db, { name: 'Ana', limit: 1 })]);
    expect(first).toEqual([{ id: 'prebuilt-a', name: 'Ana', createdAt: CREATED }]);
    expect(printed).toBe(before);
  });
});

/** The same for writes (prebuiltWrite): insertWhen's placeholders bound with their columns' mapping. */
describe.each(DRIVERS)('a prebuilt write (%s)', (driver) => {
  let database: TestDatabase;
  let printed = 0;
  const LATER = new Date('2026-12-02T11:00:00.000Z');
  const addPerson = prebuiltWrite((db) => {
    printed++;
    return insertWhen(
      db,
      users,
      {
        id: sql.placeholder('id'),
        email: sql.placeholder('email'),
        name: sql.placeholder('name'),
        active: sql.placeholder('active'),
        createdAt: sql.placeholder('createdAt'),
      },
      sql`not exists (select 1 from ${users} where ${users.email} = ${sql.placeholder('email')})`,
    ).returning({ id: users.id, active: users.active, createdAt: users.createdAt });
  });
  // An instant compared or set through a placeholder goes in as its column stores it.
  const createdAt = sql`${sql.param(sql.placeholder('createdAt'), users.createdAt)}`;
  const rename = prebuiltWrite((db) =>
    db
      .update(users)
      .set({ name: sql.placeholder('name') as unknown as string, createdAt })
      .where(and(eq(users.id, sql.placeholder('id')), lt(users.createdAt, createdAt))),
  );

  beforeAll(async () => {
    database = await openTestDatabase(driver);
  });
  afterAll(() => database.close());

  it('writes each call its own values, mapped by their columns, and returns the rows it wrote', async () => {
    const { db } = database;
    const row = (id: string, active: boolean) => ({
      id,
      email: `${id}@ponte.example`,
      name: id,
      active,
      createdAt: CREATED,
    });
    const [first, second, again] = await db.batch([
      addPerson(db, row('write-a', true)),
      addPerson(db, row('write-b', false)),
      // The condition holds per call: the same address again is not written.
      addPerson(db, row('write-a', true)),
    ]);
    expect(first).toEqual([{ id: 'write-a', active: true, createdAt: CREATED }]);
    expect(second).toEqual([{ id: 'write-b', active: false, createdAt: CREATED }]);
    expect(again).toEqual([]);
    const stored = await db.select().from(users).where(eq(users.id, 'write-b'));
    expect(stored).toMatchObject([{ name: 'write-b', active: false, createdAt: CREATED }]);
    expect(printed).toBe(1);
  });

  it('updates with an instant as its column stores it, in a comparison too', async () => {
    const { db } = database;
    await db.batch([rename(db, { id: 'write-a', name: 'Ana', createdAt: LATER })]);
    // Not earlier than itself now: the second call changes nothing.
    await db.batch([rename(db, { id: 'write-a', name: 'Bia', createdAt: LATER })]);
    const [stored] = await db.select().from(users).where(eq(users.id, 'write-a'));
    expect(stored).toMatchObject({ name: 'Ana', createdAt: LATER });
  });
});
