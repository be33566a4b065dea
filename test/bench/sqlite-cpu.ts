import Database from 'libsql';

/**
 * The CPU time the process has spent inside SQLite since it started counting (see
 * countSqliteCpu), in microseconds: compiling statements and running them, rows out included.
 */
export const sqliteCpu = { micros: 0 };

// A call made from inside another counted one is already in the outer call's time.
let depth = 0;

function counted<Args extends unknown[], Result>(
  method: (this: unknown, ...args: Args) => Result,
): (this: unknown, ...args: Args) => Result {
  return function (this: unknown, ...args: Args): Result {
    if (depth > 0) return method.apply(this, args);
    depth++;
    const before = process.cpuUsage();
    try {
      return method.apply(this, args);
    } finally {
      const used = process.cpuUsage(before);
      sqliteCpu.micros += used.user + used.system;
      depth--;
    }
  };
}

let counting = false;

/**
 * Counts, from now on, the CPU time spent inside the in-process SQLite of every libSQL client
 * (`@libsql/client` runs its local files through the `libsql` package): its connections'
 * `prepare` and `exec`, its statements' `run` and `all` (what the client calls) — SQLite
 * compiling and executing the statements and handing out their rows' values. A Worker never spends that time:
 * D1 and Turso compile and run the statements on their own servers, and the Worker only turns
 * what comes back into objects (which the client's own JS, still counted, does here too). The
 * bench subtracts it to give the Worker's share of a request (measure.ts).
 */
export function countSqliteCpu(): void {
  if (counting) return;
  counting = true;
  const connection = Database.prototype as unknown as Record<
    string,
    (...args: unknown[]) => unknown
  >;
  for (const name of ['prepare', 'exec']) connection[name] = counted(connection[name] as never);
  const probe = new Database(':memory:');
  const statement = Object.getPrototypeOf(probe.prepare('select 1')) as Record<
    string,
    (...args: unknown[]) => unknown
  >;
  probe.close();
  for (const name of ['run', 'all']) {
    statement[name] = counted(statement[name] as never);
  }
}
