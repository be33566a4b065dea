import type { RefusalTable } from '../forms/refusals.ts';

/**
 * What refuses a step of the space's sign-in: too many links asked for, a link that no
 * longer signs in (404 when it never existed, 410 once used or expired), a client that is
 * not the address's to choose.
 */
export const SPACE_AUTH_REFUSALS = {
  rate_limited: {
    status: 429,
    code: 'rate_limited',
    messageKey: 'errors.rateLimited',
    field: 'email',
  },
  invalid: { status: 404, code: 'link_invalid', messageKey: 'space.signIn.linkProblems.invalid' },
  expired: { status: 410, code: 'link_expired', messageKey: 'space.signIn.linkProblems.expired' },
  used: { status: 410, code: 'link_used', messageKey: 'space.signIn.linkProblems.used' },
  not_allowed: {
    status: 400,
    code: 'client_not_allowed',
    messageKey: 'space.choose.invalid',
    field: 'contactId',
  },
} as const satisfies RefusalTable<string>;
