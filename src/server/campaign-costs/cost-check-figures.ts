import { and, gte, isNull, lte, or, type Placeholder, type SQL, sql } from 'drizzle-orm';
import {
  type AdPlacement,
  type CampaignObjective,
  campaignDayMetrics,
  campaignImports,
  clients,
} from '../../../db/schema/index.ts';
import type { DayFigures } from './cost-rules.ts';

/** A day (YYYY-MM-DD), or a placeholder for it in a statement printed once (prebuiltRead). */
export type DayValue = string | Placeholder;

/**
 * SQL: a client's daily figures from `first` to `last` as one JSON list (one value, however
 * many rows). A month of 20 campaigns in two placements is 1,200 rows; sent as rows they cost
 * about ten times the CPU to decode that SQLite takes to build this text (see the README's
 * benchmark), and the page and the home need each of them only as numbers to compare.
 */
export function figuresJson(clientId: SQL | string, first: DayValue, last: DayValue) {
  return sql<string>`(select json_group_array(json_array(f.day, f.campaign_name, f.placement, f.currency, f.spend_minor_units, f.impressions, f.link_clicks, f.results, f.results_are_leads, f.objective)) from ${campaignDayMetrics} f where f.client_id = ${clientId} and f.day between ${first} and ${last})`;
}

/** SQL: the client (of the outer `clients` row) is served on `day`: begun and not ended. */
export function servedOn(day: DayValue): SQL {
  return and(
    or(isNull(clients.serviceStartsOn), lte(clients.serviceStartsOn, day)),
    or(isNull(clients.serviceEndsOn), gte(clients.serviceEndsOn, day)),
  ) as SQL;
}

/**
 * SQL: whether a client runs campaigns for a check whose last figure day is `last`: it spent
 * on one of the `withinDays` days ending at its latest imported day (at or before `last`). The
 * window follows the imports, not the calendar: a client whose imports stop stays running, so
 * the missing days keep being asked for, reminded and escalated; only imports that show
 * `withinDays` days without spend (a paused account) end it. Both reads are index ranges (the
 * imports' client and last day, the figures' client and day).
 */
export function isRunningSql(clientId: SQL | string, last: DayValue, withinDays: number) {
  const latest = sql`(select max(i.last_day) from ${campaignImports} i where i.client_id = ${clientId} and i.last_day <= ${last})`;
  const from = sql`date(${latest}, ${`-${withinDays - 1} days`})`;
  return sql<number>`exists (select 1 from ${campaignDayMetrics} r where r.client_id = ${clientId} and r.day between ${from} and ${last} and r.spend_minor_units > 0)`;
}

/** JSON text as a list of rows (a client without rows has "[]"). */
export const jsonRows = (text: unknown): unknown[][] =>
  JSON.parse(String(text ?? '[]')) as unknown[][];

/** The figures `figuresJson` sent, as the cost rules take them. */
export function figuresFromJson(text: unknown): DayFigures[] {
  return jsonRows(text).map((f) => ({
    day: String(f[0]),
    campaignName: String(f[1]),
    placement: f[2] as AdPlacement,
    currency: String(f[3]),
    spendMinorUnits: Number(f[4]),
    impressions: Number(f[5]),
    linkClicks: Number(f[6]),
    results: Number(f[7]),
    resultsAreLeads: Boolean(f[8]),
    objective: (f[9] ?? null) as CampaignObjective | null,
  }));
}
