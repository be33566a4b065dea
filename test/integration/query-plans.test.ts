// Every query the bench's routes and pages run, through EXPLAIN QUERY PLAN on the libSQL
// driver: none may read a whole table that grows with the agency (a `SCAN` without an
// index). Small fixed tables (people and their roles) may be scanned.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policy } from '../../src/policy/index.ts';
import type { Viewer } from '../../src/server/auth/viewer.ts';
import { loadHomePage } from '../../src/server/home/home-page.ts';
import { type BenchSetup, prepareBench } from '../bench/bench-setup.ts';
import { type CapturedStatement, openCapturingDatabase } from '../bench/captured-sql.ts';
import { BENCH_PAGE_DATA, BENCH_ROUTES, requestInit, routePath } from '../bench/routes.ts';
import { benchScale } from '../bench/scale.ts';
import { BENCH_CS_ID } from '../bench/seed-clients.ts';

// Tables that stay small whatever the agency's size: the partners and their roles.
const FIXED_TABLES = new Set(['users', 'user_roles']);

type Capturing = Awaited<ReturnType<typeof openCapturingDatabase>>;
let setup: BenchSetup & { database: Capturing };

beforeAll(async () => {
  // A small agency: without ANALYZE statistics the plans do not depend on the row counts.
  const scale = {
    ...benchScale(1),
    invoices: 60,
    clients: 12,
    csClients: 6,
    pieces: 24,
    events: 40,
  };
  setup = await prepareBench(scale, 4, openCapturingDatabase);
});
afterAll(() => setup.close());

/** The statements one call sends, captured as it runs. */
async function statementsOf(call: () => Promise<unknown>): Promise<CapturedStatement[]> {
  const { captured } = setup.database;
  captured.statements = [];
  captured.on = true;
  try {
    await call();
  } finally {
    captured.on = false;
  }
  return captured.statements;
}

/** The plan lines of a statement that read a growing table whole, with no index. */
async function fullScans(statement: CapturedStatement): Promise<string[]> {
  const plan = await setup.database.explainer.execute({
    sql: `EXPLAIN QUERY PLAN ${statement.sql}`,
    args: statement.args,
  });
  const details = plan.rows.map((row) => String(row.detail));
  // A subquery or common table the plan builds first (a window over rows it found by index)
  // is read whole by design: it is not a table.
  const built = new Set(
    details.flatMap((detail) => /^(?:CO-ROUTINE|MATERIALIZE) (\w+)$/.exec(detail)?.[1] ?? []),
  );
  return details.filter((detail) => {
    const scan = /^SCAN (\w+)(?: AS \w+)?$/.exec(detail);
    return scan?.[1] !== undefined && !FIXED_TABLES.has(scan[1]) && !built.has(scan[1]);
  });
}

const subjects = [
  ...BENCH_ROUTES.map((route) => ({
    label: `${route.method} ${route.path}`,
    call: async () =>
      setup.request(routePath(route, setup.context), requestInit(route, 0, setup.context)),
  })),
  ...BENCH_PAGE_DATA.map((page) => ({
    label: `${page.page} (page data)`,
    call: () => page.load(setup.database.db, setup.context),
  })),
];

describe('query plans of the hot paths', () => {
  it.each(subjects)('$label reads no growing table whole', async ({ call }) => {
    let answer: unknown;
    const statements = await statementsOf(async () => {
      answer = await call();
    });
    // A route that failed ran only part of its queries.
    if (answer instanceof Response) expect(answer.status).toBeLessThan(500);
    const scans = [];
    for (const statement of statements)
      for (const scan of await fullScans(statement)) scans.push(`${scan}: ${statement.sql}`);
    expect(scans).toEqual([]);
  });

  it('captures the statements the routes send', async () => {
    const route = BENCH_ROUTES.find((r) => r.name === 'session validation');
    if (!route) throw new Error('no session route in the bench');
    const statements = await statementsOf(async () =>
      setup.request(routePath(route, setup.context), requestInit(route, 0, setup.context)),
    );
    expect(statements.length).toBeGreaterThan(0);
  });
});

// The bench measures the home of a CS and of finance; the other roles' blocks read other
// tables (a designer's projects, the requests a person asked for), held to the same rule.
const homeViewers: { label: string; viewer: Viewer }[] = [
  { label: 'design', viewer: { id: 'bench-1', roles: ['design'] } },
  { label: 'traffic', viewer: { id: 'bench-1', roles: ['paid_traffic'] } },
  // The internal reviews waiting: found through the open ones by due time, not every review.
  { label: 'a head of design', viewer: { id: 'bench-1', roles: ['design', 'head_of_design'] } },
  { label: 'an admin', viewer: { id: 'bench-1', roles: ['admin'] } },
  {
    label: 'every role at once',
    viewer: {
      id: BENCH_CS_ID,
      roles: ['cs', 'design', 'paid_traffic', 'finance', 'head_of_design', 'head_of_traffic'],
    },
  },
];

describe('query plans of the partner home, per role', () => {
  it.each(homeViewers)('the home of $label reads no growing table whole', async ({ viewer }) => {
    const statements = await statementsOf(() =>
      loadHomePage(setup.database.db, viewer, policy, new Date()),
    );
    expect(statements.length).toBeGreaterThan(0);
    const scans = [];
    for (const statement of statements)
      for (const scan of await fullScans(statement)) scans.push(`${scan}: ${statement.sql}`);
    expect(scans).toEqual([]);
  });
});
