import { eq, or, type SQL, sql } from 'drizzle-orm';
import { clients, clientTeamMembers, userRoles } from '../../../db/schema/index.ts';
import type { Viewer } from '../auth/viewer.ts';

// The outer client's id, spelled out: in a one-table query drizzle leaves columns
// unqualified, and a bare "id" inside a subquery could mean the subquery's own table.
export const OUTER_CLIENT_ID = sql.raw('"clients"."id"');

/**
 * SQL: the person is on the team of the client whose id is `clientId` (in `role`, when
 * given). A row counts only while the person still holds its role: taking a role away
 * takes the clients that came with it.
 */
export function onTeam(userId: string, clientId: SQL, role?: SQL | string): SQL {
  const inRole = role === undefined ? sql`` : sql` and m.role = ${role}`;
  return sql`exists (select 1 from ${clientTeamMembers} m inner join ${userRoles} r on r.user_id = m.user_id and r.role = m.role where m.client_id = ${clientId} and m.user_id = ${userId}${inRole})`;
}

/**
 * SQL: the ids of the people on the client's team as Design (still holding the role), as a
 * list once read (never null: drizzle skips decoding nulls). They work on all its projects.
 */
export function designTeamOf(clientId: SQL) {
  return sql<
    string[]
  >`(select coalesce(group_concat(m.user_id), '') from ${clientTeamMembers} m inner join ${userRoles} r on r.user_id = m.user_id and r.role = m.role where m.client_id = ${clientId} and m.role = 'design')`
    .mapWith((ids: string) => (ids ? String(ids).split(',') : []))
    .as('design_team');
}

/** SQL: the ids of the clients on whose team the person is (still holding the role). */
function teamClientIds(userId: string): SQL {
  return sql`(select m.client_id from ${clientTeamMembers} m inner join ${userRoles} r on r.user_id = m.user_id and r.role = m.role where m.user_id = ${userId})`;
}

/**
 * SQL over the clients table: the clients a person sees — every one for an admin, else
 * those they are the CS in charge of or on the team of. Undefined means no filter. Both
 * sides of the "or" are index lookups (the CS's clients, the ids of the team's), so the
 * cost follows the person's clients, not the agency's: a correlated EXISTS read every client.
 */
export function seenClients(viewer: Viewer): SQL | undefined {
  if (viewer.roles.includes('admin')) return undefined;
  const inCharge = viewer.roles.includes('cs') ? eq(clients.csUserId, viewer.id) : undefined;
  return or(inCharge, sql`${OUTER_CLIENT_ID} in ${teamClientIds(viewer.id)}`);
}
