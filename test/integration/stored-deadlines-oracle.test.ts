import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeRequests, clientMilestones, clients } from '../../db/schema/index.ts';
import { runJobs } from '../../functions/jobs/index.ts';
import { policy } from '../../src/policy/index.ts';
import type { Viewer } from '../../src/server/auth/viewer.ts';
import { listClientDeadlines } from '../../src/server/deadlines/client-pipeline.ts';
import {
  deadlineUrgency,
  nextDeadline,
  PIPELINE_STAGES,
  pipelineDeadlines,
  urgencyRulesOf,
} from '../../src/server/deadlines/deadline-rules.ts';
import { milestonesOf } from '../../src/server/deadlines/stored-deadline.ts';
import { loadHomePage } from '../../src/server/home/home-page.ts';
import { seedPeople } from '../support/sign-in.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

// Wednesday 11 March 2026, 10:00 in São Paulo.
const NOW = new Date('2026-03-11T13:00:00Z');
const HOUR = 3_600_000;
const cs: Viewer = { id: 'demo-cs', roles: ['cs'] };
const CLIENTS = 42;
const id = (i: number) => `oracle-${String(i).padStart(2, '0')}`;

/**
 * The old computation, kept as the oracle: every client the CS runs, its stages read and
 * folded by the rules, the soonest open change request beside them, the nearest first.
 */
async function oracle(app: TestApp) {
  const [theirs, stages, changes] = await app.db.batch([
    app.db.select().from(clients).where(eq(clients.csUserId, cs.id)).orderBy(clients.name),
    app.db.select().from(clientMilestones),
    app.db.select().from(changeRequests),
  ]);
  return theirs
    .map((client) => {
      const open = changes.filter((c) => c.clientId === client.id && !c.doneAt);
      const next = nextDeadline([
        ...pipelineDeadlines(
          milestonesOf(stages.filter((s) => s.clientId === client.id)),
          client.serviceEndsOn,
          policy,
        ),
        ...open.map((c) => ({ kind: 'change' as const, dueAt: c.dueAt, done: false })),
      ]);
      return { id: client.id, name: client.name, next };
    })
    .sort(
      (a, b) =>
        (a.next?.dueAt.getTime() ?? Number.POSITIVE_INFINITY) -
        (b.next?.dueAt.getTime() ?? Number.POSITIVE_INFINITY),
    );
}

/** Rows in inserts of `size` (D1 binds at most 100 values a statement). */
async function insertInChunks<Row>(
  rows: Row[],
  size: number,
  insert: (chunk: Row[]) => Promise<unknown>,
) {
  for (let at = 0; at < rows.length; at += size) await insert(rows.slice(at, at + size));
}

/** Clients at every stage, paid at every hour around now, some with change requests open or done. */
async function seedVariedClients(app: TestApp) {
  const ids = Array.from({ length: CLIENTS }, (_, i) => i);
  await insertInChunks(
    ids.map((i) => ({
      id: id(i),
      name: `Oráculo ${String(i).padStart(2, '0')}`,
      csUserId: cs.id,
      serviceEndsOn: i % 5 === 0 ? null : `2026-0${3 + (i % 4)}-${10 + (i % 17)}`,
      createdAt: NOW,
    })),
    15,
    (chunk) => app.db.insert(clients).values(chunk),
  );
  await insertInChunks(
    ids.flatMap((i) => {
      // Paid between 3 days ago and 5 hours from now (a stage recorded ahead counts too).
      const paidAt = NOW.getTime() - (72 - i * 1.9) * HOUR;
      return PIPELINE_STAGES.slice(0, i % 7).map((kind, step) => ({
        clientId: id(i),
        kind,
        occurredAt: new Date(paidAt + step * 0.5 * HOUR),
      }));
    }),
    25,
    (chunk) => app.db.insert(clientMilestones).values(chunk),
  );
  await insertInChunks(
    ids
      .filter((i) => i % 4 === 1)
      .map((i) => ({
        id: `${id(i)}-change`,
        clientId: id(i),
        kind: 'post' as const,
        summary: 'Trocar a foto',
        requestedAt: NOW,
        dueAt: new Date(NOW.getTime() + (i - 20) * 1.5 * HOUR),
        doneAt: i % 8 === 5 ? NOW : null,
      })),
    10,
    (chunk) => app.db.insert(changeRequests).values(chunk),
  );
}

