import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { clientMilestones, clients } from '../../../db/schema/index.ts';
import { recordEvent } from '../audit/record-event.ts';
import type { Actor, Viewer } from '../auth/viewer.ts';
import { clientFor, readClientWithContacts } from '../clients/clients.ts';
import { seenClients } from '../clients/team-membership.ts';
import {
  openReportDeadline,
  type ReportDeadlinePolicy,
  reportDueAt,
} from '../timeline/report-deadline-rules.ts';
import { reportPublished } from '../timeline/reports-owed.ts';
import {
  type DeadlinePolicy,
  PIPELINE_STAGES,
  type PipelineStage,
  pipelineDeadlines,
} from './deadline-rules.ts';
import {
  keepPipelineDue,
  milestonesOf,
  pipelineDueColumns,
  pipelineNextOf,
  readRenewalEndsOf,
  soonestOpenChange,
  withChangeDue,
  withCurrentRenewal,
} from './stored-deadline.ts';

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
 * a second person changes nothing). Only the client's CS or an admin may. The client's
 * stored next deadline is kept in the same batch.
 */
export async function recordStage(
  db: Database,
  record: { clientId: string; stage: PipelineStage; actor: Actor; viewer: Viewer },
  rules: DeadlinePolicy,
  now: Date,
): Promise<{ ok: true; recorded: boolean } | { ok: false; error: 'not_found' }> {
  const [client, contacts, stages, renewals] = await db.batch([
    ...readClientWithContacts(db, record.clientId),
    listClientStages(db, record.clientId),
    readRenewalEndsOf(db, record.clientId),
  ]);
  const found = clientFor(record.viewer, [client, contacts]);
  if (!found) return { ok: false, error: 'not_found' };
  // What the stages will be once this one is written (the first record of a stage stands).
  const milestones = withCurrentRenewal(
    { [record.stage]: now, ...milestonesOf(stages) },
    renewals,
    found.client.serviceEndsOn,
  );
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
    ...keepPipelineDue(db, found.client, milestones, rules),
  ]);
  return { ok: true, recorded: inserted.length > 0 };
}

/**
 * The client list: each client the viewer sees (in charge, on its team, or admin) with its
 * next deadline (a pipeline stage or an open change request), the overdue first, then the
 * nearest; clients with nothing due last. One query for any number of clients: each
 * client's pipeline deadline is the stored one (computed from its stages only while stale).
 * Given last month (YYYY-MM), each client also carries its open monthly report deadline,
 * found by one lookup on the report index per client.
 */
export async function listClientDeadlines(
  db: Database,
  viewer: Viewer,
  rules: DeadlinePolicy & ReportDeadlinePolicy,
  reportMonth: string | null = null,
) {
  const list = await db
    .select({
      id: clients.id,
      name: clients.name,
      segment: clients.segment,
      serviceStartsOn: clients.serviceStartsOn,
      serviceEndsOn: clients.serviceEndsOn,
      ...pipelineDueColumns(rules),
      // The soonest open change request, due by the change turnaround.
      changeDue: soonestOpenChange(),
      reportPublished: reportMonth ? reportPublished(reportMonth) : sql<boolean>`1`,
    })
    .from(clients)
    .where(seenClients(viewer))
    .orderBy(asc(clients.name));
  // One due instant for every client: the month's, not one calendar walk per row.
  const reportDue = reportMonth ? reportDueAt(reportMonth, rules) : null;
  const soonest = (row: { next: { dueAt: Date } | null; report: { dueAt: Date } | null }) =>
    Math.min(
      row.next?.dueAt.getTime() ?? Number.POSITIVE_INFINITY,
      row.report?.dueAt.getTime() ?? Number.POSITIVE_INFINITY,
    );
  return list
    .map(({ pipelineDueAt, pipelineDueKind, staleStages, changeDue: due, ...row }) => {
      const { reportPublished: published, ...client } = row;
      return {
        client,
        next: withChangeDue(
          pipelineNextOf(
            { pipelineDueAt, pipelineDueKind, staleStages, serviceEndsOn: client.serviceEndsOn },
            rules,
          ),
          due,
        ),
        report:
          reportMonth && reportDue
            ? openReportDeadline(reportMonth, reportDue, {
                ...client,
                reportPublished: Boolean(published),
              })
            : null,
      };
    })
    .sort((a, b) => soonest(a) - soonest(b));
}

/**
 * One client's pipeline from its recorded stages (listClientStages) and its renewals (the
 * current service renewed or not): each deadline, done or not and overdue or not at `now`, the
 * stages recorded, and those that may still be.
 */
export function clientPipelineOf(
  stages: Awaited<ReturnType<typeof listClientStages>>,
  renewals: readonly { serviceEndsOn: string; renewedUntil: string; renewedAt: Date }[],
  serviceEndsOn: string | null,
  rules: DeadlinePolicy,
  now: Date,
) {
  const recorded = new Set(stages.map((s) => s.kind));
  const milestones = withCurrentRenewal(milestonesOf(stages), renewals, serviceEndsOn);
  return {
    stages: stages.filter((stage) => stage.kind !== 'renewed'),
    deadlines: pipelineDeadlines(milestones, serviceEndsOn, rules).map((deadline) => ({
      ...deadline,
      overdue: !deadline.done && deadline.dueAt <= now,
    })),
    unrecorded: PIPELINE_STAGES.filter((stage) => !recorded.has(stage)),
  };
}
