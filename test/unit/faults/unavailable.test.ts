import { LibsqlError } from '@libsql/client';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { PartUnavailable, unavailablePart } from '../../../src/server/faults/unavailable.ts';

/** A driver's error as drizzle hands it on: wrapped, with the query and its parameters. */
const wrapped = (cause: Error, params: unknown[] = []) =>
  new DrizzleQueryError('select "x" from "users" where "name" = ?', params, cause);

describe('only a part that could not answer is an outage (503); a bug is a 500', () => {
  it.each([
    ['libSQL busy', new LibsqlError('database is locked', 'SQLITE_BUSY')],
    ['libSQL I/O error', new LibsqlError('disk I/O error', 'SQLITE_IOERR_WRITE')],
    ['Turso answered 5xx', new LibsqlError('Server returned HTTP status 503', 'SERVER_ERROR')],
    ['Turso socket gone', new LibsqlError('WebSocket closed', 'HRANA_WEBSOCKET_ERROR')],
    ['D1 network', new Error('D1_ERROR: Network connection lost.')],
    ['D1 overloaded', new Error('D1 DB is overloaded. Requests queued for too long.')],
    ['D1 reset', new Error('D1_ERROR: Durable Object reset because its code was updated.')],
    ['fetch to Turso failed', new TypeError('fetch failed', { cause: new Error('ECONNREFUSED') })],
    [
      'Turso refused the connection (Node)',
      new TypeError('fetch failed', {
        cause: Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), {
          code: 'ECONNREFUSED',
        }),
      }),
    ],
    ['socket reset (Node)', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
  ])('%s is the database being down, wrapped by drizzle or not', (_name, error) => {
    expect(unavailablePart(error)).toBe('database');
    expect(unavailablePart(wrapped(error))).toBe('database');
  });

  it.each([
    ['libSQL unknown column', new LibsqlError('no such column: nope', 'SQLITE_ERROR')],
    ['libSQL syntax error', new LibsqlError('near "SELEC": syntax error', 'SQLITE_ERROR')],
    [
      'libSQL constraint',
      new LibsqlError('UNIQUE constraint failed', 'SQLITE_CONSTRAINT', 'SQLITE_CONSTRAINT_UNIQUE'),
    ],
    ['D1 unknown column', new Error('D1_ERROR: no such column: nope at offset 7: SQLITE_ERROR')],
    [
      'D1 constraint',
      new Error('D1_ERROR: UNIQUE constraint failed: invoices.id: SQLITE_CONSTRAINT'),
    ],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
  ])('%s is a bug, not an outage', (_name, error) => {
    expect(unavailablePart(error)).toBeNull();
    expect(unavailablePart(wrapped(error))).toBeNull();
  });

  it('does not take words a person typed, quoted in the failed query, for an outage', () => {
    const bug = new LibsqlError('no such column: nope', 'SQLITE_ERROR');
    expect(unavailablePart(wrapped(bug, ['Network connection lost', 'SQLITE_BUSY']))).toBeNull();
  });

  it('names the part that said it was down', () => {
    expect(unavailablePart(new PartUnavailable('files', { cause: new Error('R2') }))).toBe('files');
    expect(
      unavailablePart(new Error('outer', { cause: new PartUnavailable('files', { cause: null }) })),
    ).toBe('files');
  });
});
