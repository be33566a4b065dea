import { NOT_FOUND, type RefusalTable } from '../forms/refusals.ts';
import type { AnswerFailure } from './answer-survey.ts';

/** How a survey answer is refused; each in the contact's language, nothing written. */
export const SATISFACTION_REFUSALS = {
  not_found: NOT_FOUND,
  invalid_score: {
    status: 400,
    code: 'invalid_score',
    messageKey: 'satisfaction.errors.score',
    field: 'score',
  },
  comment_too_long: {
    status: 400,
    code: 'comment_too_long',
    messageKey: 'satisfaction.errors.commentTooLong',
    field: 'comment',
  },
  // The page was not open long enough (or its stamp is not ours): asked to confirm again.
  too_soon: { status: 400, code: 'too_soon', messageKey: 'satisfaction.errors.tooSoon' },
  answered: { status: 409, code: 'answered', messageKey: 'satisfaction.errors.answered' },
  voided: { status: 410, code: 'voided', messageKey: 'satisfaction.errors.closed' },
  expired: { status: 410, code: 'expired', messageKey: 'satisfaction.errors.expired' },
  rate_limited: { status: 429, code: 'rate_limited', messageKey: 'errors.rateLimited' },
} as const satisfies RefusalTable<AnswerFailure>;
