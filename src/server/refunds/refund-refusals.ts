import { NOT_FOUND, type RefusalTable } from '../forms/refusals.ts';
import type { RecordRefundFailure } from './record-refund.ts';

/** How recording a refund is refused: on its date field, or 409 when one is there already. */
export const REFUND_REFUSALS = {
  not_found: NOT_FOUND,
  no_service: {
    status: 400,
    code: 'no_service',
    messageKey: 'refunds.errors.noService',
    field: 'requestedOn',
  },
  before_service: {
    status: 400,
    code: 'before_service',
    messageKey: 'refunds.errors.beforeService',
    field: 'requestedOn',
  },
  after_service: {
    status: 400,
    code: 'after_service',
    messageKey: 'refunds.errors.afterService',
    field: 'requestedOn',
  },
  in_future: {
    status: 400,
    code: 'in_future',
    messageKey: 'refunds.errors.inFuture',
    field: 'requestedOn',
  },
  already_recorded: {
    status: 409,
    code: 'already_recorded',
    messageKey: 'refunds.errors.twice',
    field: 'requestedOn',
  },
} as const satisfies RefusalTable<RecordRefundFailure>;
