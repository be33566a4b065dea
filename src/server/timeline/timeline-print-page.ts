import type { Database } from '../../../db/client.ts';
import { isoDateInZone, type Policy } from '../../policy/index.ts';
import type { Viewer } from '../auth/viewer.ts';
import { isTimelinePeriod, loadTimelinePeriod } from './timeline-period.ts';

/** Where a client's month downloads as Markdown. */
export const timelineMarkdownUrl = (clientId: string, period: string) =>
  `/api/clients/${encodeURIComponent(clientId)}/timeline.md?period=${encodeURIComponent(period)}`;

/** Where an entry's file downloads for the agency (the timeline's own route checks who asks). */
export const timelineFileUrl = (clientId: string, entryId: string, fileId: string) =>
  `/api/timeline/${encodeURIComponent(clientId)}/entries/${encodeURIComponent(entryId)}/files/${encodeURIComponent(fileId)}`;

/**
 * The print page of a client's timeline: one month (the one asked for, else the current one in
 * agency time), with the month a person typed back when it is no month, so the page says so on
 * its field and shows the current month meanwhile. Null (404) for a client the person does not
 * see. One round trip.
 */
export async function loadTimelinePrintPage(
  db: Database,
  viewer: Viewer,
  request: { clientId: string; period: string | null },
  rules: { agency: Pick<Policy['agency'], 'timeZone'> },
  now: Date,
) {
  const asked = request.period?.trim() ?? '';
  const refused = asked !== '' && !isTimelinePeriod(asked);
  const period = asked && !refused ? asked : isoDateInZone(now, rules.agency.timeZone).slice(0, 7);
  const timeline = await loadTimelinePeriod(db, viewer, request.clientId, period);
  if (!timeline) return null;
  return {
    ...timeline,
    refusedPeriod: refused ? asked : null,
    markdownUrl: timelineMarkdownUrl(timeline.client.id, period),
  };
}
