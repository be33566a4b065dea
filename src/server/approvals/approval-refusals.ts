import { NOT_FOUND, type RefusalTable } from '../forms/refusals.ts';

/** What refuses the agency's work on pieces: planning, versions, sending, revoking, comments. */
export const PIECE_REFUSALS = {
  not_found: NOT_FOUND,
  not_designer: {
    status: 400,
    code: 'not_designer',
    messageKey: 'approvals.notDesigner',
    field: 'designerId',
  },
  not_allowed: { status: 403, code: 'not_allowed', messageKey: 'approvals.onlyCs' },
  conflict: { status: 409, code: 'conflict', messageKey: 'errors.conflict' },
  too_large: { status: 413, code: 'too_large', messageKey: 'fields.fileTooLarge', field: 'file' },
  // An empty file is no image or PDF either.
  empty: { status: 415, code: 'wrong_type', messageKey: 'approvals.wrongFileType', field: 'file' },
  wrong_type: {
    status: 415,
    code: 'wrong_type',
    messageKey: 'approvals.wrongFileType',
    field: 'file',
  },
  no_contacts: {
    status: 400,
    code: 'no_contacts',
    messageKey: 'approvals.noApprovers',
    field: 'contactIds',
  },
  no_version: { status: 409, code: 'no_version', messageKey: 'approvals.noVersion' },
  decided: { status: 409, code: 'decided', messageKey: 'approvals.alreadyDecided' },
  // The rule and its handbook page ({url}): the version waits for its internal review.
  internal_review_pending: {
    status: 409,
    code: 'internal_review_pending',
    messageKey: 'internalReview.sendRefused',
  },
  // A new version was uploaded (or its review moved) while this one was being sent.
  version_changed: {
    status: 409,
    code: 'version_changed',
    messageKey: 'internalReview.sendRaced',
  },
  // The round ended (decided, revoked, replaced) since the page was shown.
  not_open: { status: 409, code: 'wrong_status', messageKey: 'errors.movedOn.round' },
} as const satisfies RefusalTable<string>;

/** What refuses a client contact on their link: their own decision, or the round's end. */
export const APPROVAL_REFUSALS = {
  not_found: NOT_FOUND,
  decided: { status: 409, code: 'decided', messageKey: 'approvals.youDecided' },
  closed: { status: 409, code: 'closed', messageKey: 'approvals.roundClosed' },
  // The agency answered or resolved the comment: editing or deleting it would change the
  // question under its answer, or take the answer with it.
  answered: { status: 409, code: 'answered', messageKey: 'approvals.commentAnswered' },
  message_required: {
    status: 400,
    code: 'message_required',
    messageKey: 'approvals.messageRequired',
    field: 'message',
  },
} as const satisfies RefusalTable<string>;
