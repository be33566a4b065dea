import { and, eq, inArray } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '../../../db/client.ts';
import { clients, taskRequests, userRoles, users } from '../../../db/schema/index.ts';
import type { PartnerRole, Policy } from '../../policy/index.ts';
import { pickText } from '../../policy/index.ts';
import { recordEvent } from '../audit/record-event.ts';
import type { SignedInUser } from '../auth/sessions.ts';
import type { Actor, Viewer } from '../auth/viewer.ts';
import { loadClientTeam } from '../clients/client-teams.ts';
import { mayBeAsked, maySeeClient, type TeamFacts } from '../clients/team-rules.ts';
import { queueMail } from '../mail/outbox.ts';
import { type Person, taskMail, taskPagePath, taskRequestWrites } from './task-request-writes.ts';
import { checkTaskRequest, requestingRole, type TaskRuleProblem } from './task-rules.ts';

type TaskPolicy = Pick<Policy, 'taskRouting' | 'roles'> & {
  agency: Pick<Policy['agency'], 'timeZone'>;
};
export type TaskRequest = typeof taskRequests.$inferSelect;
export type TaskAction = 'accept' | 'complete' | 'return';
export { TASKS_PAGE, taskPagePath } from './task-request-writes.ts';

export type OpenTaskResult =
  | { ok: true; taskId: string }
  | { ok: false; error: 'not_found' | 'no_assignee' | 'not_on_team' | 'no_partner_role' }
  | ({ ok: false } & TaskRuleProblem);

/**
 * Opens a request for work. The routing matrix and the minimum lead time of the policy
 * decide whether it may be opened; only about a client the requester sees, and only to
 * people on its team. The assignee (a person, or for CS the client's CS) is e-mailed in the
 * same batch.
 */
export async function openTaskRequest(
  db: Database,
  rules: TaskPolicy,
  request: {
    clientId: string;
    assigneeRole: PartnerRole;
    assigneeId: string | null;
    what: string;
    why: string;
    dueOn: string;
    requester: Pick<SignedInUser, 'id' | 'name' | 'roles'>;
    actor: Actor;
    origin: string;
  },
  now: Date,
): Promise<OpenTaskResult> {
  const from = requestingRole(request.requester.roles, request.assigneeRole, rules);
  // Staff (finance, admin) hold no role of the routing matrix: they ask no one.
  if (!from) return { ok: false, error: 'no_partner_role' };
  const problem = checkTaskRequest(
    { from, to: request.assigneeRole, dueOn: request.dueOn },
    rules,
    now,
  );
  if (problem) return { ok: false, ...problem };
  const found = await loadClientTeam(db, request.clientId);
  if (!found || !maySeeClient(request.requester, found)) return { ok: false, error: 'not_found' };
  const { client } = found;
  const assigneeId = request.assigneeId ?? (request.assigneeRole === 'cs' ? client.csUserId : null);
  if (!mayBeAsked(found, request.assigneeRole, assigneeId))
    return { ok: false, error: 'not_on_team' };
  let assignee: Person | undefined;
  if (assigneeId) {
    [assignee] = await db
      .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
      .from(users)
      .innerJoin(
        userRoles,
        and(eq(userRoles.userId, users.id), eq(userRoles.role, request.assigneeRole)),
      )
      .where(and(eq(users.id, assigneeId), eq(users.active, true)));
    if (!assignee) return { ok: false, error: 'no_assignee' };
  }
  const id = crypto.randomUUID();
  const writes = taskRequestWrites(
    db,
    rules,
    {
      id,
      client,
      from,
      to: request.assigneeRole,
      assignee: assignee ?? null,
      what: request.what,
      why: request.why,
      dueOn: request.dueOn,
      requester: request.requester,
      actor: request.actor,
      origin: request.origin,
    },
    now,
  );
  await db.batch(writes as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  return { ok: true, taskId: id };
}

// Which statuses each action may start from, and where it leads.
const TRANSITIONS: Record<
  TaskAction,
  { from: TaskRequest['status'][]; to: TaskRequest['status'] }
> = {
  accept: { from: ['open'], to: 'accepted' },
  complete: { from: ['accepted'], to: 'completed' },
  return: { from: ['open', 'accepted'], to: 'returned' },
};

/**
 * True when a person may act on a request: its named assignee, or when none is named anyone
 * on the client's team in the role; either only while they still see the client.
 */
function mayAct(task: TaskRequest, user: Viewer, facts: TeamFacts) {
  if (!maySeeClient(user, facts)) return false;
  if (task.assigneeId) return task.assigneeId === user.id;
  return user.roles.includes(task.assigneeRole) && mayBeAsked(facts, task.assigneeRole, user.id);
}

/** The assignee accepts, completes, or returns a request (with a comment); the requester is e-mailed. */
export async function actOnTaskRequest(
  db: Database,
  act: {
    taskId: string;
    action: TaskAction;
    comment: string | null;
    user: Pick<SignedInUser, 'id' | 'name' | 'roles'>;
    actor: Actor;
    origin: string;
  },
  now: Date,
): Promise<{ ok: true } | { ok: false; error: 'not_found' | 'wrong_status' }> {
  const [found] = await db
    .select({
      task: taskRequests,
      clientName: clients.name,
      requester: { id: users.id, name: users.name, email: users.email, locale: users.locale },
    })
    .from(taskRequests)
    .innerJoin(clients, eq(clients.id, taskRequests.clientId))
    .innerJoin(users, eq(users.id, taskRequests.requesterId))
    .where(eq(taskRequests.id, act.taskId));
  const facts = found ? await loadClientTeam(db, found.task.clientId) : null;
  if (!found || !facts || !mayAct(found.task, act.user, facts))
    return { ok: false, error: 'not_found' };
  const { from, to } = TRANSITIONS[act.action];
  if (!from.includes(found.task.status)) return { ok: false, error: 'wrong_status' };
  const mail = taskMail(
    to === 'accepted' ? 'accepted' : to === 'completed' ? 'completed' : 'returned',
    found.requester,
    {
      what: found.task.what,
      client: found.clientName,
      assignee: act.user.name,
      comment: act.comment ?? '',
    },
    `${act.origin}${taskPagePath(act.taskId)}`,
  );
  const [updated] = await db.batch([
    db
      .update(taskRequests)
      .set({
        status: to,
        updatedAt: now,
        ...(act.comment ? { comment: act.comment } : {}),
        ...(found.task.assigneeId ? {} : { assigneeId: act.user.id }),
      })
      .where(and(eq(taskRequests.id, act.taskId), inArray(taskRequests.status, from)))
      .returning({ id: taskRequests.id }),
    queueMail(
      db,
      { idempotencyKey: `task-${to}:${act.taskId}`, to: found.requester.email, ...mail },
      now,
    ),
    recordEvent(
      db,
      {
        actorId: act.actor.id,
        action: `task_${to}`,
        subjectType: 'task',
        subjectId: act.taskId,
        ip: act.actor.ip,
        data: act.comment ? { comment: act.comment } : {},
      },
      now,
    ),
  ]);
  return updated.length > 0 ? { ok: true } : { ok: false, error: 'wrong_status' };
}

/** The routing rule in words, for refusals: who the requester's role may ask. */
export function routingRuleText(
  rules: Pick<Policy, 'taskRouting' | 'roles'>,
  from: PartnerRole,
  locale: Parameters<typeof pickText>[1],
): string {
  return (rules.taskRouting.mayRequestFrom[from] ?? [])
    .map((role) => pickText(rules.roles[role].label, locale))
    .join(', ');
}
