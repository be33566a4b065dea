import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactNotifications, events, projects } from '../../db/schema/index.ts';
import { insertOpenedRequest, readRequest, triage } from '../support/client-requests.ts';
import { signIn } from '../support/sign-in.ts';
import { openAppWithOtherCs } from '../support/teams.ts';
import { readJson, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

/** A double click, and two people triaging the same request at once: one wins, told clearly. */
describe.each(DRIVERS)('request triage races (%s)', (driver) => {
  let app: TestApp;
  let cs: string;
  let admin: string;
  const eventsOf = async (id: string) =>
    (await app.db.select().from(events).where(eq(events.subjectId, id))).map((e) => e.action);

  beforeAll(async () => {
    ({ app, cs } = await openAppWithOtherCs(driver));
    admin = await signIn(app, 'admin@ponte.example');
  });
  afterAll(() => app.close());

  it('ten authorizations at once (CS and an admin): one project, the others a clear 409', async () => {
    const id = await insertOpenedRequest(app);
    const before = (await app.db.select().from(projects)).length;
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => triage(app, i % 2 ? cs : admin, id, 'authorize')),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
    const refusal = await readJson(answers.find((a) => a.status === 409) as Response);
    expect(['conflict', 'wrong_status']).toContain(refusal.error.code);
    expect((await app.db.select().from(projects)).length).toBe(before + 1);
    expect(await eventsOf(id)).toEqual(['client_request_authorize']);
    const news = await app.db
      .select()
      .from(contactNotifications)
      .where(eq(contactNotifications.subjectId, id));
    expect(news).toHaveLength(1);
  });

  it('authorize and decline at once: one of them, and the request says which', async () => {
    const id = await insertOpenedRequest(app);
    const [authorized, declined] = await Promise.all([
      triage(app, cs, id, 'authorize'),
      triage(app, admin, id, 'decline', { reason: 'Sem verba este mês' }),
    ]);
    expect([authorized.status, declined.status].sort()).toEqual([200, 409]);
    const request = await readRequest(app, id);
    if (authorized.status === 200) {
      expect(request.status).toBe('authorized');
      expect(request.declineReason).toBeNull();
    } else {
      expect(request.status).toBe('declined');
      expect(request.resultProjectId).toBeNull();
    }
    expect(await eventsOf(id)).toHaveLength(1);
  });

  it('two questions at once: one goes to the conversation', async () => {
    const id = await insertOpenedRequest(app);
    const answers = await Promise.all([
      triage(app, cs, id, 'ask', { message: 'Qual o prazo?' }),
      triage(app, admin, id, 'ask', { message: 'Qual o formato?' }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(await eventsOf(id)).toEqual(['client_request_ask']);
  });
});
