import { NOT_FOUND, type RefusalTable } from '../forms/refusals.ts';

/** What refuses sending a questionnaire, and a contact's answers, uploads and submission. */
export const ONBOARDING_REFUSALS = {
  not_found: NOT_FOUND,
  unknown_section: NOT_FOUND,
  unknown_question: NOT_FOUND,
  // Sent already: nothing changes any more, on any page of it.
  submitted: { status: 409, code: 'submitted', messageKey: 'errors.conflict', back: false },
  no_contacts: {
    status: 400,
    code: 'no_contacts',
    messageKey: 'fields.noContacts',
    field: 'contactIds',
  },
  too_large: { status: 413, code: 'too_large', messageKey: 'fields.fileTooLarge' },
  empty: { status: 415, code: 'empty', messageKey: 'fields.fileEmpty' },
  wrong_type: { status: 415, code: 'wrong_type', messageKey: 'fields.fileWrongType' },
  consent_required: {
    status: 400,
    code: 'consent_required',
    messageKey: 'fields.consentRequired',
    field: 'consent',
  },
  incomplete: { status: 400, code: 'incomplete', messageKey: 'errors.validation' },
} as const satisfies RefusalTable<string>;
