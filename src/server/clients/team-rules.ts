import type { TeamRole } from '../../../db/schema/index.ts';
import type { PartnerRole } from '../../policy/index.ts';
import type { Viewer } from '../auth/viewer.ts';

/** What the rules need of a client: its CS in charge and its team (members still in their role). */
export type TeamFacts = {
  client: { csUserId: string };
  team: readonly { userId: string; role: TeamRole }[];
};

/**
 * Whether a person is a client's CS in charge: named on the client and still holding the CS
 * role (taking the role away takes the clients with it, as it does for team members).
 */
export function isCsInCharge(viewer: Viewer, client: { csUserId: string }): boolean {
  return viewer.roles.includes('cs') && client.csUserId === viewer.id;
}

/** Whether a person sees a client: admins all; its CS in charge; anyone on its team. */
export function maySeeClient(viewer: Viewer, facts: TeamFacts) {
  if (viewer.roles.includes('admin') || isCsInCharge(viewer, facts.client)) return true;
  return facts.team.some((member) => member.userId === viewer.id);
}

/**
 * Whether a task for a client may go to a role, or to a person in it (`assigneeId`). A named
 * person must work on the client in that role (for CS: be its CS in charge); a request to
 * the whole role needs someone on the team in it, or nobody would ever see it.
 */
export function mayBeAsked(facts: TeamFacts, role: PartnerRole, assigneeId: string | null) {
  if (role === 'cs') return assigneeId === null || assigneeId === facts.client.csUserId;
  return facts.team.some(
    (member) => member.role === role && (assigneeId === null || member.userId === assigneeId),
  );
}
