import type { TimelineEntryKind, TimelineVisibility } from '../../../db/schema/timeline.ts';
import { addMonths, type Policy } from '../../policy/index.ts';
import type { Viewer } from '../auth/viewer.ts';
import { isCsInCharge, maySeeClient, type TeamFacts } from '../clients/team-rules.ts';

type TimelineRules = Pick<Policy, 'timeline'>;

/**
 * Whether a person may write entries of a kind on a client's timeline: admins any kind;
 * otherwise a role the policy names for the kind, held on this client — CS as its CS in
 * charge, the other roles as members of its team.
 */
export function mayWriteKind(
  viewer: Viewer,
  facts: TeamFacts,
  kind: TimelineEntryKind,
  rules: TimelineRules,
): boolean {
  if (viewer.roles.includes('admin')) return true;
  return (rules.timeline.writersByKind[kind] ?? []).some((role) =>
    role === 'cs'
      ? isCsInCharge(viewer, facts.client)
      : viewer.roles.includes(role) &&
        facts.team.some((member) => member.userId === viewer.id && member.role === role),
  );
}

/** The kinds a person may write on a client's timeline, in the policy's order. */
export function writableKinds(
  viewer: Viewer,
  facts: TeamFacts,
  kinds: readonly TimelineEntryKind[],
  rules: TimelineRules,
): TimelineEntryKind[] {
  return kinds.filter((kind) => mayWriteKind(viewer, facts, kind, rules));
}

/** Everyone who sees the client reads its timeline, internal entries included; nobody else. */
export const mayReadTimeline = maySeeClient;

/** Whether a kind may ask its contacts to acknowledge it (minutes and decisions by default). */
export const mayAskAcknowledgement = (kind: TimelineEntryKind, rules: TimelineRules) =>
  rules.timeline.acknowledgementKinds.includes(kind);

/**
 * The latest month a monthly report may report, given today (YYYY-MM-DD, agency time): the
 * month running when the policy allows it, else the month before.
 */
export function latestReportablePeriod(today: string, rules: TimelineRules): string {
  const month = today.slice(0, 7);
  return rules.timeline.reportCurrentMonth ? month : addMonths(month, -1);
}

/** Why a report's period is refused: a month after the latest reportable one; null when fine. */
export function reportPeriodProblem(
  period: string,
  today: string,
  rules: TimelineRules,
): 'future' | null {
  return period > latestReportablePeriod(today, rules) ? 'future' : null;
}

type RecipientState = {
  contactId: string | null;
  contactName: string;
  notifiedAt: Date | null;
  response: string | null;
};

/**
 * What an edit may no longer change once the entry's contacts were e-mailed: once anyone
 * answered an acknowledgement, the entry itself (their answer was given to the text they read:
 * write a new entry); once anyone was told, whether it asks acknowledgement (off→on would
 * never send the link, on→off would kill the links sent) and who was told (the e-mail is in
 * their inbox). `names` are the contacts the refusal is about. Null when the edit may go on.
 */
export function recipientEditProblem(
  entry: { asksAcknowledgement: boolean },
  after: { asksAcknowledgement: boolean; contactIds: readonly string[] },
  recipients: readonly RecipientState[],
): {
  error: 'already_acknowledged' | 'acknowledgement_fixed' | 'already_told_contact';
  names: string;
} | null {
  const names = (list: readonly RecipientState[]) => list.map((r) => r.contactName).join(', ');
  const answered = recipients.filter((r) => r.response !== null);
  if (entry.asksAcknowledgement && answered.length > 0)
    return { error: 'already_acknowledged', names: names(answered) };
  const told = recipients.filter((r) => r.notifiedAt !== null);
  if (told.length > 0 && entry.asksAcknowledgement !== after.asksAcknowledgement)
    return { error: 'acknowledgement_fixed', names: names(told) };
  // A removed contact (null id) cannot be ticked again: their row stays as it is.
  const untold = told.filter(
    (r) => r.contactId !== null && !after.contactIds.includes(r.contactId),
  );
  if (untold.length > 0) return { error: 'already_told_contact', names: names(untold) };
  return null;
}

/**
 * Whether an entry may change its visibility: a client entry whose contacts were already
 * e-mailed cannot become internal again (the e-mail is in their inbox; hiding the entry
 * would only hide from the agency what the client has read).
 */
export function visibilityChangeProblem(
  before: TimelineVisibility,
  after: TimelineVisibility,
  anyRecipientNotified: boolean,
): 'already_sent' | null {
  return before === 'client' && after === 'internal' && anyRecipientNotified
    ? 'already_sent'
    : null;
}
