/** A route the benchmark measures, with the targets its issue set. */
export type BenchRoute = {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  targets: { roundTrips?: number; medianCpuMs?: number; bytes?: number };
};

const SAME_ORIGIN = { Origin: 'http://localhost', 'Sec-Fetch-Site': 'same-origin' };

/** Every measured route. Later features add theirs here. */
export const BENCH_ROUTES: BenchRoute[] = [
  {
    name: 'health',
    method: 'GET',
    path: '/api/health',
    targets: { roundTrips: 1, medianCpuMs: 2 },
  },
  {
    name: 'set language',
    method: 'POST',
    path: '/api/preferences/locale',
    body: { locale: 'en' },
    targets: { roundTrips: 0, medianCpuMs: 1 },
  },
];

/** The request init for a route: JSON bodies from our own origin. */
export function requestInit(route: BenchRoute): RequestInit {
  if (route.method === 'GET') return { method: 'GET' };
  return {
    method: route.method,
    headers: { 'Content-Type': 'application/json', ...SAME_ORIGIN },
    body: JSON.stringify(route.body),
  };
}
