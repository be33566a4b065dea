import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timelineEntries } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { loadTimelineEntryPage } from '../../src/server/timeline/timeline-entry-page.ts';
import { loadTimelineFormPage } from '../../src/server/timeline/timeline-form-page.ts';
import { loadTimelinePage, timelineFilterOf } from '../../src/server/timeline/timeline-page.ts';
import { countRoundTrips, readJson, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';
import {
  BAKERY,
  CLINIC,
  openTimelineApp,
  postEntry,
  RITA,
  type Who,
} from '../support/timeline-entries.ts';

const CS = { id: 'demo-cs', roles: ['cs' as const] };
const DESIGN = { id: 'demo-design', roles: ['design' as const] };
const OUTSIDER = { id: 'other-cs', roles: ['cs' as const] };
const filter = (query = '') => timelineFilterOf(new URLSearchParams(query));

describe.each(DRIVERS)('timeline pages (%s)', (driver) => {
  let app: TestApp;
  let cookies: Record<Who, string>;
  let minutesId: string;
  beforeAll(async () => {
    ({ app, cookies } = await openTimelineApp(driver));
    // Thirty notes on days across February, written in order, and one set of minutes.
    const now = app.deps.clock();
    // One insert per row: D1 takes at most 100 variables a statement.
    const notes = Array.from({ length: 30 }, (_, i) =>
      app.db.insert(timelineEntries).values({
        id: `note-${String(i).padStart(2, '0')}`,
        clientId: BAKERY,
        kind: 'note' as const,
        visibility: 'internal' as const,
        title: `Nota ${i}`,
        content: JSON.stringify({ text: `Texto ${i} ${'x'.repeat(1000)}` }),
        occurredOn: `2026-02-${String(1 + (i % 28)).padStart(2, '0')}`,
        authorId: 'demo-cs',
        createdAt: new Date(now.getTime() - (30 - i) * 60_000),
        updatedAt: now,
      }),
    );
    await app.db.batch(notes as [(typeof notes)[number], ...typeof notes]);
    const minutes = await postEntry(app, cookies.cs, {
      kind: 'minutes',
      title: 'Reunião de março',
      visibility: 'client',
      occurredOn: '2026-03-10',
      discussed: 'Páscoa.',
      contactIds: [RITA],
      actionWhat: ['Banner', 'Post'],
      actionAssignee: ['design', 'design:demo-design'],
      actionDue: ['2026-03-12', '2026-03-11'],
    });
    minutesId = (await readJson(minutes)).id;
  });
  afterAll(() => app.close());

  it('newest first, a page of the policy size with an "older" link, in one round trip', async () => {
    const { result, roundTrips } = await countRoundTrips(app, () =>
      loadTimelinePage(app.db, CS, BAKERY, filter(), policy),
    );
    if (roundTrips !== null) expect(roundTrips).toBe(1);
    expect(result?.entries).toHaveLength(policy.timeline.pageSize);
    expect(result?.hasOlder).toBe(true);
    expect(result?.entries[0]?.title).toBe('Reunião de março');
    const days = result?.entries.map((e) => e.occurredOn) ?? [];
    expect([...days].sort().reverse()).toEqual(days);
    // The list reads a summary, never the whole text.
    expect(result?.entries.find((e) => e.kind === 'note')?.summary?.length).toBeLessThanOrEqual(
      240,
    );
    const second = await loadTimelinePage(app.db, CS, BAKERY, filter('page=1'), policy);
    expect(second?.hasOlder).toBe(false);
    const seen = [...(result?.entries ?? []), ...(second?.entries ?? [])].map((e) => e.id);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('filters by kind and by month; an unknown filter shows everything', async () => {
    const minutes = await loadTimelinePage(app.db, CS, BAKERY, filter('kind=minutes'), policy);
    expect(minutes?.entries.map((e) => e.id)).toEqual([minutesId]);
    const march = await loadTimelinePage(app.db, CS, BAKERY, filter('period=2026-03'), policy);
    expect(march?.entries.every((e) => e.occurredOn.startsWith('2026-03'))).toBe(true);
    expect(timelineFilterOf(new URLSearchParams('kind=x&period=2026-13&page=-1'))).toEqual({
      kind: null,
      period: null,
      page: 0,
    });
  });

  it('the team reads (design writes no kind); someone outside it gets nothing', async () => {
    const design = await loadTimelinePage(app.db, DESIGN, BAKERY, filter(), policy);
    expect(design?.writable).toEqual([]);
    const cs = await loadTimelinePage(app.db, CS, BAKERY, filter(), policy);
    expect(cs?.writable).toEqual([
      'monthly_report',
      'minutes',
      'decision',
      'media_payment',
      'note',
    ]);
    expect(await loadTimelinePage(app.db, OUTSIDER, BAKERY, filter(), policy)).toBeNull();
  });

  it('an entry’s page: its recipients, action items with task or refusal, revisions; 404 under another client', async () => {
    const { result: page, roundTrips } = await countRoundTrips(app, () =>
      loadTimelineEntryPage(app.db, CS, { clientId: BAKERY, entryId: minutesId }, policy),
    );
    if (roundTrips !== null) expect(roundTrips).toBe(1);
    expect(page?.recipients.map((r) => [r.contactName, r.notifiedAt])).toEqual([
      ['Rita Moraes', null],
    ]);
    expect(page?.actionItems.map((a) => [a.item.what, a.item.refusal, a.taskStatus])).toEqual([
      ['Banner', null, 'open'],
      ['Post', 'lead_time', null],
    ]);
    expect(page?.revisions.map((r) => [r.revision, r.editorName])).toEqual([[1, 'Carla Campos']]);
    expect(page?.mayEdit).toBe(true);
    expect(
      await loadTimelineEntryPage(app.db, CS, { clientId: CLINIC, entryId: minutesId }, policy),
    ).toBeNull();
    expect(
      await loadTimelineEntryPage(
        app.db,
        OUTSIDER,
        { clientId: BAKERY, entryId: minutesId },
        policy,
      ),
    ).toBeNull();
  });

  it('the form: whom an action item may ask, the latest month a report may cover, the saved entry to edit', async () => {
    const now = app.deps.clock();
    const report = await loadTimelineFormPage(
      app.db,
      CS,
      { clientId: BAKERY, kind: 'monthly_report', entryId: null },
      policy,
      now,
    );
    expect(report?.latestPeriod).toBe('2026-02');
    expect(report?.assignees.map((a) => a.value)).toContain('design:demo-design');
    const edit = await loadTimelineFormPage(
      app.db,
      DESIGN,
      { clientId: BAKERY, kind: null, entryId: minutesId },
      policy,
      now,
    );
    expect(edit).toMatchObject({ kind: 'minutes', mayWrite: false });
    expect(edit?.entry?.contactIds).toEqual([RITA]);
    expect(
      await loadTimelineFormPage(
        app.db,
        CS,
        { clientId: BAKERY, kind: 'nope', entryId: null },
        policy,
        now,
      ),
    ).toBeNull();
  });
});
