import { NOT_FOUND, type RefusalTable } from '../forms/refusals.ts';

/** What refuses writing an entry on a client's timeline: who, what it names, its files, a race. */
export const TIMELINE_REFUSALS = {
  not_found: NOT_FOUND,
  not_allowed: { status: 403, code: 'not_allowed', messageKey: 'timeline.notAllowed' },
  // Two tabs: the entry moved on since the form was opened.
  conflict: { status: 409, code: 'conflict', messageKey: 'timeline.editedMeanwhile' },
  // The same new entry posted twice (a double click): saved once.
  already_saved: { status: 409, code: 'already_saved', messageKey: 'timeline.alreadySaved' },
  already_sent: {
    status: 409,
    code: 'already_sent',
    messageKey: 'timeline.alreadySent',
    field: 'visibility',
  },
  // Once a contact answered, the entry stays as they read it (their answer names its revision).
  already_acknowledged: {
    status: 409,
    code: 'already_acknowledged',
    messageKey: 'timeline.alreadyAcknowledged',
  },
  acknowledgement_fixed: {
    status: 409,
    code: 'acknowledgement_fixed',
    messageKey: 'timeline.acknowledgementFixed',
    field: 'asksAcknowledgement',
  },
  already_told_contact: {
    status: 409,
    code: 'already_told_contact',
    messageKey: 'timeline.alreadyToldContact',
    field: 'contactIds',
  },
  kind_fixed: { status: 400, code: 'kind_fixed', messageKey: 'timeline.kindFixed', field: 'kind' },
  not_a_contact: {
    status: 400,
    code: 'not_a_contact',
    messageKey: 'timeline.notAContact',
    field: 'contactIds',
  },
  not_a_contact_participant: {
    status: 400,
    code: 'not_a_contact',
    messageKey: 'timeline.notAContact',
    field: 'contactParticipants',
  },
  not_on_team: {
    status: 400,
    code: 'not_on_team',
    messageKey: 'timeline.notOnTeam',
    field: 'agencyPeople',
  },
  report_attachment_required: {
    status: 400,
    code: 'attachment_required',
    messageKey: 'timeline.reportAttachmentRequired',
    field: 'files',
  },
  pdf_required: {
    status: 400,
    code: 'attachment_required',
    messageKey: 'timeline.pdfRequired',
    field: 'files',
  },
  too_many_files: {
    status: 400,
    code: 'too_many_files',
    messageKey: 'timeline.tooManyFiles',
    field: 'files',
  },
  too_large: {
    status: 413,
    code: 'too_large',
    messageKey: 'timeline.fileTooLarge',
    field: 'files',
  },
  // The whole post (all its files) past policy.timeline.maxRequestBytes, refused before it is read.
  request_too_large: {
    status: 413,
    code: 'too_large',
    messageKey: 'timeline.requestTooLarge',
    field: 'files',
  },
  wrong_type: {
    status: 415,
    code: 'wrong_type',
    messageKey: 'timeline.fileWrongType',
    field: 'files',
  },
  not_pdf: { status: 415, code: 'wrong_type', messageKey: 'timeline.fileNotPdf', field: 'files' },
  empty: { status: 415, code: 'wrong_type', messageKey: 'timeline.fileEmpty', field: 'files' },
} as const satisfies RefusalTable<string>;

export type TimelineRefusal = keyof typeof TIMELINE_REFUSALS;
