import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prebuiltRead } from '../../db/prebuilt-read.ts';
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
