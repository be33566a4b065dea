import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientContacts,
  clientMilestones,
  clientRequests,
  clients,
  outbox,
  pieces,
  satisfactionSurveys,
} from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { sendSatisfactionSurveys } from '../../src/server/satisfaction/send-surveys.ts';
import { readSurveyCandidates } from '../../src/server/satisfaction/survey-triggers.ts';
import { asClient, openSentPiece } from '../support/approvals.ts';
import { insertOpenedRequest } from '../support/client-requests.ts';
import { insertSurvey } from '../support/satisfaction.ts';
import { TEST_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const DAY = 86_400_000;
const INTERVAL = policy.satisfaction.minDaysBetweenAsks * DAY;

/** The surveys stored for a contact, oldest first. */
const surveysOf = (app: TestApp, contactId: string) =>
  app.db
    .select()
    .from(satisfactionSurveys)
    .where(eq(satisfactionSurveys.contactId, contactId))
    .orderBy(satisfactionSurveys.createdAt);

/** The newest survey e-mail to an address. */
async function surveyMailTo(app: TestApp, to: string) {
  const [mail] = await app.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.toAddress, to), sql`${outbox.idempotencyKey} like 'satisfaction:%'`))
    .orderBy(sql`rowid desc`)
    .limit(1);
  return mail;
}

