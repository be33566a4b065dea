import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoTasks } from '../../db/seed-tasks.ts';
import { policy } from '../../src/policy/index.ts';
import { loadHomePage } from '../../src/server/home/home-page.ts';
import { loadTasksPage } from '../../src/server/tasks/tasks-page.ts';
import { seedPeople } from '../support/sign-in.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

describe.each(DRIVERS)('the demo’s task request (%s)', (driver) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(driver);
    await seedPeople(app);
  });
  afterAll(() => app.close());

  it('is seeded once, and shows on the CS’s tasks page and home', async () => {
    await seedDemoTasks(app.db, app.deps.clock());
    await seedDemoTasks(app.db, app.deps.clock());
    const cs = { id: 'demo-cs', roles: ['cs' as const] };
    const page = await loadTasksPage(app.db, policy, cs);
    expect(page.tasks).toEqual([
      expect.objectContaining({
        clientName: 'Padaria Pão Quente',
        assigneeName: 'Carla Campos',
        mayAct: true,
        task: expect.objectContaining({ id: 'demo-task-photos', status: 'open' }),
      }),
    ]);
    const home = await loadHomePage(app.db, cs, policy, app.deps.clock());
    expect(home.tasksToMe?.items.map((task) => task.id)).toEqual(['demo-task-photos']);
  });
});
