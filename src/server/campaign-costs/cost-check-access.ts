import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { clients } from '../../../db/schema/index.ts';
import type { Viewer } from '../auth/viewer.ts';
import { OUTER_CLIENT_ID, onTeam } from '../clients/team-membership.ts';

/**
 * The read that tells whether a person may do a client's daily cost check: the client's CS,
 * a paid-traffic partner on its team, or an admin. `sees` is anyone who sees the client (its
 * team in any role), so the others are told they may not (403) rather than that it is not there.
 */
export function readCheckAccess(db: Database, viewer: Viewer, clientId: string) {
  const isAdmin = viewer.roles.includes('admin');
  return db
    .select({
      id: clients.id,
      name: clients.name,
      mayCheck:
        sql<boolean>`(${isAdmin ? 1 : 0} or ${clients.csUserId} = ${viewer.id} or ${onTeam(viewer.id, OUTER_CLIENT_ID, 'paid_traffic')})`.mapWith(
          Boolean,
        ),
      sees: sql<boolean>`(${isAdmin ? 1 : 0} or ${clients.csUserId} = ${viewer.id} or ${onTeam(viewer.id, OUTER_CLIENT_ID)})`.mapWith(
        Boolean,
      ),
    })
    .from(clients)
    .where(eq(clients.id, clientId));
}

export type CheckAccessRow = Awaited<ReturnType<typeof readCheckAccess>>[number];

/** What the access read decides: the client, 'forbidden' for its other partners, null for the rest. */
export function checkAccessFrom(
  rows: readonly CheckAccessRow[],
): { id: string; name: string } | 'forbidden' | null {
  const [row] = rows;
  if (!row?.sees) return null;
  if (!row.mayCheck) return 'forbidden';
  return { id: row.id, name: row.name };
}
