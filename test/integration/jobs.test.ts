import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { events, invoices } from '../../db/schema/index.ts';
import { seedDemoAgency } from '../../db/seed.ts';
import { dueJobs, jobs, runJobs } from '../../functions/jobs/index.ts';
import { ORPHAN_GRACE_MS } from '../../src/server/files/sweep-orphan-files.ts';
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
    // 13:00 on the hour: the hourly sweep runs too.
    expect(await runJobs(app.deps)).toEqual({
      'deadline-notices': { queued: 0 },
      'refresh-client-deadlines': { refreshed: 0 },
      'approval-reminders': { reminded: 0 },
      'internal-review-notices': { reminded: 0, escalated: 0 },
      'contact-notifications': { mailed: 0, digests: 0, skipped: 0 },
      'request-triage-notices': { reminded: 0, escalated: 0 },
      'report-deadline-notices': { month: '2026-02', reminded: 0, escalated: 0 },
      'timeline-notices': { notified: 0, reminded: 0 },
      'cost-check-notices': { reminded: 0, escalated: 0 },
      'satisfaction-surveys': { asked: 0, throttled: 0, deferred: 0 },
      'dispatch-outbox': { sent: 1, retrying: 0, dead: 0 },
      'sweep-orphan-files': { checked: 0, deleted: 0 },
      // 2 March: October to January are due to close (February on the 6th), three a run.
      'close-scorecard-months': { closed: 3, waiting: 1 },
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

  it('runs the hourly jobs (the sweep, closing scorecard months) only on the hour when the cron fires', () => {
    expect(dueJobs(new Date('2026-03-02T13:00:00Z'))).toEqual([
      'deadline-notices',
      'refresh-client-deadlines',
      'approval-reminders',
      'internal-review-notices',
      'contact-notifications',
      'request-triage-notices',
      'report-deadline-notices',
      'timeline-notices',
      'cost-check-notices',
      'satisfaction-surveys',
      'dispatch-outbox',
      'sweep-orphan-files',
      'close-scorecard-months',
    ]);
    expect(dueJobs(new Date('2026-03-02T13:01:00Z'))).toEqual([
      'deadline-notices',
      'refresh-client-deadlines',
      'approval-reminders',
      'internal-review-notices',
      'contact-notifications',
      'request-triage-notices',
      'report-deadline-notices',
      'timeline-notices',
      'cost-check-notices',
      'satisfaction-surveys',
      'dispatch-outbox',
    ]);
  });

  it('sweeps stored files nothing points at, once past the grace period, and keeps the rest', async () => {
    await seedDemoAgency(app.db, app.deps.clock());
    const kept = await app.files.put(
      'invoices/2026-03/kept',
      new TextEncoder().encode('%PDF-1.7'),
      'application/pdf',
    );
    const orphan = await app.files.put(
      'invoices/2026-03/orphan',
      new TextEncoder().encode('%PDF-1.7 x'),
      'application/pdf',
    );
    const stray = await app.files.put(
      'onboarding/2026-03/stray',
      new TextEncoder().encode('x'),
      'text/plain',
    );
    const replaced = await app.files.put(
      'invoices/2026-03/replaced',
      new TextEncoder().encode('%PDF-1.7 old'),
      'application/pdf',
    );
    // A correction's audit event points at the PDF it replaced.
    await app.db.insert(events).values({
      occurredAt: new Date(),
      actorId: 'demo-paid',
      action: 'invoice_corrected',
      subjectType: 'invoice',
      subjectId: 'inv-1',
      ip: null,
      data: { previousFileKey: replaced.key },
    });
    await app.db.insert(invoices).values({
      id: 'inv-1',
      partnerId: 'demo-paid',
      competenceMonth: '2026-02',
      submittedMonth: '2026-03',
      number: '1',
      issueDate: '2026-02-27',
      amountMinor: 100,
      currency: 'BRL',
      fileKey: kept.key,
      fileName: 'a.pdf',
      fileSize: 8,
      fileSha256: kept.sha256,
      paymentDueOn: '2026-03-31',
      submittedAt: new Date(),
      updatedAt: new Date(),
    });
    // Within the grace period nothing is touched, even an orphan.
    app.setNow(new Date());
    expect(await runJobs(app.deps, ['sweep-orphan-files'])).toEqual({
      'sweep-orphan-files': { checked: 4, deleted: 0 },
    });
    app.setNow(new Date(Date.now() + ORPHAN_GRACE_MS + 60_000));
    expect(await runJobs(app.deps, ['sweep-orphan-files'])).toEqual({
      'sweep-orphan-files': { checked: 4, deleted: 2 },
    });
    expect(await app.bucket.head(kept.key)).not.toBeNull();
    expect(await app.bucket.head(replaced.key)).not.toBeNull();
    expect(await app.bucket.head(orphan.key)).toBeNull();
    expect(await app.bucket.head(stray.key)).toBeNull();
  });
});
