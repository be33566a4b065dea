import { and, desc, eq, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { aliased } from '../../../db/aliased.ts';
import type { Database } from '../../../db/client.ts';
import { clients, taskRequests, users } from '../../../db/schema/index.ts';
import type { Viewer } from '../auth/viewer.ts';
import { onTeam, seenClients } from '../clients/team-membership.ts';

const TASK_CLIENT = sql.raw('"task_requests"."client_id"');
const TASK_ROLE = sql.raw('"task_requests"."assignee_role"');
const requester = alias(users, 'requester');
const assignee = alias(users, 'assignee');

/**
 * The requests a person sees, only on clients they see: to them (or, open, to their role on
 * the client's team), from them, and, for CS, all of their clients'. With who asked, who was
 * asked (when named), and whether they may act. `taskId` narrows it to one request (its page):
 * the same rule decides who sees the list and who sees the page.
 */
export function listTasksFor(db: Database, user: Viewer, taskId?: string) {
  // Unnamed requests go to the people on the client's team in the role asked.
  const onTeamInRole = onTeam(user.id, TASK_CLIENT, TASK_ROLE);
  const visible = or(
    eq(taskRequests.requesterId, user.id),
    eq(taskRequests.assigneeId, user.id),
    and(eq(taskRequests.status, 'open'), onTeamInRole),
    ...(user.roles.includes('cs') ? [eq(clients.csUserId, user.id)] : []),
  );
  const mayAct = sql<boolean>`case when ${taskRequests.assigneeId} is null then ${onTeamInRole} else ${taskRequests.assigneeId} = ${user.id} end`;
  const conditions: (SQL | undefined)[] = [
    taskId === undefined ? undefined : eq(taskRequests.id, taskId),
    user.roles.includes('admin') ? undefined : and(seenClients(user), visible),
  ];
  return db
    .select({
      task: taskRequests,
      // Each name under its own alias: D1's batch keys a row's columns by name.
      clientName: aliased(clients.name, 'client_name'),
      requesterName: aliased(requester.name, 'requester_name'),
      assigneeName: aliased(assignee.name, 'assignee_name'),
      mayAct: mayAct.mapWith(Boolean),
      // Whether Ponte posts the client's requests to its group itself (a webhook is set).
      groupAnnounces: sql<boolean>`${clients.chatWebhookUrl} is not null`
        .mapWith(Boolean)
        .as('group_announces'),
    })
    .from(taskRequests)
    .innerJoin(clients, eq(clients.id, taskRequests.clientId))
    .innerJoin(requester, eq(requester.id, taskRequests.requesterId))
    .leftJoin(assignee, eq(assignee.id, taskRequests.assigneeId))
    .where(and(...conditions))
    .orderBy(desc(taskRequests.createdAt));
}
