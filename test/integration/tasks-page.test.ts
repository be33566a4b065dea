import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTasksPage } from '../../src/server/tasks/tasks-page.ts';
import { seedPeople } from '../support/sign-in.ts';
import { countRoundTrips, createTestApp, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

describe.each(DRIVERS)('the tasks page’s data (%s)', (driver) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(driver);
    await seedPeople(app);
  });
  afterAll(() => app.close());

  it('gives the requests and the clients a person may ask about, in one round trip', async () => {
    const viewer = { id: 'demo-organic', roles: ['organic_traffic' as const] };
    const { result, roundTrips } = await countRoundTrips(app, () => loadTasksPage(app.db, viewer));
    expect(roundTrips).toBe(driver === 'libsql' ? 1 : null);
    expect(result.tasks).toEqual([]);
    // On the bakery's team only.
    expect(result.clientNames.map((c) => c.id)).toEqual(['demo-client-bakery']);
  });
});
