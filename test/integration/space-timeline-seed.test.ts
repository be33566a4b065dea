import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoTimelineAcks } from '../../db/seed-timeline-acks.ts';
import { policy } from '../../src/policy/index.ts';
import { loadSpaceTimelinePage } from '../../src/server/timeline/space-timeline.ts';
import { contactViewerOf } from '../support/space-contact-session.ts';
import type { TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';
import {
  JOAO,
  mailTo,
  openTimelineApp,
  RITA,
  runTimelineNotices,
  writtenState,
} from '../support/timeline-ack.ts';

/** The demo's timeline for the client space (db/seed-timeline-acks.ts). */
describe.each(DRIVERS)('the demo timeline (%s)', (driver) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await openTimelineApp(driver);
    await seedDemoTimelineAcks(app.db, app.deps.clock());
  });
  afterAll(() => app.close());

  it('shows Rita the minutes awaiting her answer, then the note', async () => {
    const page = await loadSpaceTimelinePage(
      app.db,
      policy,
      await contactViewerOf(app, RITA.id),
      1,
    );
    expect(page.entries.map((entry) => [entry.id, entry.awaitingYou])).toEqual([
      ['demo-timeline-note', false],
      ['demo-timeline-planning', true],
    ]);
  });

  it('changes nothing when seeded again, and is e-mailed by the job once', async () => {
    const before = await writtenState(app);
    await seedDemoTimelineAcks(app.db, app.deps.clock());
    expect(await writtenState(app)).toEqual(before);
    expect(await runTimelineNotices(app)).toEqual({ notified: 3, reminded: 0 });
    expect(await runTimelineNotices(app)).toEqual({ notified: 0, reminded: 0 });
    expect(await mailTo(app, RITA.email)).toHaveLength(2);
    expect(await mailTo(app, JOAO.email)).toHaveLength(1);
  });
});
