import type { Database } from '../../../db/client.ts';
import type { Policy } from '../../policy/index.ts';
import { accessFor, decideAccess } from '../auth/access-rules.ts';
import type { Viewer } from '../auth/viewer.ts';
import { listClientNames } from '../clients/clients.ts';
import { listTasksFor } from './task-lists.ts';
import { askableRoles } from './task-rules.ts';

/**
 * Whether the viewer may open the client pages of the requests they see: every request they
 * see is on a client they see, so the access table alone decides (finance, say, never may).
 */
export function mayOpenClientPages(viewer: Pick<Viewer, 'roles'>): boolean {
  return decideAccess(accessFor('/clients'), viewer.roles) === 'allow';
}

/**
 * The tasks page: the requests a person sees, the clients they may open one on, and the roles
 * they may ask (the form offers only those). One round trip.
 */
export async function loadTasksPage(
  db: Database,
  rules: Pick<Policy, 'taskRouting'>,
  viewer: Viewer,
) {
  const [tasks, clientNames] = await db.batch([
    listTasksFor(db, viewer),
    listClientNames(db, viewer),
  ]);
  return {
    tasks,
    clientNames,
    askableRoles: askableRoles(viewer.roles, rules),
    mayOpenClients: mayOpenClientPages(viewer),
  };
}
