import { loadRequestsPage } from '../../src/server/client-requests/request-pages.ts';
import { loadSpaceRequestsPage } from '../../src/server/client-requests/request-pages-space.ts';
import type { BenchPageData } from './routes.ts';
import { SPACE_BENCH_VIEWER } from './seed-space.ts';

// The space client's CS (seed-space.ts), who triages its requests.
const SPACE_CLIENT_CS = { id: 'bench-cs-0', roles: ['cs' as const] };

/** The request lists (#18), on the space client's 300 requests (seed-requests.ts), paged. */
export const REQUEST_BENCH_PAGES: BenchPageData[] = [
  {
    // The contact's list, page 2.
    name: 'client space requests, page 2 of 300',
    page: 'GET /space/requests?page=2',
    load: (db) => loadSpaceRequestsPage(db, SPACE_BENCH_VIEWER, 2),
    targets: { roundTrips: 1, medianCpuMs: 2 },
  },
  {
    // Those requests as their CS triages them: waiting first by deadline, page 2.
    name: 'CS requests list, page 2',
    page: 'GET /requests?page=2',
    load: (db) => loadRequestsPage(db, SPACE_CLIENT_CS, 2),
    targets: { roundTrips: 1, medianCpuMs: 2 },
  },
];
