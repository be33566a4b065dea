import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timelineEntries } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { loadTimelinePage, timelineFilterOf } from '../../src/server/timeline/timeline-page.ts';
import type { TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';
import { BAKERY, openTimelineApp } from '../support/timeline-entries.ts';

const CS = { id: 'demo-cs', roles: ['cs' as const] };

/**
 * The list's month is the print page's and the export's (inPeriod): a monthly report belongs
 * to the month it reports, whatever day it was written; every other entry to its day's month.
 */
describe.each(DRIVERS)('the timeline list’s month (%s)', (driver) => {
  let app: TestApp;
  beforeAll(async () => {
    ({ app } = await openTimelineApp(driver));
    const now = app.deps.clock();
    const entry = (id: string, kind: 'note' | 'monthly_report', day: string, period?: string) =>
      app.db.insert(timelineEntries).values({
        id,
        clientId: BAKERY,
        kind,
        visibility: 'internal',
        title: id,
        occurredOn: day,
        period: period ?? null,
        authorId: 'demo-cs',
        createdAt: now,
        updatedAt: now,
      });
    await app.db.batch([
      entry('february-report', 'monthly_report', '2026-03-05', '2026-02'),
      entry('february-note', 'note', '2026-02-28'),
      entry('march-note', 'note', '2026-03-01'),
    ]);
  });
  afterAll(() => app.close());

  const ids = async (period: string) =>
    (
      await loadTimelinePage(
        app.db,
        CS,
        BAKERY,
        timelineFilterOf(new URLSearchParams({ period })),
        policy,
      )
    )?.entries.map((e) => e.id);

  it('shows February’s report, written on March 5th, under February only', async () => {
    expect(await ids('2026-02')).toEqual(['february-report', 'february-note']);
    expect(await ids('2026-03')).toEqual(['march-note']);
  });
});
