import { policy } from '../../src/policy/index.ts';
import { loadSpaceTimelinePage } from '../../src/server/timeline/space-timeline.ts';
import { loadTimelinePage, timelineFilterOf } from '../../src/server/timeline/timeline-page.ts';
import { loadTimelinePrintPage } from '../../src/server/timeline/timeline-print-page.ts';
import { BENCH_NOW } from './bench-setup.ts';
import type { BenchPageData } from './routes.ts';
import {
  TIMELINE_BENCH_CLIENT,
  TIMELINE_BENCH_CONTACT,
  TIMELINE_BENCH_CS,
  timelineBenchMonth,
} from './seed-timeline.ts';

/** The client timeline's pages (#19), on a client with 500 entries (seed-timeline.ts). */
export const TIMELINE_BENCH_PAGES: BenchPageData[] = [
  {
    // The figure (#19): a client with 500 entries; the contact's first page of the
    // space's timeline (client-visible entries, newest first).
    name: 'client space timeline, 500 entries, page 1',
    page: 'GET /space/timeline',
    load: (db) => loadSpaceTimelinePage(db, policy, TIMELINE_BENCH_CONTACT, 1),
    targets: { roundTrips: 2, medianCpuMs: 2 },
  },
  {
    // The same client's last month to print (about 20 entries with their files, action items
    // and acknowledgements), the CS reading.
    name: 'client timeline print page, a month of 500 entries',
    page: 'GET /clients/{id}/timeline/print?period=…',
    load: (db) =>
      loadTimelinePrintPage(
        db,
        TIMELINE_BENCH_CS,
        { clientId: TIMELINE_BENCH_CLIENT, period: timelineBenchMonth(BENCH_NOW) },
        policy,
        BENCH_NOW,
      ),
    targets: { roundTrips: 2, medianCpuMs: 2 },
  },
  {
    // The agency's side (#19): the CS's first page of the same client's timeline, every kind
    // and visibility, newest first, each entry with a short summary rather than its content.
    name: 'client timeline, 500 entries, page 1',
    page: 'GET /clients/{id}/timeline',
    load: (db) =>
      loadTimelinePage(
        db,
        TIMELINE_BENCH_CS,
        TIMELINE_BENCH_CLIENT,
        timelineFilterOf(new URLSearchParams()),
        policy,
      ),
    targets: { roundTrips: 2, medianCpuMs: 2 },
  },
];
