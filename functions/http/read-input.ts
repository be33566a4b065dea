import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';
import type { $ZodIssue } from 'zod/v4/core';
import type { ApiEnv } from './api-env.ts';

/** Thrown by input parsing; the error handler turns it into a 400 with a message per field. */
export class InputError extends Error {
  readonly issues: readonly $ZodIssue[];
  constructor(issues: readonly $ZodIssue[]) {
    super('invalid input');
    this.issues = issues;
  }
}

/**
 * Reads a form post or a JSON body and validates it with the route's schema, so forms that
 * work without JavaScript and fetch calls share one validation path.
 */
export async function readInput<Schema extends z.ZodType>(
  c: Context<ApiEnv>,
  schema: Schema,
): Promise<z.output<Schema>> {
  const type = c.req.header('Content-Type')?.split(';')[0]?.trim().toLowerCase() ?? '';
  let body: unknown;
  if (type === 'application/json') {
    try {
      body = await c.req.json();
    } catch {
      throw new HTTPException(400);
    }
  } else if (type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data') {
    try {
      body = await c.req.parseBody({ all: true });
    } catch {
      throw new HTTPException(400);
    }
    c.set('form', body as Record<string, unknown>);
  } else {
    throw new HTTPException(415);
  }
  const parsed = schema.safeParse(body, { reportInput: true });
  if (!parsed.success) throw new InputError(parsed.error.issues);
  return parsed.data;
}

/** True when the client asked for an HTML page back (a plain form post), not JSON. */
export function wantsHtml(c: Context<ApiEnv>): boolean {
  const type = c.req.header('Content-Type') ?? '';
  return (
    !type.startsWith('application/json') && (c.req.header('Accept') ?? '').includes('text/html')
  );
}
