import type { MessageKey } from '../../i18n/index.ts';

/**
 * How an expected failure is told: its HTTP status, a stable code, the catalog message and
 * the field it concerns. `back: false` keeps a plain form off the page the handler names:
 * an object that is not there, or a questionnaire already sent, has no page to return to.
 */
export type Refusal = {
  status: 400 | 403 | 404 | 409 | 410 | 413 | 415 | 429;
  code: string;
  messageKey: MessageKey;
  field?: string;
  back?: false;
};

/** A feature's expected failures, each with its refusal: a failure without one does not compile where it is answered. */
export type RefusalTable<Failure extends string> = { readonly [F in Failure]: Refusal };

/** An object that is not there, or not the person's: the same 404 either way, so nothing is revealed. */
export const NOT_FOUND = {
  status: 404,
  code: 'not_found',
  messageKey: 'errors.notFound',
  back: false,
} as const satisfies Refusal;
