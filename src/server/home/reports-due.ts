import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { prebuiltRead } from '../../../db/prebuilt-read.ts';
import { clients } from '../../../db/schema/index.ts';
import {
  monthBounds,
  type ReportDeadlinePolicy,
  reportDueAt,
  reportMonthAt,
  reportNoticeAt,
} from '../timeline/report-deadline-rules.ts';
import { reportStillOwed } from '../timeline/reports-owed.ts';
import { HOME_ITEMS } from './finance-today.ts';
import type { gatherReads } from './home-batch.ts';

// The CS and the month are placeholders: the statement is printed once (prebuiltRead).
const P = {
  csId: sql.placeholder('csId'),
  month: sql.placeholder('month'),
  firstDay: sql.placeholder('firstDay'),
  lastDay: sql.placeholder('lastDay'),
};

/** A CS's clients still owing a month's report, the first few by name, with how many in all. */
const readReportsOwed = prebuiltRead((db) =>
  db
    .select({
      clientId: clients.id,
      clientName: clients.name,
      matched: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(clients)
    .where(
      and(
        eq(clients.csUserId, P.csId),
        reportStillOwed(P.month, { firstDay: P.firstDay, lastDay: P.lastDay }),
      ),
    )
    .orderBy(asc(clients.name))
    .limit(HOME_ITEMS),
);

/**
 * The home's monthly reports of a CS: from the reminder day of last month's report on (when
 * the reminder e-mail goes too), the clients in their charge that still owe it, with how many
 * and when it is due. One statement in the home's batch, through the clients by CS index and
 * one report-index lookup per client; before the reminder day nothing is read.
 */
export function gatherReportsDue(
  batch: ReturnType<typeof gatherReads>,
  db: Database,
  csId: string,
  rules: ReportDeadlinePolicy,
  now: Date,
) {
  const month = reportMonthAt(now, rules.agency.timeZone);
  const dueAt = reportDueAt(month, rules);
  if (!reportNoticeAt(month, now, rules)) return () => ({ month, dueAt, count: 0, items: [] });
  const take = batch.add(readReportsOwed(db, { csId, month, ...monthBounds(month) }));
  return (rows: unknown[]) => {
    const owing = take(rows);
    return {
      month,
      dueAt,
      count: owing[0]?.matched ?? 0,
      items: owing.map(({ clientId, clientName }) => ({ clientId, clientName })),
    };
  };
}