const listed = (rows: Awaited<ReturnType<typeof listClientDeadlines>>) =>
  rows.map(({ client, next }) => ({ id: client.id, next }));
const expected = (rows: Awaited<ReturnType<typeof oracle>>) =>
  rows.map(({ id: clientId, next }) => ({ id: clientId, next }));

describe.each(DRIVERS)('stored deadlines against the old computation (%s)', (driver) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(driver);
    app.setNow(NOW);
    await seedPeople(app);
    await seedVariedClients(app);
    // The job stores every client's deadline; then a third is stale by a missing key, and a
    // third by another policy's key with a wrong value stored (readers must not use it).
    await runJobs(app.deps, ['refresh-client-deadlines']);
    const third = (r: number) =>
      Array.from({ length: CLIENTS }, (_, i) => i)
        .filter((i) => i % 3 === r)
        .map(id);
    await app.db
      .update(clients)
      .set({ pipelineRulesKey: null })
      .where(inArray(clients.id, third(1)));
    await app.db
      .update(clients)
      .set({ pipelineRulesKey: 'v0-older', pipelineDueAt: new Date(0), pipelineDueKind: 'contact' })
      .where(inArray(clients.id, third(2)));
  });
  afterAll(() => app.close());

  const homeDeadlines = async () =>
    (await loadHomePage(app.db, cs, policy, NOW)).clients?.deadlines;
  const expectedHome = async () => {
    const pressing = (await oracle(app)).flatMap(({ id: clientId, name, next }) => {
      if (!next) return [];
      const urgency = deadlineUrgency(next.dueAt, NOW, urgencyRulesOf(policy));
      return urgency === 'overdue' || urgency === 'today'
        ? [{ clientId, clientName: name, kind: next.kind, dueAt: next.dueAt, urgency }]
        : [];
    });
    return { count: pressing.length, items: pressing.slice(0, 3) };
  };

  it('lists every client with the deadline the old computation gives, stale rows included', async () => {
    const truth = await oracle(app);
    // The fixture is varied: overdue, today, later and nothing due, stages and changes.
    const kinds = new Set(truth.map((row) => row.next?.kind ?? 'none'));
    expect([...kinds].sort()).toEqual(
      ['change', 'checkIn', 'contact', 'launch', 'none', 'renewal', 'strategy'].sort(),
    );
    expect(listed(await listClientDeadlines(app.db, cs, policy))).toEqual(expected(truth));
  });

  it('gives the home the overdue and due-today clients the old computation gives', async () => {
    const truth = await expectedHome();
    expect(truth.count).toBeGreaterThan(3);
    expect(truth.items.map((item) => item.urgency)).toContain('overdue');
    expect(await homeDeadlines()).toEqual(truth);
  });

  it('gives the same once the refresh job has stored every stale row again', async () => {
    const outcome = await runJobs(app.deps, ['refresh-client-deadlines']);
    expect(outcome['refresh-client-deadlines']).toEqual({ refreshed: 28 });
    const [left] = await app.db
      .select({ id: clients.id })
      .from(clients)
      .where(eq(clients.pipelineRulesKey, 'v0-older'));
    expect(left).toBeUndefined();
    expect(listed(await listClientDeadlines(app.db, cs, policy))).toEqual(
      expected(await oracle(app)),
    );
    expect(await homeDeadlines()).toEqual(await expectedHome());
    // Nothing is stale now: a run stores nothing.
    expect(
      (await runJobs(app.deps, ['refresh-client-deadlines']))['refresh-client-deadlines'],
    ).toEqual({
      refreshed: 0,
    });
  });
});
