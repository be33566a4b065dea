import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outbox, users } from '../../db/schema/index.ts';
import { dispatchOutbox } from '../../src/server/mail/dispatch-outbox.ts';
import { createResendSender, type MailSender } from '../../src/server/mail/mail-sender.ts';
import { CLAIM_MS, queueMail } from '../../src/server/mail/outbox.ts';
import { MAX_SEND_ATTEMPTS } from '../../src/server/mail/retry-schedule.ts';
import { type MailCaptureServer, startMailCaptureServer } from '../support/mail-capture-server.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const mail = (key: string) => ({
  idempotencyKey: key,
  to: 'parceira@example.com',
  subject: 'Assunto',
  html: '<p>Olá</p>',
  text: 'Olá',
});

describe.each(DRIVERS)('e-mail outbox (%s)', (driver) => {
  let capture: MailCaptureServer;
  let app: TestApp;
  const T0 = new Date('2026-03-02T13:00:00.000Z');

  beforeAll(async () => {
    capture = await startMailCaptureServer();
  });
  afterAll(() => capture.close());
  beforeEach(async () => {
    capture.requests.length = 0;
    capture.delivered.length = 0;
    app = await createTestApp(driver, { mail: capture });
    app.setNow(T0);
  });
  afterEach(() => app.close());

  const dispatch = () =>
    dispatchOutbox({
      db: app.db,
      sender: app.deps.mailSender as MailSender,
      clock: app.deps.clock,
    });
  const row = async (key: string) =>
    (await app.db.select().from(outbox).where(eq(outbox.idempotencyKey, key)))[0];

  it('writes the message in the same batch as the change that causes it', async () => {
    await app.db.batch([
      app.db.insert(users).values({ id: 'u1', email: 'a@example.com', name: 'A', createdAt: T0 }),
      queueMail(app.db, mail('invite/u1'), T0),
    ]);
    expect(await row('invite/u1')).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('keeps neither the change nor the message when the batch fails', async () => {
    await app.db
      .insert(users)
      .values({ id: 'u1', email: 'a@example.com', name: 'A', createdAt: T0 });
    await expect(
      app.db.batch([
        queueMail(app.db, mail('invite/u2'), T0),
        // Same e-mail again: the unique index refuses it, so the whole batch rolls back.
        app.db.insert(users).values({ id: 'u2', email: 'a@example.com', name: 'B', createdAt: T0 }),
      ]),
    ).rejects.toThrow();
    expect(await row('invite/u2')).toBeUndefined();
  });

  it('queues the same event once, however many times it is queued', async () => {
    await queueMail(app.db, mail('invoice/1/received'), T0);
    await queueMail(app.db, mail('invoice/1/received'), T0);
    const rows = await app.db.select({ total: sql<number>`count(*)` }).from(outbox);
    expect(Number(rows[0]?.total)).toBe(1);
  });

  it('sends through the Resend SDK with the Idempotency-Key and marks the message sent', async () => {
    await queueMail(app.db, mail('welcome/u1'), T0);
    expect(await dispatch()).toEqual({ sent: 1, retrying: 0, dead: 0 });
    expect(capture.delivered).toHaveLength(1);
    const [request] = capture.delivered;
    expect(request?.path).toBe('/emails');
    expect(request?.headers['idempotency-key']).toBe('welcome/u1');
    expect(request?.headers.authorization).toBe('Bearer re_test');
    expect(request?.body).toMatchObject({
      to: 'parceira@example.com',
      subject: 'Assunto',
      text: 'Olá',
    });
    expect(await row('welcome/u1')).toMatchObject({ status: 'sent', attempts: 1 });
    expect(await dispatch()).toEqual({ sent: 0, retrying: 0, dead: 0 });
  });

  it('retries after a 429, not before the Retry-After the provider asked for', async () => {
    await queueMail(app.db, mail('k429'), T0);
    capture.answerNext({ status: 429, headers: { 'retry-after': '600' } });
    expect(await dispatch()).toEqual({ sent: 0, retrying: 1, dead: 0 });
    const waiting = await row('k429');
    expect(waiting?.status).toBe('pending');
    expect(waiting?.nextAttemptAt.getTime()).toBe(T0.getTime() + 600_000);

    app.setNow(new Date(T0.getTime() + 599_000));
    expect(await dispatch()).toEqual({ sent: 0, retrying: 0, dead: 0 });
    app.setNow(new Date(T0.getTime() + 600_000));
    expect(await dispatch()).toEqual({ sent: 1, retrying: 0, dead: 0 });
    expect(capture.delivered).toHaveLength(1);
  });

  it('backs off exponentially on 500s and marks the message dead after the last attempt', async () => {
    await queueMail(app.db, mail('k500'), T0);
    let now = T0.getTime();
    for (let attempt = 1; attempt <= MAX_SEND_ATTEMPTS; attempt++) {
      capture.answerNext({ status: 500 });
      const report = await dispatch();
      const current = await row('k500');
      if (attempt < MAX_SEND_ATTEMPTS) {
        expect(report.retrying).toBe(1);
        expect(current?.nextAttemptAt.getTime()).toBe(now + 30_000 * 2 ** (attempt - 1));
        now = current?.nextAttemptAt.getTime() ?? now;
        app.setNow(new Date(now));
      } else {
        expect(report.dead).toBe(1);
        expect(current).toMatchObject({ status: 'dead', attempts: MAX_SEND_ATTEMPTS });
        expect(current?.lastError).toContain('500');
      }
    }
    expect(capture.delivered).toHaveLength(0);
  });

  it('does not retry a refusal that will never succeed (4xx other than 429)', async () => {
    await queueMail(app.db, mail('k422'), T0);
    capture.answerNext({ status: 422 });
    expect(await dispatch()).toEqual({ sent: 0, retrying: 0, dead: 1 });
  });

  it('treats a provider that does not answer in time as a passing failure', async () => {
    await queueMail(app.db, mail('slow'), T0);
    const impatient = createResendSender({
      apiKey: 're_test',
      from: 'Ponte <ponte@example.com>',
      baseUrl: capture.url,
      timeoutMs: 100,
    });
    capture.answerNext({ status: 200, delayMs: 400 });
    const report = await dispatchOutbox({ db: app.db, sender: impatient, clock: app.deps.clock });
    expect(report).toEqual({ sent: 0, retrying: 1, dead: 0 });
    // The slow request did reach the provider; the retry reuses its key, so it lands once.
    app.setNow(new Date(T0.getTime() + 60_000));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await dispatch()).toEqual({ sent: 1, retrying: 0, dead: 0 });
    expect(capture.delivered).toHaveLength(1);
  });

  it('delivers every message exactly once after the provider was down, then slow, then limiting', async () => {
    for (let i = 0; i < 6; i++) await queueMail(app.db, mail(`outage/${i}`), T0);
    // Down: nothing listens where the provider should be.
    const unreachable = createResendSender({
      apiKey: 're_test',
      from: 'Ponte <ponte@example.com>',
      baseUrl: 'http://127.0.0.1:9',
      timeoutMs: 200,
    });
    expect(
      await dispatchOutbox({ db: app.db, sender: unreachable, clock: app.deps.clock }),
    ).toEqual({ sent: 0, retrying: 6, dead: 0 });
    // Back, but answering 429 and slowly for a while.
    capture.answerNext({ status: 429, headers: { 'retry-after': '1' } });
    capture.answerNext({ status: 429, headers: { 'retry-after': '1' } });
    capture.answerNext({ status: 200, delayMs: 50 });
    for (let minute = 1; minute <= 30; minute++) {
      app.setNow(new Date(T0.getTime() + minute * 60 * 60_000));
      await dispatch();
    }
    const keys = capture.delivered.map((r) => String(r.headers['idempotency-key']));
    expect(keys.sort()).toEqual(Array.from({ length: 6 }, (_, i) => `outage/${i}`).sort());
    const rows = await app.db.select().from(outbox);
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
  });

  it('never lets two dispatchers running at once send the same message', async () => {
    for (let i = 0; i < 10; i++) await queueMail(app.db, mail(`bulk/${i}`), T0);
    const reports = await Promise.all([dispatch(), dispatch(), dispatch()]);
    expect(reports.reduce((sum, report) => sum + report.sent, 0)).toBe(10);
    expect(capture.requests).toHaveLength(10);
  });

  it('takes over a message whose dispatcher died mid-send, without delivering it twice', async () => {
    await queueMail(app.db, mail('crash'), T0);
    // A dispatcher claimed it and reached the provider, then died before recording the result.
    await app.db
      .update(outbox)
      .set({ status: 'sending', attempts: 1, claimedUntil: new Date(T0.getTime() + CLAIM_MS) });
    await (app.deps.mailSender as MailSender).send(mail('crash'));
    expect(await dispatch()).toEqual({ sent: 0, retrying: 0, dead: 0 });
    app.setNow(new Date(T0.getTime() + CLAIM_MS));
    expect(await dispatch()).toEqual({ sent: 1, retrying: 0, dead: 0 });
    expect(capture.requests).toHaveLength(2);
    expect(capture.delivered).toHaveLength(1);
  });
});
