import { Column, getTableColumns, is, Placeholder, SQL, sql } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Database } from './client.ts';

/**
 * A row for `insertWhen`, typed from the table's own insert type: a NOT NULL column without
 * a default that is left out fails to compile. A value may also be an SQL expression, a
 * column of the query's `from` source, or a placeholder (a write printed once, see
 * prebuiltWrite: each call's value is mapped by the column when it is filled in).
 */
export type InsertRow<Table extends SQLiteTable> = {
  [Key in keyof Table['$inferInsert']]: Table['$inferInsert'][Key] | SQL | Column | Placeholder;
};

/** The value a column takes when the row leaves it out: drizzle's own rule for `values()`. */
function defaultOf(column: Column): unknown {
  if (column.default !== null && column.default !== undefined) return column.default;
  if (column.defaultFn) return column.defaultFn();
  if (column.onUpdateFn) return column.onUpdateFn();
  return null;
}

/** One value as the column stores it: dates as numbers, JSON as text, booleans as 0 or 1. */
function encodeValue(column: Column, value: unknown): SQL {
  if (is(value, SQL)) return value;
  if (is(value, Column)) return sql`${value}`;
  if (is(value, Placeholder)) return sql`${sql.param(value, column)}`;
  if (value === null || value === undefined) return sql`null`;
  return sql`${column.mapToDriverValue(value)}`;
}

/**
 * Every column of the table, in its order and under its own name, with the row's value:
 * the select list an INSERT … SELECT of that row needs.
 */
export function selectRow<Table extends SQLiteTable>(
  table: Table,
  row: InsertRow<Table>,
): Record<string, SQL.Aliased> {
  const values = row as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(getTableColumns(table) as Record<string, Column>).map(([key, column]) => {
      const value = values[key] === undefined ? defaultOf(column) : values[key];
      return [key, encodeValue(column, value).as(column.name)];
    }),
  );
}

/**
 * Inserts one row only if `where` holds when the statement runs: in a batch, a write that
 * follows another only when that one took effect. `from` is what `where` and the row's
 * column values read; by default a single empty row.
 */
export function insertWhen<Table extends SQLiteTable>(
  db: Database,
  table: Table,
  row: InsertRow<Table>,
  where: SQL | undefined,
  from: SQLiteTable | SQL = sql`(select 1)`,
) {
  const query = db.select(selectRow(table, row)).from(from).where(where);
  // The select list is the table's columns in order by construction, so it goes in as SQL.
  return db.insert(table).select(query.getSQL());
}

/** In an upsert's update, the value the row that met the conflict brought for a column. */
export function excluded(column: Column): SQL {
  return sql`excluded.${sql.identifier(column.name)}`;
}
