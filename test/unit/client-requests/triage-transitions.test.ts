import { describe, expect, it } from 'vitest';
import { REQUEST_STATUSES, type RequestStatus } from '../../../db/schema/index.ts';
import {
  awaitsTriage,
  createsWork,
  nextRequestStatus,
  type RequestMove,
  statusesAllowing,
  TRIAGE_ACTIONS,
} from '../../../src/server/client-requests/triage-transitions.ts';

const MOVES: RequestMove[] = [...TRIAGE_ACTIONS, 'contact_reply'];

/** Every status × move, written out: the table the code must equal, cell by cell. */
const EXPECTED: Record<RequestStatus, Record<RequestMove, RequestStatus | null>> = {
  draft: { authorize: null, start_at_risk: null, ask: null, decline: null, contact_reply: null },
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
  at_risk: {
    authorize: 'authorized',
    start_at_risk: null,
    ask: null,
    decline: 'declined',
    contact_reply: null,
  },
  authorized: {
    authorize: null,
    start_at_risk: null,
    ask: null,
    decline: null,
    contact_reply: null,
  },
  declined: { authorize: null, start_at_risk: null, ask: null, decline: null, contact_reply: null },
};

describe('request transitions', () => {
  for (const from of REQUEST_STATUSES)
    for (const move of MOVES)
      it(`${from} + ${move} → ${EXPECTED[from][move] ?? 'refused'}`, () => {
        expect(nextRequestStatus(from, move)).toBe(EXPECTED[from][move]);
      });

  it('the statuses a move starts from are exactly the allowed cells', () => {
    for (const move of MOVES)
      expect(statusesAllowing(move)).toEqual(
        REQUEST_STATUSES.filter((from) => EXPECTED[from][move] !== null),
      );
  });

  it('the work is created by the first authorize or start at risk, never by confirming', () => {
    expect(createsWork('opened', 'authorize')).toBe(true);
    expect(createsWork('question', 'start_at_risk')).toBe(true);
    expect(createsWork('at_risk', 'authorize')).toBe(false);
    expect(createsWork('opened', 'ask')).toBe(false);
    expect(createsWork('opened', 'decline')).toBe(false);
  });

  it('only an opened request waits for triage: a question waits for the client', () => {
    expect(REQUEST_STATUSES.filter(awaitsTriage)).toEqual(['opened']);
  });
});
