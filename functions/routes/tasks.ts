import { Hono } from 'hono';
import { formatAmount, formatCalendarDate, type MessageParams } from '../../src/i18n/index.ts';
import { pickText, policy } from '../../src/policy/index.ts';
import { safeReturnPath } from '../../src/server/forms/return-path.ts';
import { taskActionInput, taskInput } from '../../src/server/tasks/task-input.ts';
import { OPEN_TASK_REFUSALS, TASK_ACTION_REFUSALS } from '../../src/server/tasks/task-refusals.ts';
import {
  actOnTaskRequest,
  openTaskRequest,
  routingRuleText,
  TASKS_PAGE,
  type TaskAction,
  taskPagePath,
} from '../../src/server/tasks/task-requests.ts';
import type { ApiEnv } from '../http/api-env.ts';
import { actingPerson, requestOrigin } from '../http/client-info.ts';
import { readInput } from '../http/read-input.ts';
import { done, refuseWith } from '../http/respond.ts';

/** Task requests between roles: opened under the routing policy, then accepted, completed or returned. */
export const taskRoutes = new Hono<ApiEnv>()
  .post('/', async (c) => {
    const input = await readInput(c, taskInput);
    const { db, clock } = c.get('deps');
    const { actor, user } = actingPerson(c);
    const result = await openTaskRequest(
      db,
      policy,
      { ...input, requester: user, actor, origin: requestOrigin(c) },
      clock(),
    );
    if (result.ok)
      return done(c, {
        location: taskPagePath(result.taskId),
        body: { id: result.taskId },
        notice: 'tasks.opened',
      });
    const locale = c.get('locale');
    const days = policy.taskRouting.minimumLeadTimeDays;
    const params: MessageParams | undefined =
      result.error === 'routing'
        ? {
            from: pickText(policy.roles[result.from].label, locale),
            allowed: routingRuleText(policy, result.from, locale),
          }
        : result.error === 'lead_time'
          ? {
              days: formatAmount(days, 'days', locale),
              earliest: formatCalendarDate(result.earliest, locale),
            }
          : undefined;
    return refuseWith(c, OPEN_TASK_REFUSALS, result.error, {
      back: TASKS_PAGE,
      params,
      // A chosen person not on the team is told at their field, a role without one at the role.
      field: result.error === 'not_on_team' && input.assigneeId ? 'assigneeId' : undefined,
    });
  })
  .post('/:id/:action{accept|complete|return}', async (c) => {
    const { comment } = await readInput(c, taskActionInput);
    const { db, clock } = c.get('deps');
    const action = c.req.param('action') as TaskAction;
    const result = await actOnTaskRequest(
      db,
      { taskId: c.req.param('id'), action, comment, ...actingPerson(c), origin: requestOrigin(c) },
      clock(),
    );
    // Back to where the person acted: the list, or the request's own page.
    const from = safeReturnPath(c.get('form')?.returnTo) ?? TASKS_PAGE;
    if (!result.ok) {
      const back = result.error === 'not_found' ? TASKS_PAGE : from;
      return refuseWith(c, TASK_ACTION_REFUSALS, result.error, { back });
    }
    return done(c, { location: from, body: { ok: true }, notice: 'tasks.updated' });
  });
