import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  createTranslator,
  DEFAULT_LOCALE,
  type MessageKey,
  type MessageParams,
} from '../../src/i18n/index.ts';
import type { ApiEnv } from './api-env.ts';

/** The one shape of every error answer: a stable code, a localized message, details. */
export function problem(
  c: Context<ApiEnv>,
  status: ContentfulStatusCode,
  code: string,
  messageKey: MessageKey,
  extra: Record<string, unknown> = {},
  params: MessageParams = {},
) {
  // The context may be incomplete when the failure happened before it was set up.
  const t = c.get('t') ?? createTranslator(DEFAULT_LOCALE);
  return c.json({ error: { code, message: t(messageKey, params), ...extra } }, status);
}
