import type { Database } from '../../../db/client.ts';
import { historyEntryOf, readSubjectHistory } from '../audit/event-history.ts';
import type { Viewer } from '../auth/viewer.ts';
import { listTasksFor } from './task-lists.ts';
import { nextTaskActions } from './task-status.ts';
import { mayOpenClientPages } from './tasks-page.ts';

/**
 * One request's page: what was asked, by whom, for which client and role, its status, what the
 * viewer may do with it, and its history with who acted (drawn as sentences, like every
 * history). Null when the viewer may not see it (the same rule as the list), so the page
 * answers 404. One round trip.
 */
export async function loadTaskPage(db: Database, viewer: Viewer, taskId: string) {
  const [[found], history] = await db.batch([
    listTasksFor(db, viewer, taskId),
    readSubjectHistory(db, 'task', taskId),
  ]);
  if (!found) return null;
  return {
    ...found,
    actions: nextTaskActions(found.task.status, found.mayAct),
    mayOpenClient: mayOpenClientPages(viewer),
    history: history.map(historyEntryOf),
  };
}
