import { type Column, type SQL, sql } from 'drizzle-orm';

/**
 * `column in (values)` bound as ONE JSON parameter read back with json_each: D1 refuses a
 * statement with more than 100 bound variables, which an `inArray` over a job's ids reaches.
 */
export function inJsonList(column: Column | SQL, values: readonly string[]): SQL {
  return sql`${column} in (select value from json_each(${JSON.stringify(values)}))`;
}
