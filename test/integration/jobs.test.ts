import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { jobs, runJobs } from '../../functions/jobs/index.ts';
import { queueMail } from '../../src/server/mail/outbox.ts';
import { type MailCaptureServer, startMailCaptureServer } from '../support/mail-capture-server.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const message = {
  idempotencyKey: 'job/1',
  to: 'cs@ponte.example',
  subject: 'Oi',
  html: '<p>Oi</p>',
  text: 'Oi',
};

describe.each(DRIVERS)('scheduled jobs (%s)', (driver) => {
  let capture: MailCaptureServer;
  let app: TestApp;
  beforeAll(async () => {
    capture = await startMailCaptureServer();
  });
  afterAll(() => capture.close());
  beforeEach(async () => {
    app = await createTestApp(driver, { mail: capture });
  });
  afterEach(() => app.close());

  it('dispatches the outbox when run, and does nothing more when run again', async () => {
    await queueMail(app.db, message, app.deps.clock());
    expect(await runJobs(app.deps)).toEqual({
      'dispatch-outbox': { sent: 1, retrying: 0, dead: 0 },
    });
    expect(await runJobs(app.deps, ['dispatch-outbox'])).toEqual({
      'dispatch-outbox': { sent: 0, retrying: 0, dead: 0 },
    });
    expect(capture.delivered.filter((r) => r.headers['idempotency-key'] === 'job/1')).toHaveLength(
      1,
    );
  });

  it('leaves messages queued in development, when there is no e-mail provider', async () => {
    await queueMail(app.db, message, app.deps.clock());
    const outcome = await jobs['dispatch-outbox']?.({ ...app.deps, mailSender: null });
    expect(outcome).toEqual({ skipped: 'no RESEND_API_KEY' });
  });

  it('reports a failing or unknown job without stopping the others', async () => {
    const broken = { ...app.deps, db: undefined as never };
    const outcomes = await runJobs(broken, ['dispatch-outbox', 'no-such-job']);
    expect(outcomes['dispatch-outbox']).toMatchObject({ error: expect.any(String) });
    expect(outcomes['no-such-job']).toEqual({ error: 'unknown job' });
  });
});
