import { and, asc, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import {
  type CostMetric,
  campaignImports,
  clientCostNorms,
  clients,
  costBreachAcknowledgements,
  type NormPlacement,
} from '../../../db/schema/index.ts';
import type { Policy } from '../../policy/index.ts';
import {
  type DayValue,
  figuresFromJson,
  figuresJson,
  isRunningSql,
  jsonRows,
  servedOn,
} from './cost-check-figures.ts';
import {
  breachKeyOf,
  type CheckFindings,
  type CostCheckPolicy,
  type DailyCheck,
  daysWithoutFigures,
} from './cost-check-rules.ts';
import { type Breach, findBreaches, normLookup } from './cost-rules.ts';

// The outer client's id, spelled out: the subqueries below have tables of their own.
const CLIENT = sql.raw('"clients"."id"');

/**
 * One statement that tells where each client's check stands: the active clients (the service
 * has begun and not ended) running campaigns (see isRunningSql), each with
 * the check days' figures, its own norms, the acknowledgements and the imports of those days
 * as JSON lists — every subquery an index range of the client's rows, so the cost follows the
 * clients asked about. `which` narrows the clients (a person's), none for all.
 */
export function readCheckStatuses(
  db: Database,
  check: DailyCheck,
  rules: CostCheckPolicy,
  which?: SQL,
) {
  return selectCheckStatuses(
    db,
    checkDaysOf(check),
    rules.campaignChecks.runningIfSpentWithinDays,
    which,
  );
}

/** The days a check's statement reads: its figures' first and last, and the check's own. */
export function checkDaysOf(check: DailyCheck) {
  return {
    first: check.figureDays[0] ?? check.checkDay,
    last: check.figureDays.at(-1) ?? check.checkDay,
    checkDay: check.checkDay,
  };
}

/**
 * readCheckStatuses' select, its days values or placeholders (the home prints it once), and
 * the policy's running window (runningIfSpentWithinDays: see isRunningSql).
 */
export function selectCheckStatuses(
  db: Database,
  { first, last, checkDay }: { first: DayValue; last: DayValue; checkDay: DayValue },
  runningWithinDays: number,
  which?: SQL,
) {
  return db
    .select({
      id: clients.id,
      name: clients.name,
      csUserId: clients.csUserId,
      figures: figuresJson(CLIENT, first, last).as('figures'),
      norms:
        sql<string>`(select json_group_array(json_array(n.metric, n.placement, n.currency, n.max_minor_units)) from ${clientCostNorms} n where n.client_id = ${CLIENT})`.as(
          'norms',
        ),
      acknowledged:
        sql<string>`(select json_group_array(json_array(a.day, a.campaign_name, a.placement, a.metric)) from ${costBreachAcknowledgements} a where a.client_id = ${CLIENT} and a.day between ${first} and ${last})`.as(
          'acknowledged',
        ),
      imports:
        sql<string>`(select json_group_array(json_array(i.first_day, i.last_day)) from ${campaignImports} i where i.client_id = ${CLIENT} and i.last_day >= ${first} and i.first_day <= ${last})`.as(
          'imports',
        ),
    })
    .from(clients)
    .where(and(which, servedOn(checkDay), isRunningSql(CLIENT, last, runningWithinDays)))
    .orderBy(asc(clients.name));
}

export type CheckStatusRow = Awaited<ReturnType<typeof readCheckStatuses>>[number];

/** What a status row says: the days without figures and the breaches left to acknowledge. */
export function checkFindingsOf(
  row: CheckStatusRow,
  check: DailyCheck,
  rules: Pick<Policy, 'costNorms'>,
): CheckFindings {
  const { missingDays, unacknowledged } = checkFindingsWithBreachesOf(row, check, rules);
  return { missingDays, unacknowledged };
}

/** The same, with the breaches left themselves (the home names the first of them). */
export function checkFindingsWithBreachesOf(
  row: CheckStatusRow,
  check: DailyCheck,
  rules: Pick<Policy, 'costNorms'>,
): CheckFindingsWithBreaches {
  const figures = figuresFromJson(row.figures);
  const norms = jsonRows(row.norms).map((n) => ({
    metric: n[0] as CostMetric,
    placement: n[1] as NormPlacement,
    currency: String(n[2]),
    maxMinorUnits: Number(n[3]),
  }));
  const acknowledged = new Set(
    jsonRows(row.acknowledged).map(([day, campaignName, placement, metric]) =>
      breachKeyOf({
        day: String(day),
        campaignName: String(campaignName),
        placement: String(placement),
        metric: String(metric),
      }),
    ),
  );
  const imports = jsonRows(row.imports).map(([firstDay, lastDay]) => ({
    firstDay: String(firstDay),
    lastDay: String(lastDay),
  }));
  const lookup = normLookup(norms, rules.costNorms);
  const breaches = check.figureDays.flatMap((day) => findBreaches(figures, lookup, day));
  const left = breaches.filter((breach) => !acknowledged.has(breachKeyOf(breach)));
  return {
    missingDays: daysWithoutFigures(check.figureDays, imports),
    unacknowledged: left.length,
    left,
  };
}

/** What a status row says, with the breaches left themselves (the home lists the first). */
export type CheckFindingsWithBreaches = CheckFindings & { left: Breach[] };
