import { NOT_FOUND, type RefusalTable } from '../forms/refusals.ts';

/** What refuses an acknowledgement of a breach of a client's cost norms. */
export const COST_CHECK_REFUSALS = {
  not_found: NOT_FOUND,
  // The figures of that day were imported again, or the norm changed, since the page was shown.
  not_a_breach: { status: 409, code: 'not_a_breach', messageKey: 'campaignCheck.notABreach' },
  // Someone else (or a double click) acknowledged it first.
  already_acknowledged: {
    status: 409,
    code: 'already_acknowledged',
    messageKey: 'campaignCheck.alreadyAcknowledged',
  },
} as const satisfies RefusalTable<string>;

export type CostCheckFailure = keyof typeof COST_CHECK_REFUSALS;
