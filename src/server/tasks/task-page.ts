import type { Database } from '../../../db/client.ts';
import type { Viewer } from '../auth/viewer.ts';
import { listTaskHistory, listTasksFor } from './task-lists.ts';
import { nextTaskActions } from './task-status.ts';
import { mayOpenClientPages } from './tasks-page.ts';

// The audit actions of a request, in the order they can happen: anything else is not shown.
const HISTORY_STEPS = ['task_opened', 'task_accepted', 'task_completed', 'task_returned'] as const;
export type TaskHistoryStep = (typeof HISTORY_STEPS)[number];
const isHistoryStep = (action: string): action is TaskHistoryStep =>
  (HISTORY_STEPS as readonly string[]).includes(action);

/**
 * One request's page: what was asked, by whom, for which client and role, its status, what the
 * viewer may do with it, and its history as steps with who took them. Null when the viewer may
 * not see it (the same rule as the list), so the page answers 404. One round trip.
 */
export async function loadTaskPage(db: Database, viewer: Viewer, taskId: string) {
  const [[found], history] = await db.batch([
    listTasksFor(db, viewer, taskId),
    listTaskHistory(db, taskId),
  ]);
  if (!found) return null;
  return {
    ...found,
    actions: nextTaskActions(found.task.status, found.mayAct),
    mayOpenClient: mayOpenClientPages(viewer),
    history: history.flatMap(({ action, occurredAt, actorName, data }) =>
      isHistoryStep(action)
        ? [
            {
              step: action,
              occurredAt,
              actorName: actorName ?? null,
              comment: typeof data?.comment === 'string' ? data.comment : null,
            },
          ]
        : [],
    ),
  };
}
