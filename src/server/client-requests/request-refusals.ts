import { NOT_FOUND, type RefusalTable } from '../forms/refusals.ts';

/** What refuses a contact's request form: another's ids, a sent request, bad answers or files. */
export const REQUEST_REFUSALS = {
  not_found: NOT_FOUND,
  // A project of another client, or one the agency does not show: the same 404.
  project_not_found: NOT_FOUND,
  // Their own draft, in a project the agency stopped showing after it was saved.
  project_hidden: {
    status: 409,
    code: 'project_hidden',
    messageKey: 'requestForm.projectHidden',
    field: 'projectId',
  },
  submitted: { status: 409, code: 'submitted', messageKey: 'requestForm.alreadySent', back: false },
  // Saved in another tab (or by another click) since this page showed it: nothing overwritten.
  draft_changed: { status: 409, code: 'draft_changed', messageKey: 'requestForm.draftChanged' },
  invalid: { status: 400, code: 'invalid', messageKey: 'requestForm.fixProblems' },
  too_large: { status: 413, code: 'too_large', messageKey: 'requestForm.fileTooLarge' },
  empty: { status: 415, code: 'empty', messageKey: 'requestForm.fileEmpty' },
  wrong_type: { status: 415, code: 'wrong_type', messageKey: 'requestForm.fileWrongType' },
} as const satisfies RefusalTable<string>;

/** What refuses saving a client's request form on the agency side. */
export const TEMPLATE_REFUSALS = {
  not_found: NOT_FOUND,
  invalid: { status: 400, code: 'invalid', messageKey: 'requestTemplates.fixProblems' },
  // Someone saved a newer version since this editor was opened.
  conflict: { status: 409, code: 'conflict', messageKey: 'requestTemplates.conflict' },
} as const satisfies RefusalTable<string>;
