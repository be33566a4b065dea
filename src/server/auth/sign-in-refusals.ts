import type { RefusalTable } from '../forms/refusals.ts';

/** What refuses a sign-in: too many links asked for, or a link that no longer signs in. */
export const SIGN_IN_REFUSALS = {
  rate_limited: {
    status: 429,
    code: 'rate_limited',
    messageKey: 'errors.rateLimited',
    field: 'email',
  },
  invalid: { status: 400, code: 'link_invalid', messageKey: 'auth.linkProblems.invalid' },
  expired: { status: 400, code: 'link_expired', messageKey: 'auth.linkProblems.expired' },
  used: { status: 400, code: 'link_used', messageKey: 'auth.linkProblems.used' },
} as const satisfies RefusalTable<string>;
