import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clients, outbox } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { sendReportDeadlineNotices } from '../../src/server/timeline/report-deadline-notices.ts';
import { addServiceClient } from '../support/report-deadline.ts';
import { seedPeople } from '../support/sign-in.ts';
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

/**
 * A client's name is typed (a JSON post may carry CR/LF): the report reminder's subject,
 * like every e-mail's (composeMail), stays one header line.
 */
describe.each(DRIVERS)('the report reminder’s subject (%s)', (driver) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(driver);
    await seedPeople(app);
    await addServiceClient(app, { id: 'crlf', starts: '2026-01-05' });
    await app.db
      .update(clients)
      .set({ name: 'Padaria\r\nBcc: x@evil.example' })
      .where(eq(clients.id, 'crlf'));
  });
  afterAll(() => app.close());

  it('turns a CR/LF in the client’s name into a space', async () => {
    // February's reminder, from the 3rd business day of March (Wednesday the 4th, 10:00).
    await sendReportDeadlineNotices(
      app.db,
      policy,
      new Date('2026-03-04T11:00:00-03:00'),
      TEST_ORIGIN,
    );
    const mails = (await app.db.select().from(outbox)).filter((m) =>
      m.idempotencyKey.startsWith('monthly-report-reminder:crlf:'),
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).not.toMatch(/[\r\n]/);
    expect(mails[0]?.subject).toContain('Padaria Bcc: x@evil.example');
  });
});
