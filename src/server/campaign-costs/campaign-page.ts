import { and, between, desc, eq, gte, lte, sql } from 'drizzle-orm';
import { aliased } from '../../../db/aliased.ts';
import type { Database } from '../../../db/client.ts';
import {
  campaignImports,
  clientCostNorms,
  clients,
  costBreachAcknowledgements,
  users,
} from '../../../db/schema/index.ts';
import { addDaysToIsoDate, isoDateInZone, type Policy } from '../../policy/index.ts';
import type { Viewer } from '../auth/viewer.ts';
import { costSeries } from './cost-chart-series.ts';
import { figuresFromJson, figuresJson, isRunningSql, servedOn } from './cost-check-figures.ts';
import {
  breachKeyOf,
  type CostCheckPolicy,
  checkStateOf,
  type DailyCheck,
  dailyCheckOn,
  daysWithoutFigures,
} from './cost-check-rules.ts';
import { campaignClientFor, readCampaignClient } from './cost-norms-access.ts';
import { type DayFigures, findBreaches, type NormLookup, normLookup } from './cost-rules.ts';

export type CampaignPagePolicy = CostCheckPolicy & Pick<Policy, 'costNorms'>;

/** The latest business day's check at or before `today` (a weekend shows Friday's). */
function latestCheck(today: string, rules: CostCheckPolicy): DailyCheck {
  for (let day = today; ; day = addDaysToIsoDate(day, -1)) {
    const check = dailyCheckOn(day, rules);
    if (check) return check;
  }
}

/** The calendar days from `first` to `last`, both included. */
function daysFrom(first: string, last: string): string[] {
  const days: string[] = [];
  for (let day = first; day <= last; day = addDaysToIsoDate(day, 1)) days.push(day);
  return days;
}

/**
 * The breaches of the check's days. Their days in a row need the earlier days, but only of
 * the campaigns and placements above a norm on a checked day: the rest of the month is left
 * out before the rules index it (a month of 20 campaigns is 1,200 rows, a breach's run 30).
 */
function breachesOfCheck(figures: DayFigures[], figureDays: string[], lookup: NormLookup) {
  const checked = figures.filter((row) => figureDays.includes(row.day));
  const above = new Set(
    figureDays.flatMap((day) =>
      findBreaches(checked, lookup, day).map((b) => `${b.campaignName}\u0000${b.placement}`),
    ),
  );
  if (above.size === 0) return [];
  const runs = figures.filter((row) => above.has(`${row.campaignName}\u0000${row.placement}`));
  return figureDays.flatMap((day) => findBreaches(runs, lookup, day));
}

/**
 * A client's campaigns page, in one round trip: the latest check (its days, whether each was
 * imported, the breaches with their acknowledgements) and the charts of the last days. The
 * figures are read once, for the charts' days, and serve the breaches' days in a row too.
 * Null (a 404) for anyone but the client's CS, its paid-traffic partner and admins.
 */
export async function loadCampaignPage(
  db: Database,
  viewer: Viewer,
  clientId: string,
  rules: CampaignPagePolicy,
  now: Date,
) {
  const check = latestCheck(isoDateInZone(now, rules.agency.timeZone), rules);
  const lastDay = addDaysToIsoDate(check.checkDay, -1);
  const chartFirst = addDaysToIsoDate(check.checkDay, -rules.campaignChecks.chartDays);
  const [firstFigureDay = lastDay] = check.figureDays;
  const readFrom = [chartFirst, firstFigureDay].sort()[0] ?? chartFirst;
  // Served on the check's day and running, by the same rule as the home and the notices.
  const running = sql<number>`(${servedOn(check.checkDay)}) and ${isRunningSql(clientId, lastDay, rules.campaignChecks.runningIfSpentWithinDays)}`;
  const [access, norms, figureRows, acknowledgements, imports, latestImport] = await db.batch([
    readCampaignClient(db, viewer, clientId),
    db.select().from(clientCostNorms).where(eq(clientCostNorms.clientId, clientId)),
    // The figures as one JSON value: 1,200 rows a month decode far faster so (cost-check-figures).
    db
      .select({
        figures: figuresJson(clientId, readFrom, lastDay).as('figures'),
        running: running.as('running'),
      })
      .from(clients)
      .where(eq(clients.id, clientId)),
    db
      .select({
        day: costBreachAcknowledgements.day,
        campaignName: costBreachAcknowledgements.campaignName,
        placement: costBreachAcknowledgements.placement,
        metric: costBreachAcknowledgements.metric,
        action: costBreachAcknowledgements.action,
        note: costBreachAcknowledgements.note,
        at: costBreachAcknowledgements.acknowledgedAt,
        byName: aliased(users.name, 'by_name'),
      })
      .from(costBreachAcknowledgements)
      .innerJoin(users, eq(users.id, costBreachAcknowledgements.acknowledgedBy))
      .where(
        and(
          eq(costBreachAcknowledgements.clientId, clientId),
          between(costBreachAcknowledgements.day, firstFigureDay, lastDay),
        ),
      ),
    db
      .select({ firstDay: campaignImports.firstDay, lastDay: campaignImports.lastDay })
      .from(campaignImports)
      .where(
        and(
          eq(campaignImports.clientId, clientId),
          gte(campaignImports.lastDay, firstFigureDay),
          lte(campaignImports.firstDay, lastDay),
        ),
      ),
    db
      .select({ lastDay: campaignImports.lastDay, importedAt: campaignImports.importedAt })
      .from(campaignImports)
      .where(eq(campaignImports.clientId, clientId))
      .orderBy(desc(campaignImports.lastDay))
      .limit(1),
  ]);
  const client = campaignClientFor(viewer, access);
  if (!client) return null;

  const figures = figuresFromJson(figureRows[0]?.figures);
  const lookup = normLookup(norms, rules.costNorms);
  const acknowledged = new Map(acknowledgements.map((ack) => [breachKeyOf(ack), ack]));
  const breaches = breachesOfCheck(figures, check.figureDays, lookup).map((breach) => ({
    ...breach,
    acknowledgement: acknowledged.get(breachKeyOf(breach)) ?? null,
  }));
  const missingDays = daysWithoutFigures(check.figureDays, imports);
  const findings = {
    missingDays,
    unacknowledged: breaches.filter((breach) => !breach.acknowledgement).length,
  };
  // The check's campaigns whose objective is not known: compared on nothing, and the page says so.
  const notCompared = [
    ...new Set(
      figures
        .filter((row) => row.objective === null && check.figureDays.includes(row.day))
        .map((row) => row.campaignName),
    ),
  ].sort();
  const isRunning = Boolean(figureRows[0]?.running);
  const chartDays = daysFrom(chartFirst, lastDay);
  return {
    client,
    check: {
      ...check,
      missingDays,
      isRunning,
      // A client with no running campaigns has nothing to check.
      state: isRunning ? checkStateOf(check, findings, now) : ('met' as const),
      isToday: check.checkDay === isoDateInZone(now, rules.agency.timeZone),
    },
    breaches,
    notCompared,
    series: costSeries(
      figures.filter((row) => row.day >= chartFirst),
      chartDays,
      lookup,
    ),
    latestImport: latestImport[0] ?? null,
  };
}

export type CampaignPage = NonNullable<Awaited<ReturnType<typeof loadCampaignPage>>>;
