import { NOT_FOUND, type RefusalTable } from '../forms/refusals.ts';

/** What refuses a contact's acknowledgement, by link or in the space. */
export const TIMELINE_ACK_REFUSALS = {
  // Not an entry they were asked about, or not one of their client's: nothing is revealed.
  not_found: NOT_FOUND,
  // They answered already (here, in the other place, or in another tab): one answer each.
  answered: { status: 409, code: 'answered', messageKey: 'timelineAck.alreadyAnswered' },
  // The agency edited the entry after the contact opened it: they answer the text they read.
  entry_changed: { status: 409, code: 'entry_changed', messageKey: 'timelineAck.entryChanged' },
} as const satisfies RefusalTable<string>;

export type TimelineAckFailure = keyof typeof TIMELINE_ACK_REFUSALS;
