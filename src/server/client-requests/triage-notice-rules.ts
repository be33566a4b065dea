import { addBusinessHours, type Policy } from '../../policy/index.ts';

/** The parts of the policy the triage deadline's notices read. */
export type TriagePolicy = Pick<Policy, 'businessHours' | 'holidays' | 'clientSpace'> & {
  agency: Pick<Policy['agency'], 'timeZone'>;
};

const MINUTE = 60_000;
// No reminder lies further back than this before its deadline, however long the holidays.
const SEARCH_DAYS = 45;

/**
 * When CS is reminded of a request whose triage is due at `dueAt`: the earliest minute from
 * which the policy's reminder hours of business time reach the deadline. Found from the
 * deadline alone (addBusinessHours only counts forward: a search over it), so it holds
 * whether the clock started at the send or again at the contact's answer to a question.
 */
export function triageReminderAt(dueAt: Date, rules: TriagePolicy): Date {
  const before = rules.clientSpace.triage.reminderBeforeBusinessHours;
  const reaches = (minute: number) =>
    addBusinessHours(new Date(minute * MINUTE), before, rules).getTime() >= dueAt.getTime();
  let low = Math.floor(dueAt.getTime() / MINUTE) - SEARCH_DAYS * 24 * 60;
  let high = Math.ceil(dueAt.getTime() / MINUTE);
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (reaches(middle)) high = middle;
    else low = middle + 1;
  }
  return new Date(low * MINUTE);
}

export type TriageNotice = 'reminder' | 'escalation';

/**
 * Which notice a request waiting for triage is owed at `now`, each once: the escalation to the
 * admins from the moment it is due, the reminder to its CS from the reminder time until then.
 */
export function triageNoticeDue(
  request: { dueAt: Date; remindedAt: Date | null; escalatedAt: Date | null },
  now: Date,
  rules: TriagePolicy,
): TriageNotice | null {
  if (now.getTime() >= request.dueAt.getTime()) return request.escalatedAt ? null : 'escalation';
  if (request.remindedAt) return null;
  return now.getTime() >= triageReminderAt(request.dueAt, rules).getTime() ? 'reminder' : null;
}
