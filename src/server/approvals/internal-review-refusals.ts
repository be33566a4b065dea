import { NOT_FOUND, type RefusalTable } from '../forms/refusals.ts';
import type { InternalDecisionProblem } from './internal-review-decision.ts';

/** What refuses a decision on a version's internal review. */
export const INTERNAL_REVIEW_REFUSALS = {
  not_found: NOT_FOUND,
  // Says the rule: who reviews which discipline.
  not_reviewer: { status: 403, code: 'not_reviewer', messageKey: 'internalReview.notReviewer' },
  // A second person reviews (policy.approvals.internalReview.uploaderMayReview).
  own_upload: { status: 403, code: 'own_upload', messageKey: 'internalReview.ownUpload' },
  // The version was replaced by a newer one since the page was shown.
  superseded: { status: 409, code: 'superseded', messageKey: 'internalReview.superseded' },
  // Another reviewer decided first (or the same one, twice).
  already_decided: {
    status: 409,
    code: 'already_decided',
    messageKey: 'internalReview.alreadyDecided',
  },
  message_required: {
    status: 400,
    code: 'message_required',
    messageKey: 'internalReview.messageRequired',
    field: 'message',
  },
} as const satisfies RefusalTable<InternalDecisionProblem>;
