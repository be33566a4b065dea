import { eq, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import {
  changeRequests,
  clientMilestones,
  clientRenewals,
  clients,
} from '../../../db/schema/index.ts';
import { isCarriedRenewal } from '../renewals/renewal-rules.ts';
import {
  type Deadline,
  type DeadlinePolicy,
  type Milestones,
  nextDeadline,
  PIPELINE_STAGES,
  type PipelineStage,
  pipelineDeadlines,
} from './deadline-rules.ts';
import { pipelineRulesKey } from './pipeline-rules-key.ts';

// The outer client's id, spelled out: in a one-table query drizzle leaves columns
// unqualified, and a bare "id" inside a subquery would mean the subquery's own table.
const CLIENT_ID = sql.raw('"clients"."id"');
// The outer client's service end, spelled out too: client_renewals has a column of that name.
const CLIENT_ENDS_ON = sql.raw('"clients"."service_ends_on"');
const STAGE_LIST = sql.join(
  PIPELINE_STAGES.map((stage) => sql`${stage}`),
  sql`, `,
);

const isStage = (kind: string): kind is PipelineStage =>
  (PIPELINE_STAGES as readonly string[]).includes(kind);

/**
 * A client's stages folded into one text by SQL ("paid=1767225600000,…", and "renewed=…" for
 * its current service's renewal) as a stage → time map.
 */
export function unfoldStages(folded: string | null): Milestones {
  const milestones: Milestones = {};
  for (const pair of (folded ?? '').split(',').filter(Boolean)) {
    const [kind = '', at = '0'] = pair.split('=');
    if (isStage(kind) || kind === 'renewed') milestones[kind] = new Date(Number(at));
  }
  return milestones;
}

/** Milestone rows as a stage → time map (a renewal is not among them: withCurrentRenewal). */
export function milestonesOf(rows: { kind: string; occurredAt: Date }[]): Milestones {
  const milestones: Milestones = {};
  for (const row of rows) if (isStage(row.kind)) milestones[row.kind] = row.occurredAt;
  return milestones;
}

/**
 * The milestones with `renewed` when the service ending on `serviceEndsOn` was renewed: a
 * renewal carried over from the old one-per-client stage for that end (isCarriedRenewal; a
 * recorded renewal moves the end, and an end edited back to a renewed one is a service not
 * renewed yet), without it otherwise.
 */
export function withCurrentRenewal(
  milestones: Milestones,
  renewals: readonly { serviceEndsOn: string; renewedUntil: string; renewedAt: Date }[],
  serviceEndsOn: string | null,
): Milestones {
  const { renewed: _, ...stages } = milestones;
  const current =
    serviceEndsOn && renewals.find((r) => r.serviceEndsOn === serviceEndsOn && isCarriedRenewal(r));
  return current ? { ...stages, renewed: current.renewedAt } : stages;
}

/** The read of a client's stages a writer computes its next deadline from (milestonesOf). */
export const readStagesOf = (db: Database, clientId: string) =>
  db
    .select({ kind: clientMilestones.kind, occurredAt: clientMilestones.occurredAt })
    .from(clientMilestones)
    .where(eq(clientMilestones.clientId, clientId));

/** The read of a client's renewals (by its key's first column) for withCurrentRenewal. */
export const readRenewalEndsOf = (db: Database, clientId: string) =>
  db
    .select({
      serviceEndsOn: clientRenewals.serviceEndsOn,
      renewedUntil: clientRenewals.renewedUntil,
      renewedAt: clientRenewals.renewedAt,
    })
    .from(clientRenewals)
    .where(eq(clientRenewals.clientId, clientId));

// SQL: the client's stages as (kind, at) rows, its current service's renewal as `renewed`
// (found by the renewals' key; carried over, as withCurrentRenewal). The client's end is the
// outer row's, or given.
const stageRows = (clientId: SQL, endsOn: SQL) =>
  sql`select m.kind as kind, m.occurred_at as at from ${clientMilestones} m where m.client_id = ${clientId} and m.kind <> 'renewed' union all select 'renewed', r.renewed_at from ${clientRenewals} r where r.client_id = ${clientId} and r.service_ends_on = ${endsOn} and r.renewed_until = r.service_ends_on`;

/** SQL: the client's stages and current renewal, folded into one text (unfoldStages reads it). */
export const foldedStages = (clientId: SQL = CLIENT_ID) =>
  sql<
    string | null
  >`(select group_concat(s.kind || '=' || s.at) from (${stageRows(clientId, CLIENT_ENDS_ON)}) s)`;

/** SQL over the clients table: the due time of the client's soonest open change request, or null. */
export const soonestOpenChange = () =>
  sql<
    number | null
  >`(select min(cr.due_at) from ${changeRequests} cr where cr.client_id = ${CLIENT_ID} and cr.done_at is null)`;

/** The columns a client's next pipeline deadline is kept in, from its stages and service end. */
export function pipelineDueOf(
  milestones: Milestones,
  serviceEndsOn: string | null,
  rules: DeadlinePolicy,
) {
  const next = nextDeadline(pipelineDeadlines(milestones, serviceEndsOn, rules));
  return {
    pipelineDueAt: next?.dueAt ?? null,
    pipelineDueKind: next?.kind ?? null,
    pipelineRulesKey: pipelineRulesKey(rules),
  };
}

// What the stored deadline was computed from, as SQL sees it and as the writer saw it: how
// many stages (the current renewal among them) and the sum of their times. A stage or a
// renewal written by someone else in between changes it.
const stagesFingerprintSql = (clientId: string) =>
  sql`(select count(*) || ':' || coalesce(sum(s.at), 0) from (${stageRows(sql`${clientId}`, CLIENT_ENDS_ON)}) s where s.kind in (${STAGE_LIST}, 'renewed'))`;
const stagesFingerprint = (milestones: Milestones) => {
  const times = Object.values(milestones).map((at) => at.getTime());
  return `${times.length}:${times.reduce((sum, at) => sum + at, 0)}`;
};

/**
 * The writes that keep a client's next pipeline deadline, for the batch of the write that
 * changed it: the value computed from `milestones` and `serviceEndsOn` as they are once the
 * batch's earlier writes have run, stored only if the database agrees (same stages, same
 * service end); otherwise the row is marked stale, and readers compute it until the refresh
 * job stores it again. Never a wrong value, even when two people write at once.
 */
export function keepPipelineDue(
  db: Database,
  client: { id: string; serviceEndsOn: string | null },
  milestones: Milestones,
  rules: DeadlinePolicy,
) {
  const same = sql`${stagesFingerprintSql(client.id)} = ${stagesFingerprint(milestones)} and ${clients.serviceEndsOn} is ${client.serviceEndsOn}`;
  return [
    db
      .update(clients)
      .set(pipelineDueOf(milestones, client.serviceEndsOn, rules))
      .where(sql`${clients.id} = ${client.id} and ${same}`),
    db
      .update(clients)
      .set({ pipelineRulesKey: null })
      .where(sql`${clients.id} = ${client.id} and not (${same})`),
  ] as const;
}

/** The write that marks a client's stored deadline stale (for a writer that does not compute it). */
export const stalePipelineDue = (db: Database, clientId: string) =>
  db.update(clients).set({ pipelineRulesKey: null }).where(eq(clients.id, clientId));

/**
 * Columns for a read of clients: the stored deadline, whether it is fresh, and the stages
 * folded only for a stale row (a fresh row's are never read).
 */
export function pipelineDueColumns(rules: DeadlinePolicy) {
  const key = pipelineRulesKey(rules);
  return {
    pipelineDueAt: clients.pipelineDueAt,
    pipelineDueKind: clients.pipelineDueKind,
    staleStages: sql<
      string | null
    >`case when ${clients.pipelineRulesKey} = ${key} then null else coalesce(${foldedStages()}, '') end`,
  };
}

/** SQL: the client's stored deadline was computed with another policy (or never). */
export const isStale = (rules: DeadlinePolicy) =>
  or(isNull(clients.pipelineRulesKey), ne(clients.pipelineRulesKey, pipelineRulesKey(rules)));

/**
 * A client's next open pipeline deadline from a read with pipelineDueColumns: the stored one,
 * or computed from its stages when the row is stale.
 */
export function pipelineNextOf(
  row: {
    pipelineDueAt: Date | null;
    pipelineDueKind: string | null;
    staleStages: string | null;
    serviceEndsOn: string | null;
  },
  rules: DeadlinePolicy,
): Deadline | null {
  if (row.staleStages !== null)
    return nextDeadline(pipelineDeadlines(unfoldStages(row.staleStages), row.serviceEndsOn, rules));
  if (!row.pipelineDueAt || !row.pipelineDueKind) return null;
  return { kind: row.pipelineDueKind as Deadline['kind'], dueAt: row.pipelineDueAt, done: false };
}

/** The nearer of a pipeline deadline and the soonest open change request (due time in ms); the stage on a tie. */
export function withChangeDue(
  pipeline: Deadline | null,
  changeDue: number | null,
): Deadline | null {
  if (changeDue === null || (pipeline && pipeline.dueAt.getTime() <= changeDue)) return pipeline;
  return { kind: 'change', dueAt: new Date(changeDue), done: false };
}
