import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientContacts,
  clientMilestones,
  clients,
  outbox,
  satisfactionSurveys,
} from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { sendSatisfactionSurveys } from '../../src/server/satisfaction/send-surveys.ts';
import { seedPeople } from '../support/sign-in.ts';
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

// Well over the 100 variables D1 binds in one statement.
const CONTACTS = 130;

/** A busy window: one check-in of a client with many contacts makes that many candidates. */
/** A client with `count` contacts whose check-in was just recorded: that many candidates. */
async function seedBusyClient(app: TestApp, clientId: string, count: number) {
  const now = app.deps.clock();
  await app.db
    .insert(clients)
    .values({ id: clientId, name: `Rede ${clientId}`, csUserId: 'demo-cs', createdAt: now });
  const ids = Array.from({ length: count }, (_, i) => `${clientId}-${i}`);
  // Ten rows an insert, so the set-up itself stays under D1's limit.
  const inserts = [];
  for (let start = 0; start < ids.length; start += 10)
    inserts.push(
      app.db.insert(clientContacts).values(
        ids.slice(start, start + 10).map((id) => ({
          id,
          clientId,
          name: id,
          email: `${id}@grande.example`,
          createdAt: now,
        })),
      ),
    );
  await app.db.batch(inserts as [(typeof inserts)[number], ...typeof inserts]);
  await app.db
    .insert(clientMilestones)
    .values({ clientId, kind: 'checked_in', occurredAt: now, recordedBy: 'demo-cs' });
}

/** A busy window: one check-in of a client with many contacts makes that many candidates. */
describe.each(DRIVERS)('the satisfaction job with many candidates (%s)', (driver) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(driver);
    app.setNow(new Date('2026-03-10T13:00:00Z'));
    await seedPeople(app);
    await seedBusyClient(app, 'big', CONTACTS);
  });
  afterAll(() => app.close());

  it(`asks all ${CONTACTS} contacts over two runs, each once, with one e-mail each`, async () => {
    const perRun = policy.satisfaction.surveysPerRun;
    const run = () => sendSatisfactionSurveys(app.db, policy, app.deps.clock(), TEST_ORIGIN);
    // The candidates' ids are read as one JSON list each (more than D1 binds); the asks are capped.
    expect(await run()).toEqual({ asked: perRun, throttled: 0, deferred: CONTACTS - perRun });
    app.setNow(new Date('2026-03-10T13:01:00Z'));
    expect(await run()).toEqual({ asked: CONTACTS - perRun, throttled: perRun, deferred: 0 });
    expect(await app.db.$count(satisfactionSurveys)).toBe(CONTACTS);
    expect(await app.db.$count(outbox, sql`${outbox.idempotencyKey} like 'satisfaction:%'`)).toBe(
      CONTACTS,
    );
    // The next minute's run reads them all again and asks nobody twice.
    app.setNow(new Date('2026-03-10T13:02:00Z'));
    expect(await run()).toEqual({ asked: 0, throttled: CONTACTS, deferred: 0 });
  });

  it('asks at most surveysPerRun a run, and the rest on the next runs', async () => {
    const perRun = 50;
    const capped = { ...policy, satisfaction: { ...policy.satisfaction, surveysPerRun: perRun } };
    app.setNow(new Date('2026-06-10T13:00:00Z'));
    await seedBusyClient(app, 'busy', CONTACTS);
    const asked = () =>
      app.db.$count(satisfactionSurveys, sql`${satisfactionSurveys.clientId} = 'busy'`);
    const run = () => sendSatisfactionSurveys(app.db, capped, app.deps.clock(), TEST_ORIGIN);
    expect(await run()).toEqual({ asked: perRun, throttled: 0, deferred: CONTACTS - perRun });
    expect(await asked()).toBe(perRun);
    app.setNow(new Date('2026-06-10T13:01:00Z'));
    const second = await run();
    expect(second.asked).toBe(perRun);
    expect(second.deferred).toBe(CONTACTS - 2 * perRun);
    app.setNow(new Date('2026-06-10T13:02:00Z'));
    expect((await run()).asked).toBe(CONTACTS - 2 * perRun);
    expect(await asked()).toBe(CONTACTS);
    expect(await app.db.$count(outbox, sql`${outbox.idempotencyKey} like 'satisfaction:%'`)).toBe(
      2 * CONTACTS,
    );
  });
});
