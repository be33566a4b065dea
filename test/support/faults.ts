import { LibsqlError } from '@libsql/client';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { FileBucket } from '../../src/server/files/file-store.ts';
import type { Driver } from './test-databases.ts';

/** The error each driver throws when its database does not answer. */
export function outageOf(driver: Driver): Error {
  return driver === 'libsql'
    ? new LibsqlError('SQLITE_BUSY: database is locked', 'SQLITE_BUSY')
    : new Error('D1_ERROR: Network connection lost.');
}

/** The database, except that batch number `failing` (1-based) fails as an outage would. */
export function databaseFailingAt(db: Database, driver: Driver, failing: number): Database {
  let batches = 0;
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property === 'batch') {
        return (...args: Parameters<typeof target.batch>) => {
          batches += 1;
          if (batches === failing) return Promise.reject(outageOf(driver));
          return target.batch(...args);
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

/**
 * The database, except that batch number `failing` (1-based) sends a wrong query to the real
 * driver instead (an unknown column): a bug of ours, with the driver's own error.
 */
export function databaseWithWrongQueryAt(db: Database, failing: number): Database {
  let batches = 0;
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property === 'batch') {
        return (...args: Parameters<typeof target.batch>) => {
          batches += 1;
          if (batches === failing) return target.run(sql`SELECT no_such_column FROM users`);
          return target.batch(...args);
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

/** A database that does not answer at all: every query fails as an outage would. */
export function databaseDown(db: Database, driver: Driver): Database {
  return new Proxy(db, {
    get(target, property, receiver) {
      if (
        ['select', 'insert', 'update', 'delete', 'batch', 'run', 'all', 'get'].includes(
          String(property),
        )
      )
        return () => {
          throw outageOf(driver);
        };
      return Reflect.get(target, property, receiver);
    },
  });
}

/** The bucket, except that storing fails (as R2 does when it is down). */
export function bucketFailingPuts(bucket: FileBucket): FileBucket {
  return new Proxy(bucket, {
    get(target, property, receiver) {
      if (property === 'put') return () => Promise.reject(new Error('R2: service unavailable'));
      return Reflect.get(target, property, receiver);
    },
  });
}
