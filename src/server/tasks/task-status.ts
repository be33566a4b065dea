import type { BadgeTone } from '../pages/badge-tone.ts';
import type { TaskRequest } from './task-requests.ts';

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

/** What a person may do next with a request, by its status: nothing unless they may act on it. */
export function nextTaskActions(status: TaskRequest['status'], mayAct: boolean) {
  return {
    accept: mayAct && status === 'open',
    complete: mayAct && status === 'accepted',
    return: mayAct && (status === 'open' || status === 'accepted'),
  };
}

/** Whether a request still waits on someone: only then does its due date carry an urgency. */
export const isPending = (status: TaskRequest['status']) =>
  status === 'open' || status === 'accepted';
