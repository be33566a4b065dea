import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { formatDate } from '../../src/i18n/index.ts';
import { PARTNER_ROLES, pickText, policy } from '../../src/policy/index.ts';
import { fieldMessage, isRealDate } from '../../src/server/forms/input-fields.ts';
import {
  actOnTaskRequest,
  openTaskRequest,
  routingRuleText,
  TASKS_PAGE,
} from '../../src/server/tasks/task-requests.ts';
import type { ApiEnv } from '../http/api-env.ts';
import { actingPerson, requestOrigin } from '../http/client-info.ts';
import { readInput } from '../http/read-input.ts';
import { done, refuse, refuseAction } from '../http/respond.ts';

const taskInput = z.object({
  clientId: z.string().min(1),
  assigneeRole: z.enum(PARTNER_ROLES),
  assigneeId: z
    .string()
    .optional()
    .transform((value) => value || null),
  what: z.string().trim().min(1).max(300),
  why: z.string().trim().min(1).max(2000),
  dueOn: z.string().trim().refine(isRealDate, fieldMessage('fields.invalidDate')),
});
const actInput = z.object({
  comment: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .transform((value) => value || null),
});

// The handbook page that states the rule a refusal quotes, in the reader's language.
const ruleLink = (c: Context<ApiEnv>) =>
  c.get('locale') === 'pt-BR' ? '/policies/task-routing/' : '/en/policies/task-routing/';

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
      return done(c, { location: TASKS_PAGE, body: { id: result.taskId }, notice: 'tasks.opened' });
    const locale = c.get('locale');
    const back = TASKS_PAGE;
    switch (result.error) {
      case 'routing':
        return refuse(c, {
          status: 403,
          code: 'routing',
          messageKey: 'errors.taskRouting',
          params: {
            from: pickText(policy.roles[result.from].label, locale),
            allowed: routingRuleText(policy, result.from, locale),
            link: ruleLink(c),
          },
          field: 'assigneeRole',
          back,
        });
      case 'lead_time':
        return refuse(c, {
          status: 400,
          code: 'lead_time',
          messageKey: 'errors.taskLeadTime',
          params: {
            days: c.get('t')(
              `handbook.units.days.${policy.taskRouting.minimumLeadTimeDays === 1 ? 'one' : 'other'}`,
              { n: policy.taskRouting.minimumLeadTimeDays },
            ),
            earliest: formatDate(new Date(`${result.earliest}T12:00:00Z`), locale, 'UTC'),
            link: ruleLink(c),
          },
          field: 'dueOn',
          back,
        });
      case 'not_on_team':
        return refuse(c, {
          status: 400,
          code: 'not_on_team',
          messageKey: 'errors.notOnTeam',
          field: input.assigneeId ? 'assigneeId' : 'assigneeRole',
          back,
        });
      case 'no_assignee':
        return refuse(c, {
          status: 400,
          code: 'no_assignee',
          messageKey: 'errors.noAssignee',
          field: 'assigneeId',
          back,
        });
      default:
        return refuse(c, { status: 404, code: 'not_found', messageKey: 'errors.notFound', back });
    }
  })
  .post('/:id/:action{accept|complete|return}', async (c) => {
    const { comment } = await readInput(c, actInput);
    const { db, clock } = c.get('deps');
    const action = c.req.param('action') as 'accept' | 'complete' | 'return';
    const result = await actOnTaskRequest(
      db,
      { taskId: c.req.param('id'), action, comment, ...actingPerson(c), origin: requestOrigin(c) },
      clock(),
    );
    if (!result.ok) {
      return refuseAction(c, result.error, 'task', TASKS_PAGE);
    }
    return done(c, { location: TASKS_PAGE, body: { ok: true }, notice: 'tasks.updated' });
  });
