import type { RequestStatus } from '../../../db/schema/index.ts';

/** What CS does to a request sent by a client (see the handbook's client-space page). */
export const TRIAGE_ACTIONS = ['authorize', 'start_at_risk', 'ask', 'decline'] as const;
export type TriageAction = (typeof TRIAGE_ACTIONS)[number];

/** Everything that moves a request after it is sent: CS's triage, and the contact's reply. */
export type RequestMove = TriageAction | 'contact_reply';

/**
 * The one table of where a request goes, by its status and the move: a missing entry is a
 * move the status does not allow (409, nothing written). A request started at risk already
 * has its work, so it may only be confirmed (authorize) or stopped (decline); once authorized
 * or declined it is closed. The contact writes while it is open or asked a question, and
 * their answer gives the request back to CS ('opened').
 */
export const REQUEST_TRANSITIONS: {
  readonly [From in RequestStatus]: Partial<Readonly<Record<RequestMove, RequestStatus>>>;
} = {
  draft: {},
  opened: {
    authorize: 'authorized',
    start_at_risk: 'at_risk',
    ask: 'question',
    decline: 'declined',
    contact_reply: 'opened',
  },
  question: {
    authorize: 'authorized',
    start_at_risk: 'at_risk',
    ask: 'question',
    decline: 'declined',
    contact_reply: 'opened',
  },
  at_risk: { authorize: 'authorized', decline: 'declined' },
  authorized: {},
  declined: {},
};

/** Where a request in `from` goes by `move`, or null when the status does not allow it. */
export function nextRequestStatus(from: RequestStatus, move: RequestMove): RequestStatus | null {
  return REQUEST_TRANSITIONS[from][move] ?? null;
}

/** The statuses a move may start from: what the conditional UPDATE of the move requires. */
export function statusesAllowing(move: RequestMove): RequestStatus[] {
  return (Object.keys(REQUEST_TRANSITIONS) as RequestStatus[]).filter(
    (from) => REQUEST_TRANSITIONS[from][move] !== undefined,
  );
}

/**
 * Whether the move creates the work (a project, or a piece in the chosen project): the first
 * of authorize and start-at-risk does; authorizing work started at risk only confirms it.
 */
export function createsWork(from: RequestStatus, move: RequestMove): boolean {
  return (move === 'authorize' || move === 'start_at_risk') && from !== 'at_risk';
}

/** Whether a request in this status still waits for CS's triage (the deadline runs). */
export function awaitsTriage(status: RequestStatus): boolean {
  return status === 'opened';
}
