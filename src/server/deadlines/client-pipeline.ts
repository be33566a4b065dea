import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { changeRequests, clientMilestones, clients } from '../../../db/schema/index.ts';
import { recordEvent } from '../audit/record-event.ts';
import type { Actor, Viewer } from '../auth/viewer.ts';
import { getClientFor } from '../clients/clients.ts';
import { seenClients } from '../clients/team-membership.ts';
import {
  type DeadlinePolicy,
  type Milestones,
  nextDeadline,
  PIPELINE_STAGES,
  type PipelineStage,
  pipelineDeadlines,
} from './deadline-rules.ts';

// The outer client's id, spelled out: in a one-table query drizzle leaves columns
// unqualified, and a bare "id" inside a subquery would mean the subquery's own table.
const CLIENT_ID = sql.raw('"clients"."id"');

const isStage = (kind: string): kind is PipelineStage =>
  (PIPELINE_STAGES as readonly string[]).includes(kind);

/** Milestone rows as a stage → time map. */
function toMilestones(rows: { kind: string; occurredAt: Date }[]): Milestones {
  const milestones: Milestones = {};
  for (const row of rows) if (isStage(row.kind)) milestones[row.kind] = row.occurredAt;
  return milestones;
}

/** A client's recorded stages, with who recorded each. */
export function listClientStages(db: Database, clientId: string) {
  return db
    .select()
    .from(clientMilestones)
    .where(eq(clientMilestones.clientId, clientId))
    .orderBy(asc(clientMilestones.occurredAt));
}

/**
 * Records that a client reached a stage, once: the first record stands (a second click or
 * a second person changes nothing). Only the client's CS or an admin may.
 */
export async function recordStage(
  db: Database,
  record: { clientId: string; stage: PipelineStage; actor: Actor; viewer: Viewer },
  now: Date,
): Promise<{ ok: true; recorded: boolean } | { ok: false; error: 'not_found' }> {
  if (!(await getClientFor(db, record.viewer, record.clientId)))
    return { ok: false, error: 'not_found' };
  const [inserted] = await db.batch([
    db
      .insert(clientMilestones)
      .values({
        clientId: record.clientId,
        kind: record.stage,
        occurredAt: now,
        recordedBy: record.actor.id,
      })
      .onConflictDoNothing()
      .returning({ kind: clientMilestones.kind }),
    recordEvent(
      db,
      {
        actorId: record.actor.id,
        action: 'stage_recorded',
        subjectType: 'client',
        subjectId: record.clientId,
        ip: record.actor.ip,
        data: { stage: record.stage },
      },
      now,
    ),
  ]);
  return { ok: true, recorded: inserted.length > 0 };
}

/**
 * The client list: each client the viewer sees (in charge, on its team, or admin) with its
 * next deadline (a pipeline stage or an open change request), the overdue first, then the
 * nearest; clients with nothing due last. One query for any number of clients.
 */
export async function listClientDeadlines(
  db: Database,
  viewer: Viewer,
  rules: Parameters<typeof pipelineDeadlines>[2],
) {
  // One query: each client with its stages folded into one text ("paid=1767225600000,…"),
  // so 200 clients are 200 rows, not one row per stage.
  const stages = sql<
    string | null
  >`(select group_concat(m.kind || '=' || m.occurred_at) from ${clientMilestones} m where m.client_id = ${CLIENT_ID})`;
  // The soonest open change request, due by the change turnaround.
  const changeDue = sql<
    number | null
  >`(select min(cr.due_at) from ${changeRequests} cr where cr.client_id = ${CLIENT_ID} and cr.done_at is null)`;
  const query = db
    .select({
      id: clients.id,
      name: clients.name,
      segment: clients.segment,
      serviceStartsOn: clients.serviceStartsOn,
      serviceEndsOn: clients.serviceEndsOn,
      stages,
      changeDue,
    })
    .from(clients);
  const list = await query.where(seenClients(viewer)).orderBy(asc(clients.name));
  const milestonesOf = (folded: string | null) =>
    toMilestones(
      (folded ?? '')
        .split(',')
        .filter(Boolean)
        .map((pair) => {
          const [kind = '', at = '0'] = pair.split('=');
          return { kind, occurredAt: new Date(Number(at)) };
        }),
    );
  return list
    .map(({ stages: folded, changeDue: due, ...client }) => ({
      client,
      next: nextDeadline([
        ...pipelineDeadlines(milestonesOf(folded), client.serviceEndsOn, rules),
        ...(due === null ? [] : [{ kind: 'change' as const, dueAt: new Date(due), done: false }]),
      ]),
    }))
    .sort(
      (a, b) =>
        (a.next?.dueAt.getTime() ?? Number.POSITIVE_INFINITY) -
        (b.next?.dueAt.getTime() ?? Number.POSITIVE_INFINITY),
    );
}

/**
 * One client's pipeline from its recorded stages (listClientStages): each deadline, done or
 * not and overdue or not at `now`, the stages recorded, and those that may still be.
 */
export function clientPipelineOf(
  stages: Awaited<ReturnType<typeof listClientStages>>,
  serviceEndsOn: string | null,
  rules: DeadlinePolicy,
  now: Date,
) {
  const recorded = new Set(stages.map((s) => s.kind));
  return {
    stages,
    deadlines: pipelineDeadlines(toMilestones(stages), serviceEndsOn, rules).map((deadline) => ({
      ...deadline,
      overdue: !deadline.done && deadline.dueAt <= now,
    })),
    unrecorded: PIPELINE_STAGES.filter((stage) => !recorded.has(stage)),
  };
}
