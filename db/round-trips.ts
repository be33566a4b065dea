import type { Client } from '@libsql/client';

/** A libSQL client that counts its round trips to the database. */
export type CountedClient = Client & { roundTrips: { count: number; statements: number } };

// Each of these is one request to the database, however many statements it carries.
const ROUND_TRIP_METHODS = new Set([
  'execute',
  'batch',
  'executeMultiple',
  'migrate',
  'transaction',
]);

/**
 * Wraps a client so every call that reaches the database is counted: the benchmark's
 * "round trips per request" figure, and tests that hold routes to their targets.
 */
export function countLibsqlRoundTrips(client: Client): CountedClient {
  const roundTrips = { count: 0, statements: 0 };
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'roundTrips') return roundTrips;
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (typeof property === 'string' && ROUND_TRIP_METHODS.has(property)) {
        return (...args: unknown[]) => {
          roundTrips.count++;
          roundTrips.statements += Array.isArray(args[0]) ? args[0].length : 1;
          return value.apply(target, args);
        };
      }
      return value.bind(target);
    },
  }) as CountedClient;
}
