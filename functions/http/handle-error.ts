import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DEFAULT_LOCALE, localizeIssues, type MessageKey } from '../../src/i18n/index.ts';
import { unavailablePart } from '../../src/server/faults/unavailable.ts';
import type { ApiEnv } from './api-env.ts';
import { problem } from './problem.ts';
import { InputError } from './read-input.ts';
import { refuse } from './respond.ts';

// Framework errors (body limit, malformed JSON) mapped to our codes and messages.
const HTTP_ERRORS: Partial<Record<number, [string, MessageKey]>> = {
  400: ['bad_request', 'errors.badRequest'],
  404: ['not_found', 'errors.notFound'],
  405: ['method_not_allowed', 'errors.methodNotAllowed'],
  413: ['payload_too_large', 'errors.payloadTooLarge'],
  415: ['unsupported_media_type', 'errors.unsupportedMediaType'],
};

/**
 * The single error handler: expected input errors become 4xx, a part that is down a 503,
 * anything else a 500 with a request id.
 */
export function handleError(error: Error, c: Context<ApiEnv>) {
  if (error instanceof InputError) {
    return refuse(c, {
      status: 400,
      code: 'validation',
      messageKey: 'errors.validation',
      fields: localizeIssues(error.issues, c.get('locale') ?? DEFAULT_LOCALE),
    });
  }
  if (error instanceof HTTPException && error.status < 500) {
    const [code, key] = HTTP_ERRORS[error.status] ?? ['bad_request', 'errors.badRequest'];
    return problem(c, error.status as ContentfulStatusCode, code, key);
  }
  // Logged with the request id so support can find it; the body never carries a stack.
  const requestId = c.get('requestId') ?? crypto.randomUUID();
  console.error(`[${requestId}]`, error);
  // A part that is down for a moment: every write is one batch, so nothing was half-written
  // and the same request can simply be sent again.
  const part = unavailablePart(error);
  if (part) {
    c.header('Retry-After', '5');
    return problem(c, 503, 'unavailable', `errors.unavailable.${part}`, { requestId, part });
  }
  return problem(c, 500, 'internal', 'errors.internal', { requestId }, { requestId });
}
