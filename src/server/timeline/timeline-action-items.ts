import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '../../../db/client.ts';
import { timelineActionItems } from '../../../db/schema/index.ts';
import type { Policy } from '../../policy/index.ts';
import type { Actor, Viewer } from '../auth/viewer.ts';
import { mayBeAsked, type TeamFacts } from '../clients/team-rules.ts';
import { type Person, type PlannedTask, taskRequestWrites } from '../tasks/task-request-writes.ts';
import { checkTaskRequest, requestingRole } from '../tasks/task-rules.ts';
import type { ActionItemInput } from './timeline-entry-input.ts';

type ActionRules = Pick<Policy, 'taskRouting' | 'roles'> & {
  agency: Pick<Policy['agency'], 'timeZone'>;
};

/** Why an action item was not opened as a task request (the minutes page explains each). */
export type ActionItemRefusal =
  | 'routing'
  | 'lead_time'
  | 'not_on_team'
  | 'no_partner_role'
  | 'no_assignee';

/**
 * Each action item through the task form's own rules — the routing matrix for the author's
 * role (the author asks), the minimum lead time, someone on the team to ask — either as a
 * task request opened in the minutes' batch, or kept with the refusal's code.
 */
export function planActionItems(
  db: Database,
  rules: ActionRules,
  minutes: {
    entryId: string;
    title: string;
    firstPosition: number;
    items: readonly ActionItemInput[];
    facts: TeamFacts & { client: PlannedTask['client'] };
    people: ReadonlyMap<string, Person>;
    author: Viewer & { name: string };
    actor: Actor;
    origin: string;
  },
  now: Date,
): { writes: BatchItem<'sqlite'>[]; refused: number } {
  const writes: BatchItem<'sqlite'>[] = [];
  let refused = 0;
  for (const [i, item] of minutes.items.entries()) {
    const planned = planOne(rules, minutes, item, now);
    const taskId = planned.ok ? crypto.randomUUID() : null;
    if (planned.ok && taskId) {
      writes.push(
        ...taskRequestWrites(
          db,
          rules,
          {
            id: taskId,
            client: minutes.facts.client,
            from: planned.from,
            to: item.role,
            assignee: planned.assignee,
            what: item.what,
            why: minutes.title,
            dueOn: item.dueOn,
            requester: minutes.author,
            actor: minutes.actor,
            origin: minutes.origin,
          },
          now,
        ),
      );
    } else refused += 1;
    writes.push(
      db.insert(timelineActionItems).values({
        id: crypto.randomUUID(),
        entryId: minutes.entryId,
        position: minutes.firstPosition + i,
        what: item.what,
        assigneeRole: item.role,
        assigneeId: item.assigneeId,
        dueOn: item.dueOn,
        taskRequestId: taskId,
        refusal: planned.ok ? null : planned.refusal,
        createdAt: now,
      }),
    );
  }
  return { writes, refused };
}

function planOne(
  rules: ActionRules,
  minutes: Parameters<typeof planActionItems>[2],
  item: ActionItemInput,
  now: Date,
) {
  const refuse = (refusal: ActionItemRefusal) => ({ ok: false, refusal }) as const;
  const from = requestingRole(minutes.author.roles, item.role, rules);
  // Staff (finance, admin) hold no role of the routing matrix: they ask no one.
  if (!from) return refuse('no_partner_role');
  const problem = checkTaskRequest({ from, to: item.role, dueOn: item.dueOn }, rules, now);
  if (problem) return refuse(problem.error);
  const { facts } = minutes;
  const assigneeId = item.assigneeId ?? (item.role === 'cs' ? facts.client.csUserId : null);
  if (!mayBeAsked(facts, item.role, assigneeId)) return refuse('not_on_team');
  const assignee = assigneeId ? minutes.people.get(assigneeId) : null;
  if (assigneeId && !assignee) return refuse('no_assignee');
  return { ok: true, from, assignee: assignee ?? null } as const;
}
