import { createClient } from '@libsql/client';
import { createD1Database, createLibsqlDatabase, type Database } from '../db/client.ts';
import type { Dependencies } from '../src/server/dependencies.ts';
import { createFileStore, type FileBucket } from '../src/server/files/file-store.ts';
import { createResendSender } from '../src/server/mail/mail-sender.ts';

/** The bindings and variables the Worker reads (see wrangler.toml and .dev.vars.example). */
export type WorkerEnv = {
  DB?: D1Database;
  FILES: FileBucket;
  DATABASE_URL?: string;
  DATABASE_AUTH_TOKEN?: string;
  RESEND_API_KEY?: string;
  RESEND_BASE_URL?: string;
  MAIL_FROM?: string;
  PUBLIC_ORIGIN?: string;
  // Signs the form-feedback cookie; at least 32 characters. Required in production (see .dev.vars.example).
  FORM_SECRET?: string;
  // Moves the Worker's clock by this many milliseconds. For the end-to-end suite only (it
  // runs the agency's month inside an invoice window); never set in production.
  CLOCK_OFFSET_MS?: string;
};

/** Turso when DATABASE_URL is set (production), otherwise the D1 binding (the embedded default). */
export function openDatabase(env: WorkerEnv): Database {
  if (env.DATABASE_URL) {
    return createLibsqlDatabase(
      createClient({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN }),
    );
  }
  if (!env.DB) throw new Error('No database: set DATABASE_URL or bind DB in wrangler.toml');
  return createD1Database(env.DB);
}

/** The real clock, moved by an offset in milliseconds when one is given (tests). */
export function clockWithOffset(offsetMs: string | undefined): () => Date {
  const offset = Number(offsetMs ?? 0) || 0;
  return () => new Date(Date.now() + offset);
}

// Where `astro dev` answers: the default for a machine with nothing configured.
const LOCAL_ORIGIN = 'http://localhost:4321';

/**
 * The origin every e-mailed link starts with, from PUBLIC_ORIGIN: reduced to scheme, host and
 * port (a trailing slash or path would make `//sign-in` links), and refused loudly when it is
 * not an http(s) address, rather than mailing broken links.
 */
export function publicOriginOf(configured: string | undefined): string {
  if (configured === undefined || configured.trim() === '') return LOCAL_ORIGIN;
  const url = URL.parse(configured.trim());
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))
    throw new Error('PUBLIC_ORIGIN must be an http(s) address, like https://ponte.agencia.com.br');
  return url.origin;
}

/** Builds the request and job dependencies from the Worker's bindings. */
export function workerDependencies(env: WorkerEnv): Dependencies {
  return {
    db: openDatabase(env),
    files: createFileStore(env.FILES),
    mailSender: env.RESEND_API_KEY
      ? createResendSender({
          apiKey: env.RESEND_API_KEY,
          from: env.MAIL_FROM ?? 'Ponte <ponte@example.com>',
          baseUrl: env.RESEND_BASE_URL,
        })
      : null,
    clock: clockWithOffset(env.CLOCK_OFFSET_MS),
    publicOrigin: publicOriginOf(env.PUBLIC_ORIGIN),
    formSecret: env.FORM_SECRET,
  };
}
