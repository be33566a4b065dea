import type { TaskRequest } from './task-requests.ts';

type BadgeTone = 'ok' | 'warn' | 'danger' | 'info' | 'neutral';

/**
 * The badge tone of a request's status: open waits on someone (warn), accepted is being
 * worked on (info), completed is done (ok), returned came back unfinished (danger).
 */
export const TASK_STATUS_TONES: Record<TaskRequest['status'], BadgeTone> = {
  open: 'warn',
  accepted: 'info',
  completed: 'ok',
  returned: 'danger',
};

/** What a person may do next with a request they may act on, by its status. */
export function nextTaskActions(status: TaskRequest['status']) {
  return {
    accept: status === 'open',
    complete: status === 'accepted',
    return: status === 'open' || status === 'accepted',
  };
}
