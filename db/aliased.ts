import { type AnyColumn, sql } from 'drizzle-orm';

/**
 * A column selected under a name of its own. D1's batch returns rows as objects keyed by
 * column name, so a join selecting two `id` or `name` columns would lose one; an alias
 * keeps both, and mapWith keeps the column's decoding (dates, booleans).
 */
export function aliased<Column extends AnyColumn>(column: Column, alias: string) {
  return sql<Column['_']['data']>`${column}`.mapWith(column).as(alias);
}
