import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { RowsOf } from '../../../db/batch-rows.ts';
import type { Database } from '../../../db/client.ts';
import { prebuiltRead } from '../../../db/prebuilt-read.ts';
import { clients } from '../../../db/schema/index.ts';
import { addDaysToIsoDate, isoDateInZone, zonedTimeToInstant } from '../../policy/index.ts';
import type { Viewer } from '../auth/viewer.ts';
import { seenClients } from '../clients/team-membership.ts';
import {
  type Deadline,
  type DeadlinePolicy,
  deadlineUrgency,
  urgencyRulesOf,
} from '../deadlines/deadline-rules.ts';
import { pipelineRulesKey } from '../deadlines/pipeline-rules-key.ts';
import {
  isStale,
  pipelineDueColumns,
  pipelineNextOf,
  soonestOpenChange,
  withChangeDue,
} from '../deadlines/stored-deadline.ts';
import { HOME_ITEMS } from './finance-today.ts';

// The soonest open change request of the client, due by the change turnaround.
const CHANGE_DUE = soonestOpenChange();

/** The first instant of tomorrow in the agency's time zone: anything due before it is overdue or due today. */
const startOfTomorrow = (now: Date, timeZone: string) =>
  zonedTimeToInstant(addDaysToIsoDate(isoDateInZone(now, timeZone), 1), '00:00', timeZone);

/**
 * The reads, for the home's batch, of the clients the viewer sees whose next deadline is
 * overdue or due today (before tomorrow, agency time): from the stored deadlines, the count
 * and the first few in SQL; and every client whose stored deadline is stale (none once the
 * refresh job has run), to be computed from its stages. The clients are found through the
 * viewer's own (an index), never the agency's others.
 */
export function readDeadlinesDueToday(
  db: Database,
  viewer: Viewer,
  rules: DeadlinePolicy,
  now: Date,
) {
  // Printed once per policy and set of roles (what the statements' fixed values depend on),
  // the person and the instant as placeholders (see prebuiltRead).
  const key = `${pipelineRulesKey(rules)} ${[...viewer.roles].sort().join(',')}`;
  const reads = dueTodayReads.get(key) ?? dueTodayReadsOf(viewer.roles, rules);
  dueTodayReads.set(key, reads);
  const values = {
    person: viewer.id,
    before: startOfTomorrow(now, rules.agency.timeZone).getTime(),
  };
  return [reads.stored(db, values), reads.stale(db, values)] as const;
}

const dueTodayReads = new Map<string, ReturnType<typeof dueTodayReadsOf>>();

/** readDeadlinesDueToday's two statements for one set of roles and one policy. */
function dueTodayReadsOf(roles: Viewer['roles'], rules: DeadlinePolicy) {
  // seenClients writes the person's id into its SQL: the placeholder goes there as is.
  const anyone = { id: sql.placeholder('person') as unknown as string, roles };
  const before = sql.placeholder('before');
  const seen = (also: SQL | undefined) => and(seenClients(anyone), also);
  return {
    stored: prebuiltRead((db) => {
      // The viewer's clients with a fresh stored deadline, each with its soonest change
      // request read once (a subquery of its own, which SQLite keeps apart from the outer
      // query's window: written inline, the change subquery ran again in each place the
      // outer query uses it).
      const theirs = db
        .select({
          clientId: sql<string>`${clients.id}`.as('client_id'),
          clientName: sql<string>`${clients.name}`.as('client_name'),
          pipelineDue: sql<number | null>`${clients.pipelineDueAt}`.as('pipeline_due'),
          pipelineKind: sql<Deadline['kind'] | null>`${clients.pipelineDueKind}`.as(
            'pipeline_kind',
          ),
          changeDue: sql<number | null>`${CHANGE_DUE}`.as('change_due'),
        })
        .from(clients)
        .where(seen(eq(clients.pipelineRulesKey, pipelineRulesKey(rules))))
        .as('theirs');
      // The stored pipeline deadline comes first unless a change request is due strictly
      // sooner (as withChangeDue decides for a row computed in JS).
      const pipelineFirst = sql`(${theirs.changeDue} is null or (${theirs.pipelineDue} is not null and ${theirs.pipelineDue} <= ${theirs.changeDue}))`;
      const nextDue = sql<number>`case when ${pipelineFirst} then ${theirs.pipelineDue} else ${theirs.changeDue} end`;
      return db
        .select({
          clientId: theirs.clientId,
          clientName: theirs.clientName,
          dueAt: nextDue.mapWith(Number),
          kind: sql<
            Deadline['kind']
          >`case when ${pipelineFirst} then ${theirs.pipelineKind} else 'change' end`,
          matched: sql<number>`count(*) over ()`.mapWith(Number),
        })
        .from(theirs)
        .where(sql`${theirs.pipelineDue} < ${before} or ${theirs.changeDue} < ${before}`)
        .orderBy(nextDue, sql`${theirs.clientName}`)
        .limit(HOME_ITEMS);
    }),
    stale: prebuiltRead((db) =>
      db
        .select({
          clientId: clients.id,
          clientName: clients.name,
          serviceEndsOn: clients.serviceEndsOn,
          ...pipelineDueColumns(rules),
          changeDue: CHANGE_DUE,
        })
        .from(clients)
        .where(seen(isStale(rules))),
    ),
  };
}

// Names in SQLite's own order (by code point), as the clients list orders them.
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The clients whose next deadline is overdue or due later today (agency time), most overdue
 * first: how many, and the first few with their deadline.
 */
export function deadlinesDueTodayFrom(
  [stored, stale]: RowsOf<ReturnType<typeof readDeadlinesDueToday>>,
  rules: DeadlinePolicy,
  now: Date,
) {
  const urgencyOf = (dueAt: Date) => deadlineUrgency(dueAt, now, urgencyRulesOf(rules));
  const computed = stale.flatMap(({ clientId, clientName, changeDue, ...row }) => {
    const next = withChangeDue(pipelineNextOf(row, rules), changeDue);
    return next ? [{ clientId, clientName, kind: next.kind, dueAt: next.dueAt }] : [];
  });
  const pressing = computed.filter(
    ({ dueAt }) => urgencyOf(dueAt) !== 'soon' && urgencyOf(dueAt) !== 'later',
  );
  const items = [
    ...stored.map(({ matched: _, dueAt, ...row }) => ({ ...row, dueAt: new Date(dueAt) })),
    ...pressing,
  ]
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || byName(a.clientName, b.clientName))
    .slice(0, HOME_ITEMS)
    .map((item) => ({ ...item, urgency: urgencyOf(item.dueAt) as 'overdue' | 'today' }));
  return { count: (stored[0]?.matched ?? 0) + pressing.length, items };
}
