import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { clients } from '../../../db/schema/index.ts';
import type { Viewer } from '../auth/viewer.ts';
import { OUTER_CLIENT_ID, onTeam } from '../clients/team-membership.ts';
import { isCsInCharge, type TeamFacts } from '../clients/team-rules.ts';

/** A client as its campaign costs' pages need it, with whether the person is its paid traffic. */
export type CampaignClientRow = {
  id: string;
  name: string;
  csUserId: string;
  onPaidTrafficTeam: boolean;
};

/**
 * The read of a client for its campaign costs (norms, imports, the daily check), to run alone
 * or in a page's batch; `campaignClientFor` decides from it.
 */
export function readCampaignClient(db: Database, viewer: Viewer, clientId: string) {
  return db
    .select({
      id: clients.id,
      name: clients.name,
      csUserId: clients.csUserId,
      onPaidTrafficTeam:
        sql<boolean>`${onTeam(viewer.id, OUTER_CLIENT_ID, 'paid_traffic')}`.mapWith(Boolean),
    })
    .from(clients)
    .where(eq(clients.id, clientId));
}

/**
 * Who works on a client's campaign costs: its CS in charge, the paid-traffic partner on its
 * team, and admins. Anyone else gets null (a 404: whether the client exists is not told).
 */
export function campaignClientFor(
  viewer: Viewer,
  rows: readonly CampaignClientRow[],
): { id: string; name: string } | null {
  const client = rows[0];
  if (!client) return null;
  return mayWorkOnCampaigns(viewer, client) ? { id: client.id, name: client.name } : null;
}

function mayWorkOnCampaigns(
  viewer: Viewer,
  client: { csUserId: string; onPaidTrafficTeam: boolean },
): boolean {
  return viewer.roles.includes('admin') || isCsInCharge(viewer, client) || client.onPaidTrafficTeam;
}

/** The same rule from a client's team as its page has it: whether to link its campaign costs. */
export function mayOpenCampaignCosts(viewer: Viewer, facts: TeamFacts): boolean {
  const onPaidTrafficTeam = facts.team.some(
    (member) => member.userId === viewer.id && member.role === 'paid_traffic',
  );
  return mayWorkOnCampaigns(viewer, { csUserId: facts.client.csUserId, onPaidTrafficTeam });
}
