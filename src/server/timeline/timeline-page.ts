import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import {
  TIMELINE_ENTRY_KINDS,
  type TimelineEntryKind,
  timelineEntries,
  users,
} from '../../../db/schema/index.ts';
import type { Policy } from '../../policy/index.ts';
import type { Viewer } from '../auth/viewer.ts';
import { clientTeamFrom, readClientTeam } from '../clients/client-teams.ts';
import { inPeriod, isTimelinePeriod } from './timeline-period.ts';
import { mayReadTimeline, writableKinds } from './timeline-rules.ts';

/** What the timeline shows: one kind or all, one month or all, and which page. */
export type TimelineFilter = {
  kind: TimelineEntryKind | null;
  period: string | null;
  page: number;
};

/** The filter from the page's address; anything unknown is no filter, a bad page the first. */
export function timelineFilterOf(params: URLSearchParams): TimelineFilter {
  const kind = params.get('kind');
  const period = params.get('period');
  const page = Number(params.get('page'));
  return {
    kind: TIMELINE_ENTRY_KINDS.includes(kind as TimelineEntryKind)
      ? (kind as TimelineEntryKind)
      : null,
    period: period && isTimelinePeriod(period) ? period : null,
    page: Number.isSafeInteger(page) && page > 0 && page < 10_000 ? page : 0,
  };
}

// The first words of an entry's main text: enough for the list, not the whole content.
const SUMMARY_CHARS = 240;
const summary = sql<string | null>`substr(coalesce(
  json_extract(${timelineEntries.content}, '$.summary'),
  json_extract(${timelineEntries.content}, '$.discussed'),
  json_extract(${timelineEntries.content}, '$.decided'),
  json_extract(${timelineEntries.content}, '$.text')), 1, ${SUMMARY_CHARS})`;

/** One page of a client's entries, newest first (the day it is about, then when written). */
function readTimelinePage(db: Database, clientId: string, filter: TimelineFilter, size: number) {
  return db
    .select({
      id: timelineEntries.id,
      kind: timelineEntries.kind,
      visibility: timelineEntries.visibility,
      title: timelineEntries.title,
      occurredOn: timelineEntries.occurredOn,
      period: timelineEntries.period,
      revision: timelineEntries.revision,
      createdAt: timelineEntries.createdAt,
      authorName: users.name,
      summary,
    })
    .from(timelineEntries)
    .innerJoin(users, eq(users.id, timelineEntries.authorId))
    .where(
      and(
        // A month as the print page and the export take it: a monthly report is the month
        // it reports, every other entry the month of its day.
        filter.period ? inPeriod(clientId, filter.period) : eq(timelineEntries.clientId, clientId),
        filter.kind ? eq(timelineEntries.kind, filter.kind) : undefined,
      ),
    )
    .orderBy(
      desc(timelineEntries.occurredOn),
      desc(timelineEntries.createdAt),
      desc(timelineEntries.id),
    )
    .limit(size + 1)
    .offset(filter.page * size);
}

/**
 * A client's timeline page in one round trip: the client (who may read it: its team), one
 * page of entries with a short summary each — never their whole content — whether older
 * ones follow, and the kinds the viewer may write. Null when the viewer does not see the client.
 */
export async function loadTimelinePage(
  db: Database,
  viewer: Viewer,
  clientId: string,
  filter: TimelineFilter,
  rules: Pick<Policy, 'timeline'>,
) {
  const size = rules.timeline.pageSize;
  const [client, team, cs, entries] = await db.batch([
    ...readClientTeam(db, clientId),
    readTimelinePage(db, clientId, filter, size),
  ]);
  const facts = clientTeamFrom([client, team, cs]);
  if (!facts || !mayReadTimeline(viewer, facts)) return null;
  return {
    client: { id: facts.client.id, name: facts.client.name },
    entries: entries.slice(0, size),
    hasOlder: entries.length > size,
    writable: writableKinds(viewer, facts, TIMELINE_ENTRY_KINDS, rules),
  };
}
