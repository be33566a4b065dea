import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { MessageKey, MessageParams } from '../../src/i18n/index.ts';
import { policy } from '../../src/policy/index.ts';
import {
  encodeFeedback,
  FEEDBACK_COOKIE,
  type FormFeedback,
  feedbackCookieOptions,
  feedbackKey,
} from '../../src/server/forms/form-feedback.ts';
import type { RefusalTable } from '../../src/server/forms/refusals.ts';
import { safeReturnPath } from '../../src/server/forms/return-path.ts';
import { messagePage } from '../../src/server/pages/message-page.ts';
import {
  describeLinkRefusal,
  refuseClientLink,
} from '../../src/server/rate-limits/link-failures.ts';
import type { ApiEnv } from './api-env.ts';
import { clientIp } from './client-info.ts';
import { problem } from './problem.ts';
import { wantsHtml } from './read-input.ts';

// Fields never sent back to the browser in a refused form.
const NOT_ECHOED = new Set(['token', 'returnTo', 'formId']);

/** The page a plain form post returns to: its own `returnTo` field when it is a path of ours. */
function formReturnPath(c: Context<ApiEnv>): string | null {
  return safeReturnPath(c.get('form')?.returnTo);
}

/** The text values of the posted form, so the page can show them again. */
function typedValues(c: Context<ApiEnv>): FormFeedback['values'] {
  const values: NonNullable<FormFeedback['values']> = {};
  for (const [name, value] of Object.entries(c.get('form') ?? {})) {
    if (NOT_ECHOED.has(name)) continue;
    if (typeof value === 'string') values[name] = value;
    else if (Array.isArray(value)) values[name] = value.filter((v) => typeof v === 'string');
  }
  return values;
}

/** A 303 to a page of ours, leaving feedback for it in a short-lived cookie. */
export function redirectWithFeedback(c: Context<ApiEnv>, location: string, feedback: FormFeedback) {
  const key = feedbackKey(c.get('deps').formSecret);
  setCookie(c, FEEDBACK_COOKIE, encodeFeedback(feedback, key), {
    ...feedbackCookieOptions,
    maxAge: 60,
  });
  return c.redirect(location, 303);
}

/**
 * A refusal the person can fix: JSON callers get the problem body; a plain form goes back
 * to its page with the message (next to `field` when given) and what was typed.
 */
export function refuse(
  c: Context<ApiEnv>,
  refusal: {
    status: ContentfulStatusCode;
    code: string;
    messageKey: MessageKey;
    params?: MessageParams;
    field?: string;
    fields?: Record<string, string>;
    // The page a plain form returns to, when the handler knows it better than the form's returnTo.
    back?: string;
  },
) {
  const message = c.get('t')(refusal.messageKey, refusal.params);
  const fields = refusal.fields ?? (refusal.field ? { [refusal.field]: message } : undefined);
  const back = wantsHtml(c) ? (refusal.back ?? formReturnPath(c)) : null;
  if (back) {
    const formId = c.get('form')?.formId;
    return redirectWithFeedback(c, back, {
      error: message,
      fields,
      values: typedValues(c),
      ...(typeof formId === 'string' ? { formId: formId.slice(0, 40) } : {}),
    });
  }
  return problem(
    c,
    refusal.status,
    refusal.code,
    refusal.messageKey,
    fields ? { fields } : {},
    refusal.params,
  );
}

/** Success: JSON callers get `body`; a plain form is sent on to `location` with a notice. */
export function done(
  c: Context<ApiEnv>,
  success: {
    location: string;
    body: Record<string, unknown>;
    notice?: MessageKey;
    params?: MessageParams;
  },
) {
  if (!wantsHtml(c)) return c.json(success.body);
  if (!success.notice) return c.redirect(success.location, 303);
  return redirectWithFeedback(c, success.location, {
    notice: c.get('t')(success.notice, success.params),
  });
}

/**
 * Answers a feature's expected failure from its refusal table (see src/server/forms/refusals.ts),
 * with what only the handler knows: the page to go back to, message values, another field.
 */
export function refuseWith<Failure extends string>(
  c: Context<ApiEnv>,
  table: RefusalTable<Failure>,
  failure: NoInfer<Failure>,
  context: { back?: string; params?: MessageParams; field?: string; messageKey?: MessageKey } = {},
) {
  const { back, ...refusal } = table[failure];
  return refuse(c, {
    ...refusal,
    messageKey: context.messageKey ?? refusal.messageKey,
    field: context.field ?? refusal.field,
    params: context.params,
    back: back === false ? undefined : context.back,
  });
}

/**
 * The refusal of a client link that does not open: 404 when unknown, 410 when revoked or
 * expired — or 429 once the visitor's address has failed too often (see refuseClientLink).
 * A plain form posted from a page whose link stopped working while it was open gets a page
 * that says why; JSON callers get JSON.
 */
export async function refuseLink(
  c: Context<ApiEnv>,
  failure: 'invalid' | 'revoked' | 'expired',
  messages: 'onboarding' | 'approvals' | 'timelineAck',
) {
  const { db, clock } = c.get('deps');
  const refusal = await refuseClientLink(db, policy, clientIp(c), failure, clock());
  const answer = describeLinkRefusal(refusal, messages);
  const t = c.get('t');
  if (wantsHtml(c))
    return messagePage({
      status: answer.status,
      locale: c.get('locale'),
      title: t(answer.titleKey),
      message: t(answer.messageKey, answer.params),
      headers: answer.headers,
    });
  for (const [name, value] of Object.entries(answer.headers)) c.header(name, value);
  return problem(c, answer.status, answer.code, answer.messageKey, {}, answer.params);
}
