import Database from 'libsql';

/**
 * The CPU time the process has spent inside SQLite since it started counting (see
 * countSqliteCpu), in microseconds: compiling statements and running them, rows out included.
 */
export const sqliteCpu = { micros: 0 };

type Methods = Record<string, (...args: unknown[]) => unknown>;

/** A method that adds the CPU time of each of its calls to sqliteCpu. */
function counted(method: (...args: unknown[]) => unknown) {
  return function (this: unknown, ...args: unknown[]): unknown {
    const before = process.cpuUsage();
    try {
      return method.apply(this, args);
    } finally {
      const used = process.cpuUsage(before);
      sqliteCpu.micros += used.user + used.system;
    }
  };
}

let counting = false;

/**
 * Counts, from now on, the CPU time spent inside the in-process SQLite of every libSQL client
 * (`@libsql/client` runs its local files through the `libsql` package): its connections'
 * `prepare` and `exec`, its statements' `run` and `all` — every call the client makes to run
 * SQL, none of which calls another. That is SQLite compiling and executing the statements, and
 * handing out their rows' values as JS values (a Worker does the like when it decodes D1's
 * answer, so the share left leans low: README "The Worker's share"). On Workers, D1 and Turso
 * compile and run the statements on their own servers; the bench takes this time off each
 * call's CPU to give the Worker's share (measure.ts).
 */
export function countSqliteCpu(): void {
  if (counting) return;
  counting = true;
  // The statements' class is not exported: found from one, before anything is wrapped.
  const probe = new Database(':memory:');
  const statement = Object.getPrototypeOf(probe.prepare('select 1')) as Methods;
  probe.close();
  const connection = Database.prototype as unknown as Methods;
  for (const name of ['prepare', 'exec']) connection[name] = counted(connection[name] as never);
  for (const name of ['run', 'all']) statement[name] = counted(statement[name] as never);
}
