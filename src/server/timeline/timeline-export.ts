import type { Database } from '../../../db/client.ts';
import type { Locale } from '../../i18n/index.ts';
import type { Policy } from '../../policy/index.ts';
import type { Viewer } from '../auth/viewer.ts';
import { NOT_FOUND, type RefusalTable } from '../forms/refusals.ts';
import { timelineFileName, timelineMarkdown } from './timeline-markdown.ts';
import { isTimelinePeriod, loadTimelinePeriod } from './timeline-period.ts';

export type TimelineExportRefusal = 'invalid_period' | 'not_found';

/** What refuses a month's export: a period that is no month, a client not the person's. */
export const TIMELINE_EXPORT_REFUSALS = {
  invalid_period: {
    status: 400,
    code: 'invalid_period',
    messageKey: 'timelineReport.print.invalidPeriod',
    field: 'period',
    back: false,
  },
  not_found: NOT_FOUND,
} as const satisfies RefusalTable<TimelineExportRefusal>;

/**
 * One client's month of timeline as a Markdown file (its text and a safe file name), for
 * whoever reads the client's timeline; a refusal for a bad period or someone else's client.
 */
export async function exportTimelineMarkdown(
  db: Database,
  viewer: Viewer,
  request: { clientId: string; period: string; locale: Locale },
  rules: { agency: Pick<Policy['agency'], 'timeZone' | 'currency'> },
  now: Date,
): Promise<
  { ok: true; text: string; fileName: string } | { ok: false; error: TimelineExportRefusal }
> {
  if (!isTimelinePeriod(request.period)) return { ok: false, error: 'invalid_period' };
  const timeline = await loadTimelinePeriod(db, viewer, request.clientId, request.period);
  if (!timeline) return { ok: false, error: 'not_found' };
  return {
    ok: true,
    text: timelineMarkdown(timeline, request.locale, rules, now),
    fileName: timelineFileName(timeline.client.name, timeline.period),
  };
}
