import { clockTimeInZone, isoDateInZone, type Policy } from '../../policy/index.ts';

/** How a contact chose to hear of the space's news. */
export type NotifyMode = 'immediate' | 'daily';

/** The news the space tells a contact of: a piece to approve, or a change to one of their requests. */
export const PIECE_AWAITS_APPROVAL = 'piece_awaits_approval';

export type DigestRules = {
  clientSpace: { digest: Pick<Policy['clientSpace']['digest'], 'at'> };
  agency: Pick<Policy['agency'], 'timeZone'>;
};

/**
 * What the job does with one queued notification:
 * - `drop`: the contact no longer uses the space, so they hear nothing of it (marked done);
 * - `told`: a piece to approve, for a contact told at once — the personal approval link mail
 *   sent with the round already told them, so a second mail would say the same thing twice;
 * - `mail`: its own e-mail now;
 * - `digest`: a line of the contact's daily digest.
 */
export function howToTell(notification: {
  kind: string;
  mode: NotifyMode;
  mayUseSpace: boolean;
}): 'drop' | 'told' | 'mail' | 'digest' {
  if (!notification.mayUseSpace) return 'drop';
  if (notification.mode === 'daily') return 'digest';
  return notification.kind === PIECE_AWAITS_APPROVAL ? 'told' : 'mail';
}

/**
 * The agency day whose digest may go out at an instant — from the policy's time on, agency
 * time — or null before it. Keyed by that day, one digest per contact per day at most.
 */
export function digestDayAt(now: Date, rules: DigestRules): string | null {
  const { timeZone } = rules.agency;
  if (clockTimeInZone(now, timeZone) < rules.clientSpace.digest.at) return null;
  return isoDateInZone(now, timeZone);
}

/** The outbox key of a contact's digest of a day: the same day never sends two. */
export const digestKey = (contactId: string, day: string) => `contact-digest:${contactId}:${day}`;

/** The outbox key of one notification sent on its own. */
export const notificationKey = (notificationId: string) => `contact-notification:${notificationId}`;
