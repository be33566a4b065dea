import { createClient } from '@libsql/client';
import { afterAll, describe, expect, it } from 'vitest';
import { countSqliteCpu, sqliteCpu } from '../../bench/sqlite-cpu.ts';

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

  it('counts a statement SQLite runs through @libsql/client, once, within the whole', async () => {
    const counting = `with recursive n(i) as (select 1 union all select i + 1 from n where i < 300000)
      select count(*) as c from n`;
    const { total, sqlite } = await cpuOf(() => client.execute(counting));
    expect(sqlite).toBeGreaterThan(1_000);
    expect(sqlite).toBeLessThanOrEqual(total);
  });

  it('counts the statements of a batch and a write', async () => {
    const { sqlite } = await cpuOf(() =>
      client.batch(
        [
          'create table if not exists t (n integer)',
          `insert into t with recursive n(i) as (select 1 union all select i + 1 from n where i < 50000) select i from n`,
        ],
        'write',
      ),
    );
    expect(sqlite).toBeGreaterThan(200);
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

  it('patches the driver once, however often it is asked', async () => {
    countSqliteCpu();
    const { total, sqlite } = await cpuOf(() => client.execute('select 1'));
    expect(sqlite).toBeLessThanOrEqual(total);
  });
});
