import type { Database } from '../../../db/client.ts';
import type { Policy } from '../../policy/index.ts';
import { historyEntryOf, readSubjectHistory } from '../audit/event-history.ts';
import type { Viewer } from '../auth/viewer.ts';
import { listTasksFor } from './task-lists.ts';
import { taskPagePath } from './task-requests.ts';
import { nextTaskActions } from './task-status.ts';
import { mayOpenClientPages } from './tasks-page.ts';

/**
 * One request's page: what was asked, by whom, for which client and role, its status, what the
 * viewer may do with it, how it reaches the client's group, and its history with who acted
 * (drawn as sentences, like every history). Null when the viewer may not see it (the same
 * rule as the list), so the page answers 404. One round trip.
 */
export async function loadTaskPage(
  db: Database,
  rules: Pick<Policy, 'taskRouting'>,
  viewer: Viewer,
  taskId: string,
  origin: string,
) {
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
    // The policy wants every request announced in the client's group: by Ponte when the
    // client has a webhook, else by hand, with this page's address.
    announcement: !rules.taskRouting.announceInClientGroup
      ? null
      : found.groupAnnounces
        ? ('by_ponte' as const)
        : { byHand: `${origin}${taskPagePath(taskId)}` },
  };
}
