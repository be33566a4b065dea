import { getTableColumns } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Database } from '../../db/client.ts';

// SQLite's default cap on bound parameters per statement (SQLITE_MAX_VARIABLE_NUMBER since
// 3.32); the bench seeds through libSQL. D1 caps at 100: seeds that also run on D1 stay small.
const MAX_PARAMETERS = 32_766;
// Statements per batch: one batch is one transaction; a few thousand rows each keep memory flat.
const STATEMENTS_PER_BATCH = 50;

/**
 * Inserts many rows fast: multi-row INSERTs as large as the parameter cap allows (every
 * column of the table is bound, defaults included), a few statements per batch.
 */
export async function insertChunked<Table extends SQLiteTable>(
  db: Database,
  table: Table,
  rows: Table['$inferInsert'][],
): Promise<void> {
  const perRow = Object.keys(getTableColumns(table)).length;
  const rowsPerStatement = Math.max(1, Math.floor(MAX_PARAMETERS / perRow));
  const statements = [];
  for (let i = 0; i < rows.length; i += rowsPerStatement)
    statements.push(db.insert(table).values(rows.slice(i, i + rowsPerStatement)));
  for (let i = 0; i < statements.length; i += STATEMENTS_PER_BATCH) {
    const [first, ...rest] = statements.slice(i, i + STATEMENTS_PER_BATCH);
    if (first) await db.batch([first, ...rest]);
  }
}
