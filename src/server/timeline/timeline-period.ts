import { and, asc, between, eq, ne, or, type SQL } from 'drizzle-orm';
import { aliased } from '../../../db/aliased.ts';
import type { Database } from '../../../db/client.ts';
import {
  timelineActionItems,
  timelineEntries,
  timelineFiles,
  timelineRecipients,
  users,
} from '../../../db/schema/index.ts';
import type { Viewer } from '../auth/viewer.ts';
import { clientTeamFrom, readClientTeam } from '../clients/client-teams.ts';
import { monthBounds } from './report-deadline-rules.ts';
import { mayReadTimeline } from './timeline-rules.ts';

/** A month as the print page and the export take it: YYYY-MM, a real month. */
export const isTimelinePeriod = (value: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

/**
 * The entries of one client's period: those about a day of the month (on the index by client
 * and day), except monthly reports, which belong to the month they report (on the report
 * index) — March's report, written in April, is March's.
 */
export function inPeriod(clientId: string, period: string): SQL {
  const { firstDay, lastDay } = monthBounds(period);
  return and(
    eq(timelineEntries.clientId, clientId),
    or(
      and(
        between(timelineEntries.occurredOn, firstDay, lastDay),
        ne(timelineEntries.kind, 'monthly_report'),
      ),
      and(eq(timelineEntries.kind, 'monthly_report'), eq(timelineEntries.period, period)),
    ),
  ) as SQL;
}

/**
 * One client's timeline for one month, for the agency (internal entries included, marked):
 * every entry in the order it happened, with its author, files, action items and who was
 * asked to acknowledge it with their answers. Null when the client does not exist or the
 * person does not see it (the page and the export answer 404 alike). One round trip.
 */
export async function loadTimelinePeriod(
  db: Database,
  viewer: Viewer,
  clientId: string,
  period: string,
) {
  const [client, team, cs, entries, files, actionItems, recipients] = await db.batch([
    ...readClientTeam(db, clientId),
    db
      .select({
        id: timelineEntries.id,
        kind: timelineEntries.kind,
        visibility: timelineEntries.visibility,
        title: timelineEntries.title,
        content: timelineEntries.content,
        occurredOn: timelineEntries.occurredOn,
        period: timelineEntries.period,
        asksAcknowledgement: timelineEntries.asksAcknowledgement,
        revision: timelineEntries.revision,
        createdAt: timelineEntries.createdAt,
        authorName: aliased(users.name, 'author_name'),
      })
      .from(timelineEntries)
      .innerJoin(users, eq(users.id, timelineEntries.authorId))
      .where(inPeriod(clientId, period))
      .orderBy(asc(timelineEntries.occurredOn), asc(timelineEntries.createdAt)),
    db
      .select({
        entryId: timelineFiles.entryId,
        id: timelineFiles.id,
        fileName: timelineFiles.fileName,
        contentType: timelineFiles.contentType,
        size: timelineFiles.size,
      })
      .from(timelineFiles)
      .innerJoin(timelineEntries, eq(timelineEntries.id, timelineFiles.entryId))
      .where(inPeriod(clientId, period))
      .orderBy(asc(timelineFiles.createdAt)),
    db
      .select({
        entryId: timelineActionItems.entryId,
        what: timelineActionItems.what,
        assigneeRole: timelineActionItems.assigneeRole,
        dueOn: timelineActionItems.dueOn,
        taskRequestId: timelineActionItems.taskRequestId,
        refusal: timelineActionItems.refusal,
      })
      .from(timelineActionItems)
      .innerJoin(timelineEntries, eq(timelineEntries.id, timelineActionItems.entryId))
      .where(inPeriod(clientId, period))
      .orderBy(asc(timelineActionItems.position)),
    db
      .select({
        entryId: timelineRecipients.entryId,
        contactName: timelineRecipients.contactName,
        response: timelineRecipients.response,
        respondedAt: timelineRecipients.respondedAt,
        observation: timelineRecipients.observation,
      })
      .from(timelineRecipients)
      .innerJoin(timelineEntries, eq(timelineEntries.id, timelineRecipients.entryId))
      .where(inPeriod(clientId, period))
      .orderBy(asc(timelineRecipients.contactName)),
  ]);
  const found = clientTeamFrom([client, team, cs]);
  if (!found || !mayReadTimeline(viewer, found)) return null;
  const of = <Row extends { entryId: string }>(rows: Row[], entryId: string) =>
    rows.filter((row) => row.entryId === entryId);
  return {
    client: { id: found.client.id, name: found.client.name },
    period,
    entries: entries.map((entry) => ({
      ...entry,
      files: of(files, entry.id),
      actionItems: of(actionItems, entry.id),
      recipients: entry.asksAcknowledgement ? of(recipients, entry.id) : [],
    })),
  };
}

export type TimelinePeriod = NonNullable<Awaited<ReturnType<typeof loadTimelinePeriod>>>;
