import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientMilestones, clients } from '../../db/schema/index.ts';
import { runJobs } from '../../functions/jobs/index.ts';
import { policy, zonedTimeToInstant } from '../../src/policy/index.ts';
import { listClientDeadlines } from '../../src/server/deadlines/client-pipeline.ts';
import { PIPELINE_STAGES } from '../../src/server/deadlines/deadline-rules.ts';
import { pipelineRulesKey } from '../../src/server/deadlines/pipeline-rules-key.ts';
import { keepPipelineDue } from '../../src/server/deadlines/stored-deadline.ts';
import { postJson, seedPeople, signIn } from '../support/sign-in.ts';
import { readStoredPipelineDue } from '../support/stored-deadline.ts';
import { createTestApp, readJson, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

// Tuesday 10 March 2026, 14:00 in São Paulo: a business day, during business hours.
const PAID_AT = new Date('2026-03-10T17:00:00Z');
const HOUR = 3_600_000;
const KEY = pipelineRulesKey(policy);
const closingOn = (day: string) =>
  zonedTimeToInstant(day, policy.businessHours.closesAt, policy.agency.timeZone);

describe.each(DRIVERS)('each client’s next pipeline deadline, stored (%s)', (driver) => {
  let app: TestApp;
  let cs: string;
  beforeAll(async () => {
    app = await createTestApp(driver);
    app.setNow(PAID_AT);
    await seedPeople(app);
    cs = await signIn(app, 'cs@ponte.example');
  });
  afterAll(() => app.close());

  const stored = (clientId: string) => readStoredPipelineDue(app.db, clientId);
  const record = (clientId: string, stage: string) =>
    app.request(`/api/clients/${clientId}/stages`, postJson({ stage }, { cookie: cs }));
  const clientForm = (name: string, serviceEndsOn: string | null) => ({
    name,
    csUserId: 'demo-cs',
    segment: '',
    serviceStartsOn: '',
    serviceEndsOn: serviceEndsOn ?? '',
    groupChatUrl: '',
    chatWebhookUrl: '',
  });

  it('stores none, with the current key, for a client just registered', async () => {
    const created = await app.request(
      '/api/clients',
      postJson(clientForm('Padaria Nova', '2026-12-31'), { cookie: cs }),
    );
    expect(created.status).toBe(200);
    const { id } = (await readJson(created)) as { id: string };
    expect(await stored(id)).toEqual({ dueAt: null, kind: null, key: KEY });
  });

  it('stores the next deadline when a stage is recorded, and the next one when it is met', async () => {
    app.setNow(PAID_AT);
    expect((await record('demo-client-bakery', 'paid')).status).toBe(200);
    // Paid at 14:00 on a business day: contact within the policy's 60 minutes.
    expect(await stored('demo-client-bakery')).toEqual({
      dueAt: new Date(PAID_AT.getTime() + HOUR),
      kind: 'contact',
      key: KEY,
    });
    app.setNow(new Date(PAID_AT.getTime() + 30 * 60_000));
    await record('demo-client-bakery', 'contacted');
    expect(await stored('demo-client-bakery')).toEqual({ dueAt: null, kind: null, key: KEY });
    const received = new Date(PAID_AT.getTime() + 24 * HOUR);
    app.setNow(received);
    await record('demo-client-bakery', 'questionnaire_received');
    expect(await stored('demo-client-bakery')).toMatchObject({
      dueAt: new Date(received.getTime() + policy.newClientDeadlines.strategyWithinHours * HOUR),
      kind: 'strategy',
    });
    // A second record of a stage changes neither the stage nor the stored deadline.
    app.setNow(new Date(received.getTime() + HOUR));
    await record('demo-client-bakery', 'questionnaire_received');
    expect((await stored('demo-client-bakery'))?.dueAt).toEqual(
      new Date(received.getTime() + policy.newClientDeadlines.strategyWithinHours * HOUR),
    );
  });

  it('moves the stored renewal deadline when the service end date is edited', async () => {
    const clinic = 'demo-client-clinic';
    const launchedAt = new Date('2026-03-02T13:00:00Z');
    await app.db.delete(clientMilestones).where(eq(clientMilestones.clientId, clinic));
    await app.db.insert(clientMilestones).values(
      // Every stage up to the check-in: only the renewal is left.
      PIPELINE_STAGES.slice(0, PIPELINE_STAGES.indexOf('checked_in') + 1).map((kind) => ({
        clientId: clinic,
        kind,
        occurredAt: launchedAt,
      })),
    );
    const edit = (serviceEndsOn: string | null) =>
      app.request(
        `/api/clients/${clinic}`,
        postJson(clientForm('Clínica', serviceEndsOn), { cookie: cs }),
      );
    expect((await edit('2026-06-30')).status).toBe(200);
    // The renewal contact: 3 days before the end, at the policy's closing time.
    expect(await stored(clinic)).toEqual({
      dueAt: closingOn('2026-06-27'),
      kind: 'renewal',
      key: KEY,
    });
    await edit('2026-09-30');
    expect((await stored(clinic))?.dueAt).toEqual(closingOn('2026-09-27'));
    await edit(null);
    expect(await stored(clinic)).toEqual({ dueAt: null, kind: null, key: KEY });
  });

  it('marks the row stale when the stages changed behind the writer, never storing a wrong value', async () => {
    // A stage written by someone else after the writer read the stages (here: straight into
    // the table, as a concurrent request would) leaves the stored value to be computed again.
    const bakery = 'demo-client-bakery';
    await app.db
      .insert(clientMilestones)
      .values({ clientId: bakery, kind: 'strategy_agreed', occurredAt: app.deps.clock() });
    await app.db.update(clients).set({ pipelineRulesKey: KEY }).where(eq(clients.id, bakery));
    const before = await stored(bakery);
    const [{ serviceEndsOn = null } = {}] = await app.db
      .select({ serviceEndsOn: clients.serviceEndsOn })
      .from(clients)
      .where(eq(clients.id, bakery));
    // What the writer saw: only paid (a stale read), with the service end as it is.
    await app.db.batch(
      keepPipelineDue(app.db, { id: bakery, serviceEndsOn }, { paid: PAID_AT }, policy),
    );
    expect(await stored(bakery)).toEqual({ ...before, key: null });
    // The refresh job stores it again, from the stages as they are.
    const outcome = await runJobs(app.deps, ['refresh-client-deadlines']);
    expect(outcome['refresh-client-deadlines']).toMatchObject({ refreshed: expect.any(Number) });
    expect(await stored(bakery)).toMatchObject({ kind: 'launch', key: KEY });
  });

  it('ends right when two people record stages of one client at once', async () => {
    const created = await app.request(
      '/api/clients',
      postJson(clientForm('Dois ao mesmo tempo', null), { cookie: cs }),
    );
    const { id } = (await readJson(created)) as { id: string };
    app.setNow(PAID_AT);
    const answers = await Promise.all([record(id, 'paid'), record(id, 'questionnaire_received')]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    // Whatever order the two batches ran in, the list shows the deadline the stages give:
    // the contact, an hour after payment (before the strategy, 24 h after the questionnaire).
    const contactDue = new Date(PAID_AT.getTime() + HOUR);
    const listed = await listClientDeadlines(app.db, { id: 'demo-cs', roles: ['cs'] }, policy);
    expect(listed.find((row) => row.client.id === id)?.next).toEqual({
      kind: 'contact',
      dueAt: contactDue,
      done: false,
    });
    // Stored right, or marked stale and stored right by the job: never a wrong value kept.
    const now = await stored(id);
    if (now?.key === KEY) expect(now).toMatchObject({ kind: 'contact', dueAt: contactDue });
    await runJobs(app.deps, ['refresh-client-deadlines']);
    expect(await stored(id)).toEqual({ dueAt: contactDue, kind: 'contact', key: KEY });
  });
});
