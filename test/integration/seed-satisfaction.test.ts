import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { satisfactionSurveys } from '../../db/schema/index.ts';
import { seedDemoSatisfaction } from '../../db/seed-satisfaction.ts';
import { findSurveyByToken } from '../../src/server/satisfaction/survey-lookup.ts';
import { seedPeople } from '../support/sign-in.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

describe.each(DRIVERS)('the demo satisfaction answers (%s)', (driver) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(driver);
    await seedPeople(app);
  });
  afterAll(() => app.close());

  it('seeds Marina’s answered check-in once, and its token opens nothing', async () => {
    await seedDemoSatisfaction(app.db, app.deps.clock());
    await seedDemoSatisfaction(app.db, app.deps.clock());
    const rows = await app.db.select().from(satisfactionSurveys);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ score: 4, contactId: 'demo-contact-clinic-director' });
    expect(rows[0]?.answeredAt).not.toBeNull();
    expect(await findSurveyByToken(app.db, 'demo-survey-clinic-check-in')).toBeNull();
  });
});
