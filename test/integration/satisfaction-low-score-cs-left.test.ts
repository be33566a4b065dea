import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, taskRequests, userRoles, users } from '../../db/schema/index.ts';
import { answer, answerTrace, insertSurvey, stampFor } from '../support/satisfaction.ts';
import { seedPeople } from '../support/sign-in.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

/** The low-score e-mails of a survey (a prefix compare: D1 refuses a LIKE this long). */
const lowScoreMailsOf = (surveyId: string) => {
  const prefix = `satisfaction-low:${surveyId}`;
  return sql`substr(${outbox.idempotencyKey}, 1, ${prefix.length}) = ${prefix}`;
};

/**
 * A low score of a client whose CS left (deactivated): the task is not handed to someone who
 * is gone; an active admin takes it and every active admin is e-mailed, as with a timeline
 * observation.
 */
describe.each(DRIVERS)('a low score when the client’s CS left (%s)', (driver) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(driver);
    await seedPeople(app);
    const now = app.deps.clock();
    // Another active admin (after Ana by name), and one who left.
    await app.db.insert(users).values([
      { id: 'admin-bruno', name: 'Bruno Brito', email: 'bruno@ponte.example', createdAt: now },
      {
        id: 'admin-gone',
        name: 'Aaron Antigo',
        email: 'aaron@ponte.example',
        active: false,
        createdAt: now,
      },
    ]);
    await app.db.insert(userRoles).values([
      { userId: 'admin-bruno', role: 'admin' },
      { userId: 'admin-gone', role: 'admin' },
    ]);
    await app.db.update(users).set({ active: false }).where(eq(users.id, 'demo-cs'));
  });
  afterAll(() => app.close());

  it('goes to the first active admin as a task and to each active admin by e-mail, not to the CS', async () => {
    const { id, token } = await insertSurvey(app);
    const answered = await answer(app, token, { score: '1', stamp: stampFor(app, id) });
    expect(answered.status).toBe(200);
    const { survey } = await answerTrace(app, id);
    const [task] = await app.db
      .select()
      .from(taskRequests)
      .where(eq(taskRequests.id, survey?.lowScoreTaskId ?? ''));
    expect(task).toMatchObject({
      clientId: 'demo-client-bakery',
      // The CS's work, taken by an admin.
      assigneeRole: 'cs',
      assigneeId: 'demo-admin',
      status: 'open',
    });
    const mails = await app.db
      .select({ to: outbox.toAddress })
      .from(outbox)
      .where(lowScoreMailsOf(id));
    expect(mails.map((mail) => mail.to).sort()).toEqual([
      'admin@ponte.example',
      'bruno@ponte.example',
    ]);
  });

  it('back with the CS once they are active again', async () => {
    await app.db.update(users).set({ active: true }).where(eq(users.id, 'demo-cs'));
    const { id, token } = await insertSurvey(app);
    expect((await answer(app, token, { score: '2', stamp: stampFor(app, id) })).status).toBe(200);
    const { survey } = await answerTrace(app, id);
    const [task] = await app.db
      .select()
      .from(taskRequests)
      .where(eq(taskRequests.id, survey?.lowScoreTaskId ?? ''));
    expect(task).toMatchObject({ assigneeRole: 'cs', assigneeId: 'demo-cs' });
    const mails = await app.db
      .select({ to: outbox.toAddress })
      .from(outbox)
      .where(lowScoreMailsOf(id));
    expect(mails.map((mail) => mail.to)).toEqual(['cs@ponte.example']);
  });
});
