import { NOT_FOUND, type RefusalTable } from '../forms/refusals.ts';
import type { RecordRenewalFailure } from './record-renewal.ts';

/** How recording a renewal is refused: on its date field, 409 when the client cannot renew. */
export const RENEWAL_REFUSALS = {
  not_found: NOT_FOUND,
  no_service_end: {
    status: 409,
    code: 'no_service_end',
    messageKey: 'renewals.errors.noServiceEnd',
    field: 'renewedUntil',
  },
  not_after_end: {
    status: 400,
    code: 'not_after_end',
    messageKey: 'renewals.errors.notAfterEnd',
    field: 'renewedUntil',
  },
  lost: {
    status: 409,
    code: 'lost',
    messageKey: 'renewals.errors.lost',
    field: 'renewedUntil',
  },
  already_renewed: {
    status: 409,
    code: 'already_renewed',
    messageKey: 'renewals.errors.twice',
    field: 'renewedUntil',
  },
} as const satisfies RefusalTable<RecordRenewalFailure>;
