import { NOT_FOUND, type RefusalTable } from '../forms/refusals.ts';

/** What refuses CS's triage of a request, and a contact's message on it. */
export const TRIAGE_REFUSALS = {
  not_found: NOT_FOUND,
  // The request's status does not allow the action ({status}: where it is now).
  wrong_status: { status: 409, code: 'wrong_status', messageKey: 'requestTriage.wrongStatus' },
  // Someone else moved it between the read and the write: one of two CS at once.
  conflict: { status: 409, code: 'conflict', messageKey: 'requestTriage.movedOn' },
  not_designer: {
    status: 400,
    code: 'not_designer',
    messageKey: 'approvals.notDesigner',
    field: 'designerId',
  },
  // A project request authorized with its list of pieces sent empty: nothing to start.
  no_pieces: {
    status: 400,
    code: 'no_pieces',
    messageKey: 'requestTriage.piecesRequired',
    field: 'pieces',
  },
  // A piece request whose project was deleted since: there is nowhere to put the piece.
  project_gone: { status: 409, code: 'project_gone', messageKey: 'requestTriage.projectGone' },
} as const satisfies RefusalTable<string>;

export type TriageFailure = keyof typeof TRIAGE_REFUSALS;
