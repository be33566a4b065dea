import { NOT_FOUND, type RefusalTable } from '../forms/refusals.ts';

/** What refuses a partner's submission and finance's review of invoices. */
export const INVOICE_REFUSALS = {
  not_found: NOT_FOUND,
  window_closed: { status: 409, code: 'window_closed', messageKey: 'errors.windowClosed' },
  // The message names what is wrong with the date (see checkIssueDate).
  issue_date: {
    status: 400,
    code: 'validation',
    messageKey: 'fields.invalidDate',
    field: 'issueDate',
  },
  profile_incomplete: {
    status: 409,
    code: 'profile_incomplete',
    messageKey: 'errors.profileIncomplete',
  },
  already_submitted: {
    status: 409,
    code: 'already_submitted',
    messageKey: 'errors.alreadySubmitted',
  },
  duplicate_file: {
    status: 409,
    code: 'duplicate_file',
    messageKey: 'errors.duplicateFile',
    field: 'file',
  },
  too_large: { status: 413, code: 'too_large', messageKey: 'fields.pdfTooLarge', field: 'file' },
  not_pdf: { status: 415, code: 'not_pdf', messageKey: 'fields.notPdf', field: 'file' },
  own_invoice: { status: 403, code: 'own_invoice', messageKey: 'finance.ownInvoice' },
  paid_on_before_approval: {
    status: 400,
    code: 'validation',
    messageKey: 'finance.paidOnBeforeApproval',
    field: 'paidOn',
  },
  paid_on_in_future: {
    status: 400,
    code: 'validation',
    messageKey: 'finance.paidOnInFuture',
    field: 'paidOn',
  },
  wrong_status: { status: 409, code: 'wrong_status', messageKey: 'errors.movedOn.invoice' },
  invalid_month: {
    status: 400,
    code: 'validation',
    messageKey: 'fields.invalidDate',
    field: 'month',
  },
} as const satisfies RefusalTable<string>;
