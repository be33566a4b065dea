import type { Database } from '../../../db/client.ts';
import type { Viewer } from '../auth/viewer.ts';
import { listClientNames } from '../clients/clients.ts';
import { listTasksFor } from './task-requests.ts';

/** The tasks page: the requests a person sees and the clients they may open one on. One round trip. */
export async function loadTasksPage(db: Database, viewer: Viewer) {
  const [tasks, clientNames] = await db.batch([
    listTasksFor(db, viewer),
    listClientNames(db, viewer),
  ]);
  return { tasks, clientNames };
}
