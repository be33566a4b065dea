import { and, gte, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { clients, timelineEntries } from '../../../db/schema/index.ts';
import { OUTER_CLIENT_ID } from '../clients/team-membership.ts';
import { monthBounds } from './report-deadline-rules.ts';

/**
 * Whether the client of the outer query has published a month's report: a client-visible
 * monthly report of that period on its timeline (an internal one does not count: the client
 * never saw it). One lookup on timeline_entries_report_idx.
 */
export function reportPublished(month: string) {
  return sql<boolean>`exists (select 1 from ${timelineEntries} where ${timelineEntries.clientId} = ${OUTER_CLIENT_ID} and ${timelineEntries.kind} = 'monthly_report' and ${timelineEntries.period} = ${month} and ${timelineEntries.visibility} = 'client')`.mapWith(
    Boolean,
  );
}

/** Whether the client of the outer query owes a month's report (owesReport, in SQL). */
export function reportOwed(month: string): SQL {
  const { firstDay, lastDay } = monthBounds(month);
  return and(
    lte(clients.serviceStartsOn, firstDay),
    or(isNull(clients.serviceEndsOn), gte(clients.serviceEndsOn, lastDay)),
  ) as SQL;
}

/** The clients that owe a month's report and have not published it. */
export function reportStillOwed(month: string): SQL {
  return and(reportOwed(month), sql`not ${reportPublished(month)}`) as SQL;
}
