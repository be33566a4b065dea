import { NOT_FOUND, type RefusalTable } from '../forms/refusals.ts';

/**
 * What refuses opening a task request: the routing policy, the lead time, the client's team.
 * The messages are sentences; the handbook page of the rule is a link beside the form.
 */
export const OPEN_TASK_REFUSALS = {
  routing: {
    status: 403,
    code: 'routing',
    messageKey: 'tasks.refusals.routing',
    field: 'assigneeRole',
  },
  no_partner_role: {
    status: 403,
    code: 'routing',
    messageKey: 'tasks.noneAskable',
    field: 'assigneeRole',
  },
  lead_time: {
    status: 400,
    code: 'lead_time',
    messageKey: 'tasks.refusals.leadTime',
    field: 'dueOn',
  },
  not_on_team: {
    status: 400,
    code: 'not_on_team',
    messageKey: 'errors.notOnTeam',
    field: 'assigneeRole',
  },
  no_assignee: {
    status: 400,
    code: 'no_assignee',
    messageKey: 'errors.noAssignee',
    field: 'assigneeRole',
  },
  // The client chosen in the form: the form goes back to the tasks page with the message.
  not_found: { status: 404, code: 'not_found', messageKey: 'errors.notFound' },
} as const satisfies RefusalTable<string>;

/** What refuses accepting, completing or returning a task request. */
export const TASK_ACTION_REFUSALS = {
  not_found: NOT_FOUND,
  wrong_status: { status: 409, code: 'wrong_status', messageKey: 'errors.movedOn.task' },
} as const satisfies RefusalTable<string>;
