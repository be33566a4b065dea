import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Client, createClient, type InArgs, type InStatement } from '@libsql/client';
import { drizzle as drizzleLibsql } from 'drizzle-orm/libsql';
import { migrate as migrateLibsql } from 'drizzle-orm/libsql/migrator';
import { createLibsqlDatabase } from '../../db/client.ts';
import { countLibsqlRoundTrips } from '../../db/round-trips.ts';

const MIGRATIONS = fileURLToPath(new URL('../../db/migrations', import.meta.url));

/** A statement the app sent, with the arguments it was bound to. */
export type CapturedStatement = { sql: string; args: InArgs };

const toCaptured = (statement: InStatement): CapturedStatement =>
  typeof statement === 'string'
    ? { sql: statement, args: [] }
    : { sql: statement.sql, args: statement.args ?? [] };

/**
 * A libSQL client that, while `capturing` is on, keeps every statement it is sent (alone
 * or in a batch): the SQL a route really runs, for its query plans.
 */
function captureStatements(client: Client) {
  const captured = { on: false, statements: [] as CapturedStatement[] };
  const proxy = new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (property === 'execute')
        return (statement: InStatement, args?: InArgs) => {
          if (captured.on)
            captured.statements.push(
              typeof statement === 'string'
                ? { sql: statement, args: args ?? [] }
                : toCaptured(statement),
            );
          return value.call(target, statement, args);
        };
      if (property === 'batch')
        return (statements: InStatement[], mode?: unknown) => {
          if (captured.on) captured.statements.push(...statements.map(toCaptured));
          return value.call(target, statements, mode);
        };
      return value.bind(target);
    },
  });
  return { client: proxy, captured };
}

/**
 * A fresh SQLite file with the real migrations, as `openLibsqlDatabase` opens it (round
 * trips counted), whose statements can be captured; `explainer` runs EXPLAIN unseen and uncounted.
 */
export async function openCapturingDatabase() {
  const dir = mkdtempSync(join(tmpdir(), 'ponte-plans-'));
  const url = `file:${join(dir, 'test.db')}`;
  const raw = createClient({ url });
  // EXPLAIN runs on a connection of its own: on the app's, an EXPLAIN of a statement with
  // RETURNING left it busy, and the app's next batch could not commit.
  const explainer = createClient({ url });
  const { client: capturing, captured } = captureStatements(raw);
  const client = countLibsqlRoundTrips(capturing);
  await migrateLibsql(drizzleLibsql(raw), { migrationsFolder: MIGRATIONS });
  return {
    driver: 'libsql' as const,
    db: createLibsqlDatabase(client),
    client,
    explainer,
    captured,
    async close() {
      raw.close();
      explainer.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
