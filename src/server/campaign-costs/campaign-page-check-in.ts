import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { campaignDayMetrics, clientMilestones } from '../../../db/schema/index.ts';
import { addDaysToIsoDate, isoDateInZone, type Policy } from '../../policy/index.ts';

type CheckInPolicy = Pick<Policy, 'newClientDeadlines'> & {
  agency: Pick<Policy['agency'], 'timeZone'>;
};

/**
 * The read behind the 7-day check-in's figures: each campaign's totals per day from the day
 * before the launch (in UTC, a day's margin for the agency's time zone) to the check-in. The
 * launch is read in the same statement, so the client page keeps its one round trip; a client
 * not launched gets no rows.
 */
export function readFiguresSinceLaunch(db: Database, clientId: string, rules: CheckInPolicy) {
  const launchedAt = sql`(select m.occurred_at / 1000 from ${clientMilestones} m where m.client_id = ${clientId} and m.kind = 'launched')`;
  const days = rules.newClientDeadlines.checkInDaysAfterLaunch;
  return db
    .select({
      day: campaignDayMetrics.day,
      campaignName: campaignDayMetrics.campaignName,
      currency: campaignDayMetrics.currency,
      spend: sql<number>`sum(${campaignDayMetrics.spendMinorUnits})`.mapWith(Number),
      impressions: sql<number>`sum(${campaignDayMetrics.impressions})`.mapWith(Number),
      clicks: sql<number>`sum(${campaignDayMetrics.linkClicks})`.mapWith(Number),
      leads:
        sql<number>`sum(case when ${campaignDayMetrics.resultsAreLeads} then ${campaignDayMetrics.results} else 0 end)`.mapWith(
          Number,
        ),
    })
    .from(campaignDayMetrics)
    .where(
      and(
        eq(campaignDayMetrics.clientId, clientId),
        sql`${campaignDayMetrics.day} between date(${launchedAt}, 'unixepoch', '-1 day') and date(${launchedAt}, 'unixepoch', ${`+${days + 1} days`})`,
      ),
    )
    .groupBy(campaignDayMetrics.day, campaignDayMetrics.campaignName, campaignDayMetrics.currency);
}

type DayTotals = Awaited<ReturnType<typeof readFiguresSinceLaunch>>[number];

/**
 * Each campaign's figures from the launch day (agency time) to the check-in day, both
 * included; null when the client has not launched.
 */
export function figuresSinceLaunchFrom(
  rows: readonly DayTotals[],
  launchedAt: Date | undefined,
  rules: CheckInPolicy,
) {
  if (!launchedAt) return null;
  const launchDay = isoDateInZone(launchedAt, rules.agency.timeZone);
  const checkInDay = addDaysToIsoDate(launchDay, rules.newClientDeadlines.checkInDaysAfterLaunch);
  const campaigns = new Map<string, Omit<DayTotals, 'day'>>();
  for (const row of rows) {
    if (row.day < launchDay || row.day > checkInDay) continue;
    const key = `${row.campaignName}\u0000${row.currency}`;
    const sum = campaigns.get(key);
    if (!sum) {
      const { day: _day, ...totals } = row;
      campaigns.set(key, totals);
      continue;
    }
    sum.spend += row.spend;
    sum.impressions += row.impressions;
    sum.clicks += row.clicks;
    sum.leads += row.leads;
  }
  return {
    launchDay,
    checkInDay,
    campaigns: [...campaigns.values()].sort((a, b) => a.campaignName.localeCompare(b.campaignName)),
  };
}

export type FiguresSinceLaunch = NonNullable<ReturnType<typeof figuresSinceLaunchFrom>>;
