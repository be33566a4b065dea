import { NOT_FOUND, type RefusalTable } from '../forms/refusals.ts';

/** What refuses a pipeline stage or a change request: an unknown one, or one done since. */
export const DEADLINE_REFUSALS = {
  not_found: NOT_FOUND,
  wrong_status: { status: 409, code: 'wrong_status', messageKey: 'errors.movedOn.change' },
} as const satisfies RefusalTable<string>;
