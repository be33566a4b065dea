import { DrizzleQueryError } from 'drizzle-orm/errors';

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

// libSQL/Turso codes, and Node's network codes (libSQL over HTTP from Node), that mean the
// database could not be reached or could not answer now.
// A query of ours being wrong (SQLITE_ERROR: no such column, a syntax error, a constraint)
// is never among them: that is a bug, a 500, however the driver's error class is named.
const OUTAGE_CODES =
  /^(SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|READONLY|NOMEM|PROTOCOL)\w*|SERVER_ERROR|HRANA_(WEBSOCKET|CLOSED)_ERROR|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|ENOTFOUND|EPIPE|UND_ERR_(CONNECT_TIMEOUT|HEADERS_TIMEOUT|BODY_TIMEOUT|SOCKET|CLOSED))$/;

// What D1, the Workers runtime and fetch say when the database did not answer (D1's errors
// carry no code, only a message; Cloudflare documents these as the ones to retry).
const OUTAGE_MESSAGES =
  /Network connection lost|D1 DB is overloaded|Too many requests queued|storage caused object to be reset|reset because its code was updated|D1_ERROR: internal error|fetch failed|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|socket hang up|\bSQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|READONLY|NOMEM)\b/i;

/** Whether one error, on its own, says the database could not be reached or answer now. */
function saysDatabaseIsDown(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code.length > 0) return OUTAGE_CODES.test(code);
  // drizzle's wrapper quotes the query and its parameters, which may hold anything a person
  // typed: only the driver's own error, further down the chain, speaks for the database.
  if (error instanceof DrizzleQueryError) return false;
  return OUTAGE_MESSAGES.test(error.message);
}

/**
 * Which part an error says is down, or null when it is not an outage: a bug (an unknown
 * column, a syntax error, a broken constraint) stays a 500 with a request id.
 */
export function unavailablePart(error: unknown): UnavailablePart | null {
  for (const e of chainOf(error)) {
    if (e instanceof PartUnavailable) return e.part;
    if (saysDatabaseIsDown(e)) return 'database';
  }
  return null;
}
