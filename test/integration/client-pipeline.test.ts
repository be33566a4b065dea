import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientMilestones, events } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { listClientDeadlines } from '../../src/server/deadlines/client-pipeline.ts';
import { postJson, seedPeople, signIn } from '../support/sign-in.ts';
import { createTestApp, readJson, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

describe.each(DRIVERS)('the new-client pipeline (%s)', (driver) => {
  let app: TestApp;
  let cs: string;
  let finance: string;
  beforeAll(async () => {
    app = await createTestApp(driver);
    // Sessions are opened in the same week the test moves its clock through.
    app.setNow(new Date('2026-03-10T12:00:00Z'));
    await seedPeople(app);
    cs = await signIn(app, 'cs@ponte.example');
    finance = await signIn(app, 'financeiro@ponte.example');
  });
  afterAll(() => app.close());
  const record = (client: string, stage: string, cookie = cs) =>
    app.request(
      `/api/clients/${client}/stages`,
      postJson({ stage }, { cookie, ip: '203.0.113.4' }),
    );

  it('records a stage once, with who and when; a second record changes nothing', async () => {
    app.setNow(new Date('2026-03-10T17:00:00Z')); // 14:00 in São Paulo
    expect((await readJson(await record('demo-client-bakery', 'paid'))).recorded).toBe(true);
    app.setNow(new Date('2026-03-10T18:00:00Z'));
    expect((await readJson(await record('demo-client-bakery', 'paid'))).recorded).toBe(false);
    const [paid] = await app.db
      .select()
      .from(clientMilestones)
      .where(eq(clientMilestones.clientId, 'demo-client-bakery'));
    expect(paid).toMatchObject({
      kind: 'paid',
      recordedBy: 'demo-cs',
      occurredAt: new Date('2026-03-10T17:00:00Z'),
    });
    const trail = await app.db.select().from(events).where(eq(events.action, 'stage_recorded'));
    expect(trail[0]).toMatchObject({
      actorId: 'demo-cs',
      subjectId: 'demo-client-bakery',
      ip: '203.0.113.4',
    });
  });

  it('refuses an unknown stage, and a client that is not the person’s', async () => {
    expect((await record('demo-client-bakery', 'celebrated')).status).toBe(400);
    expect((await record('demo-client-bakery', 'contacted', finance)).status).toBe(403);
    expect((await record('no-such-client', 'contacted')).status).toBe(404);
  });

  it('lists each client with its next deadline, the overdue first', async () => {
    app.setNow(new Date('2026-03-11T12:00:00Z'));
    await record('demo-client-clinic', 'paid'); // due an hour later, not overdue yet
    const now = new Date('2026-03-11T12:30:00Z');
    const rows = await listClientDeadlines(app.db, { id: 'demo-cs', roles: ['cs'] }, policy);
    expect(
      rows.map((r) => [r.client.id, r.next?.kind, r.next !== null && r.next.dueAt <= now]),
    ).toEqual([
      ['demo-client-bakery', 'contact', true],
      ['demo-client-clinic', 'contact', false],
    ]);
    await record('demo-client-bakery', 'contacted');
    const after = await listClientDeadlines(app.db, { id: 'demo-cs', roles: ['cs'] }, policy);
    expect(after.map((r) => r.client.id)).toEqual(['demo-client-clinic', 'demo-client-bakery']);
    expect(after[1]?.next).toBeNull();
  });
});
