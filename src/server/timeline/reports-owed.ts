import { and, gte, isNull, lte, or, type Placeholder, type SQL, sql } from 'drizzle-orm';
import { clients, timelineEntries } from '../../../db/schema/index.ts';
import { OUTER_CLIENT_ID } from '../clients/team-membership.ts';
import { monthBounds } from './report-deadline-rules.ts';

/** A month (YYYY-MM) or its days (YYYY-MM-DD), as a value or a prebuilt read's placeholder. */
type MonthValue = string | Placeholder;

/**
 * Whether the client of the outer query has published a month's report: a client-visible
 * monthly report of that period on its timeline (an internal one does not count: the client
 * never saw it). One lookup on timeline_entries_report_idx.
 */
export function reportPublished(month: MonthValue) {
  return sql<boolean>`exists (select 1 from ${timelineEntries} where ${timelineEntries.clientId} = ${OUTER_CLIENT_ID} and ${timelineEntries.kind} = 'monthly_report' and ${timelineEntries.period} = ${month} and ${timelineEntries.visibility} = 'client')`.mapWith(
    Boolean,
  );
}

/**
 * Whether the client of the outer query owes the report of the month from `firstDay` to
 * `lastDay` (owesReport, in SQL): served from the month's first day through its last.
 */
function reportOwedOver(firstDay: MonthValue, lastDay: MonthValue): SQL {
  return and(
    lte(clients.serviceStartsOn, firstDay),
    or(isNull(clients.serviceEndsOn), gte(clients.serviceEndsOn, lastDay)),
  ) as SQL;
}

/** Whether the client of the outer query owes a month's report (owesReport, in SQL). */
export function reportOwed(month: string): SQL {
  const { firstDay, lastDay } = monthBounds(month);
  return reportOwedOver(firstDay, lastDay);
}

/**
 * The clients that owe a month's report and have not published it; the month and its days as
 * values, or as placeholders for a read printed once (the CS's home).
 */
export function reportStillOwed(
  month: MonthValue,
  days: { firstDay: MonthValue; lastDay: MonthValue } = monthBounds(month as string),
): SQL {
  return and(
    reportOwedOver(days.firstDay, days.lastDay),
    sql`not ${reportPublished(month)}`,
  ) as SQL;
}
