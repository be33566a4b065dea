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
describe.each(DRIVERS)('the satisfaction job with many candidates (%s)', (driver) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(driver);
    app.setNow(new Date('2026-03-10T13:00:00Z'));
    await seedPeople(app);
    const now = app.deps.clock();
    await app.db
      .insert(clients)
      .values({ id: 'big', name: 'Rede Grande', csUserId: 'demo-cs', createdAt: now });
    const ids = Array.from({ length: CONTACTS }, (_, i) => `big-${i}`);
    // Ten rows an insert, so the set-up itself stays under D1's limit.
    const inserts = [];
    for (let start = 0; start < ids.length; start += 10)
      inserts.push(
        app.db.insert(clientContacts).values(
          ids.slice(start, start + 10).map((id) => ({
            id,
            clientId: 'big',
            name: id,
            email: `${id}@grande.example`,
            createdAt: now,
          })),
        ),
      );
    await app.db.batch(inserts as [(typeof inserts)[number], ...typeof inserts]);
    await app.db.insert(clientMilestones).values({
      clientId: 'big',
      kind: 'checked_in',
      occurredAt: now,
      recordedBy: 'demo-cs',
    });
  });
  afterAll(() => app.close());

  it(`asks all ${CONTACTS} contacts in one run, each once, with one e-mail each`, async () => {
    const run = () => sendSatisfactionSurveys(app.db, policy, app.deps.clock(), TEST_ORIGIN);
    expect(await run()).toEqual({ asked: CONTACTS, throttled: 0 });
    expect(await app.db.$count(satisfactionSurveys)).toBe(CONTACTS);
    expect(await app.db.$count(outbox, sql`${outbox.idempotencyKey} like 'satisfaction:%'`)).toBe(
      CONTACTS,
    );
    // The next minute's run reads them all again and asks nobody twice.
    expect(await run()).toEqual({ asked: 0, throttled: CONTACTS });
  });
});
