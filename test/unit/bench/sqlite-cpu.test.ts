import { createClient } from '@libsql/client';
import Database from 'libsql';
import { afterAll, describe, expect, it } from 'vitest';
import { countSqliteCpu, sqliteCpu } from '../../bench/sqlite-cpu.ts';

// A statement that keeps SQLite busy for a few milliseconds.
const counting = (upTo: number) =>
  `with recursive n(i) as (select 1 union all select i + 1 from n where i < ${upTo}) select i from n`;

// What the bench subtracts from a request's CPU to give the Worker's share (measure.ts).
describe('the CPU counted inside the in-process SQLite', () => {
  countSqliteCpu();
  const client = createClient({ url: ':memory:' });
  afterAll(() => client.close());

  // The process's CPU and SQLite's part of it while `work` runs, in microseconds.
  const cpuOf = async (work: () => unknown) => {
    const sqliteBefore = sqliteCpu.micros;
    const before = process.cpuUsage();
    await work();
    const used = process.cpuUsage(before);
    return { total: used.user + used.system, sqlite: sqliteCpu.micros - sqliteBefore };
  };

  it('counts a statement SQLite runs through @libsql/client, within the whole', async () => {
    const { total, sqlite } = await cpuOf(() =>
      client.execute(`select count(*) from (${counting(300_000)})`),
    );
    expect(sqlite).toBeGreaterThan(1_000);
    expect(sqlite).toBeLessThanOrEqual(total);
  });

  it('counts every way the client runs statements: a batch, a transaction, several at once', async () => {
    const batch = await cpuOf(() =>
      client.batch(
        ['create table if not exists t (n integer)', `insert into t ${counting(50_000)}`],
        'write',
      ),
    );
    expect(batch.sqlite).toBeGreaterThan(200);
    const transaction = await cpuOf(async () => {
      const tx = await client.transaction('write');
      await tx.execute(`insert into t ${counting(50_000)}`);
      await tx.commit();
    });
    expect(transaction.sqlite).toBeGreaterThan(200);
    const multiple = await cpuOf(() =>
      client.executeMultiple(`insert into t ${counting(50_000)}; delete from t;`),
    );
    expect(multiple.sqlite).toBeGreaterThan(200);
  });

  it('leaves out the JS around the database', async () => {
    const { total, sqlite } = await cpuOf(() => {
      let sum = 0;
      for (let i = 0; i < 3_000_000; i++) sum += Math.sqrt(i);
      return sum;
    });
    expect(total).toBeGreaterThan(1_000);
    expect(sqlite).toBe(0);
  });

  it('wraps the driver once, however often it is asked', () => {
    const prepare = Database.prototype.prepare;
    countSqliteCpu();
    expect(Database.prototype.prepare).toBe(prepare);
  });
});
