import { fillPlaceholders } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from './client.ts';

/** What a select keeps once prepared: its SQL with parameters, and how its rows are mapped. */
type Prepared = {
  getQuery(): { sql: string; params: unknown[] };
  // 'all' for a select or a write that returns rows, 'run' for a write that does not.
  executeMethod: 'all' | 'run';
  fields?: unknown;
  joinsNotNullableMap?: unknown;
};

/** What drizzle's session offers to prepare a statement from SQL already printed. */
type Session = {
  prepareOneTimeQuery(
    query: { sql: string; params: unknown[] },
    fields: unknown,
    executeMethod: 'all' | 'run',
    isResponseInArrayMode: boolean,
  ): Prepared;
};

/**
 * A select whose SQL drizzle prints once, with `sql.placeholder(…)` where each call's values
 * go, then prepares again on every call with that call's values and the select's own row
 * mapping (decoders, aliases, joins): the same rows as the select, as a read that goes in a
 * batch on both drivers. Why: in the CPU profile of a page of several statements, drizzle
 * printing each statement's SQL anew on every request was a quarter of the page's time.
 *
 * Anything other than a placeholder is fixed at the first print, so a select whose fixed
 * values vary (a column's statuses) is one prebuilt read per variant.
 */
export function prebuiltRead<Select extends BatchItem<'sqlite'>>(build: (db: Database) => Select) {
  let printed: Pick<Prepared, 'fields' | 'joinsNotNullableMap' | 'executeMethod'> & {
    sql: string;
    params: unknown[];
  };
  return (db: Database, values: Record<string, unknown>): Select => {
    if (!printed) {
      const prepared = (build(db) as unknown as { _prepare(): Prepared })._prepare();
      const { fields, joinsNotNullableMap, executeMethod } = prepared;
      printed = { ...prepared.getQuery(), fields, joinsNotNullableMap, executeMethod };
    }
    const { sql, params, fields, joinsNotNullableMap, executeMethod } = printed;
    // drizzle's own steps for a select (its `_prepare`), minus printing the SQL: the session
    // of this call's database, the values filled in.
    const session = (db as unknown as { session: Session }).session;
    const prepared = session.prepareOneTimeQuery(
      { sql, params: fillPlaceholders(params, values) },
      fields,
      executeMethod,
      true,
    );
    prepared.joinsNotNullableMap = joinsNotNullableMap;
    return { _prepare: () => prepared } as unknown as Select;
  };
}

/**
 * An insert, update or delete printed once the same way (placeholders for each call's values;
 * insertWhen takes them in a row): a write that goes in a batch, its returned rows mapped as
 * the statement's own. Why: a client's comment or autosave is a few such writes, and drizzle
 * printing them anew cost about a quarter of the route's CPU.
 */
export const prebuiltWrite = prebuiltRead;
