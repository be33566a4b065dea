/** The parts of Ponte that can be down for a moment while the rest works. */
export type UnavailablePart = 'database' | 'files';

/** A part did not answer: the request can be tried again, and nothing was half-written. */
export class PartUnavailable extends Error {
  readonly part: UnavailablePart;
  constructor(part: UnavailablePart, options: { cause: unknown }) {
    super(`${part} unavailable`, options);
    this.name = 'PartUnavailable';
    this.part = part;
  }
}

/** An error and the errors it wraps (drizzle wraps the driver's), outermost first. */
function chainOf(error: unknown): Error[] {
  const chain: Error[] = [];
  let current = error;
  while (current instanceof Error && chain.length < 8) {
    chain.push(current);
    current = current.cause;
  }
  return chain;
}

// What the drivers say when the database itself failed (libSQL/Turso, D1), as opposed to
// a query of ours being wrong.
const DATABASE_FAILURE =
  /LibsqlError|DrizzleQueryError|\bD1_|SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|READONLY)|Network connection lost|HRANA|fetch failed|ECONNREFUSED/i;

/**
 * Which part an error says is down, or null when it is not an outage (a bug, which stays a
 * 500). A broken constraint is never an outage: it means a check of ours let bad data by.
 */
export function unavailablePart(error: unknown): UnavailablePart | null {
  const chain = chainOf(error);
  const described = chain.map(
    (e) => `${e.name} ${e.message} ${String((e as { code?: unknown }).code ?? '')}`,
  );
  if (described.some((text) => /constraint/i.test(text))) return null;
  for (const [index, e] of chain.entries()) {
    if (e instanceof PartUnavailable) return e.part;
    if (DATABASE_FAILURE.test(described[index] ?? '')) return 'database';
  }
  return null;
}