describe.each(DRIVERS)('the satisfaction job (%s)', (driver) => {
  let app: TestApp;
  let pieceId: string;
  let sentTokens: { rita: string; joao: string };
  const run = () => sendSatisfactionSurveys(app.db, policy, app.deps.clock(), TEST_ORIGIN);

  beforeAll(async () => {
    const sent = await openSentPiece(driver);
    app = sent.app;
    pieceId = sent.pieceId;
    sentTokens = { rita: sent.rita, joao: sent.joao };
  });
  afterAll(() => app.close());

  it('finds the recent approvals by index, not by reading every round', async () => {
    const reads = readSurveyCandidates(app.db, app.deps.clock());
    for (const read of [reads[1], reads[2]]) {
      const plan = await app.db.all<{ detail: string }>(sql`explain query plan ${read.getSQL()}`);
      const details = plan.map((row) => row.detail);
      expect(
        details.some((d) => /approval_rounds USING INDEX approval_rounds_closed_idx/.test(d)),
      ).toBe(true);
      expect(details.filter((d) => /^SCAN approval_rounds/.test(d))).toEqual([]);
    }
  });

  it('asks nobody while nothing was delivered', async () => {
    expect(await run()).toEqual({ asked: 0, throttled: 0, deferred: 0 });
  });

  it('after a piece is approved and its request done: the request’s contact about the request, the other about the piece', async () => {
    const [piece] = await app.db.select().from(pieces).where(eq(pieces.id, pieceId));
    // Rita asked for the project in the client space; it is the request's result.
    const requestId = await insertOpenedRequest(app, { status: 'authorized', title: 'Verão' });
    await app.db
      .update(clientRequests)
      .set({ resultProjectId: piece?.projectId })
      .where(eq(clientRequests.id, requestId));
    for (const token of [sentTokens.rita, sentTokens.joao])
      expect((await asClient(app, token, '/decision', { decision: 'approved' })).status).toBe(200);
    expect(await run()).toEqual({ asked: 2, throttled: 0, deferred: 0 });
    const [rita] = await surveysOf(app, 'demo-contact-bakery-owner');
    const [joao] = await surveysOf(app, 'demo-contact-bakery-marketing');
    expect(rita).toMatchObject({ trigger: 'request_done', subjectId: requestId });
    expect(joao).toMatchObject({ trigger: 'piece_approved', clientId: 'demo-client-bakery' });
    const mail = await surveyMailTo(app, 'joao@paoquente.example');
    expect(mail?.subject).toMatch(/Uma pergunta/);
    expect(mail?.html).toContain('Post de lançamento');
    expect(mail?.html).toMatch(/\/satisfaction\/[a-z2-7]{32}\?score=5/);
    expect(mail?.html).toMatch(
      /\/satisfaction\/[a-z2-7]{32}\/void" rel="nofollow" aria-hidden="true"/,
    );
    // The e-mailed token is the stored one's: only its hash is kept.
    expect(mail?.html).not.toContain(joao?.tokenHash);
    // Running again asks no one twice (Rita's piece and request, João's piece: all throttled).
    expect(await run()).toEqual({ asked: 0, throttled: 3, deferred: 0 });
    expect(await surveysOf(app, 'demo-contact-bakery-marketing')).toHaveLength(1);
  });

  it('at the 7-day check-in, every contact of the client, each in their language', async () => {
    await app.db.insert(clientMilestones).values({
      clientId: 'demo-client-clinic',
      kind: 'checked_in',
      occurredAt: app.deps.clock(),
      recordedBy: 'demo-cs',
    });
    const asked = await run();
    expect(asked.asked).toBe(2);
    expect((await surveyMailTo(app, 'igor@sorrisoleve.example'))?.subject).toMatch(/Один вопрос/);
    expect((await surveyMailTo(app, 'marina@sorrisoleve.example'))?.subject).toMatch(
      /Uma pergunta/,
    );
  });

  it('asks a contact again exactly when the interval has passed, not a millisecond before', async () => {
    const later = app.deps.clock().getTime() + 30 * DAY;
    app.setNow(new Date(later));
    // A check-in of the bakery now; Rita was last asked just inside the interval, João just outside.
    await insertSurvey(app, {
      contactId: 'demo-contact-bakery-owner',
      trigger: 'piece_approved',
      createdAt: new Date(later - INTERVAL + 1),
    });
    await insertSurvey(app, {
      contactId: 'demo-contact-bakery-marketing',
      trigger: 'piece_approved',
      createdAt: new Date(later - INTERVAL),
    });
    await app.db.insert(clientMilestones).values({
      clientId: 'demo-client-bakery',
      kind: 'checked_in',
      occurredAt: new Date(later - DAY),
      recordedBy: 'demo-cs',
    });
    expect(await run()).toEqual({ asked: 1, throttled: 1, deferred: 0 });
    const joao = await surveysOf(app, 'demo-contact-bakery-marketing');
    expect(joao.at(-1)).toMatchObject({ trigger: 'check_in', subjectId: 'demo-client-bakery' });
    // Rita's newest is still the one asked just inside the interval.
    const rita = await surveysOf(app, 'demo-contact-bakery-owner');
    expect(rita.at(-1)).toMatchObject({
      trigger: 'piece_approved',
      createdAt: new Date(later - INTERVAL + 1),
    });
  });

  it('two runs at once ask each contact once', async () => {
    const now = app.deps.clock();
    await app.db.batch([
      app.db
        .insert(clients)
        .values({ id: 'florist', name: 'Floricultura', csUserId: 'demo-cs', createdAt: now }),
      app.db.insert(clientContacts).values(
        ['ana', 'bia'].map((name) => ({
          id: `florist-${name}`,
          clientId: 'florist',
          name,
          email: `${name}@flores.example`,
          createdAt: now,
        })),
      ),
      app.db
        .insert(clientMilestones)
        .values({ clientId: 'florist', kind: 'checked_in', occurredAt: now }),
    ]);
    // On a local file a run may meet another's write lock (SQLITE_BUSY): the cron runs the
    // job again, and the guards keep it from asking twice either way.
    const runs = await Promise.allSettled([run(), run(), run()]);
    for (const failed of runs.filter((r) => r.status === 'rejected'))
      expect(String(failed.reason?.cause?.code ?? failed.reason?.code)).toMatch(/SQLITE_BUSY/);
    expect(runs.some((r) => r.status === 'fulfilled' && r.value.asked > 0)).toBe(true);
    expect((await run()).asked).toBe(0);
    const florist = await app.db
      .select()
      .from(satisfactionSurveys)
      .where(eq(satisfactionSurveys.clientId, 'florist'));
    expect(florist.map((s) => s.contactId).sort()).toEqual(['florist-ana', 'florist-bia']);
    const mails = await app.db
      .select()
      .from(outbox)
      .where(sql`${outbox.toAddress} like '%@flores.example'`);
    expect(mails).toHaveLength(2);
  });
});
