import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policy } from '../../src/policy/index.ts';
import { loadTimelineAckPage } from '../../src/server/timeline/timeline-ack-page.ts';
import { DAY } from '../support/approvals.ts';
import { readJson, SAME_ORIGIN, TEST_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';
import {
  ackToken,
  addEntry,
  addEntryFile,
  answerByLink,
  mailTo,
  openTimelineApp,
  RITA,
  recipientOf,
  runTimelineNotices,
  writtenState,
} from '../support/timeline-ack.ts';

const LINK_DAYS = policy.timeline.acknowledgement.linkDays * DAY;

/**
 * The read-only personal link (#19): an entry that asks no acknowledgement — a monthly report,
 * a boleto — still reaches a contact who may not use the client space, through a link that
 * shows the entry and its files and takes no answer.
 */
describe.each(DRIVERS)('the read-only personal link (%s)', (driver) => {
  let app: TestApp;
  let start: Date;
  let token = '';

  beforeAll(async () => {
    app = await openTimelineApp(driver);
    start = app.deps.clock();
    // Rita may not use the client space (the demo contacts' default).
    await addEntry(
      app,
      {
        id: 'report-1',
        kind: 'monthly_report',
        title: 'Relatório de fevereiro',
        asksAcknowledgement: false,
      },
      [RITA],
    );
    await addEntryFile(app, 'report-1', 'report-pdf', 'RELATORIO-PDF');
    await runTimelineNotices(app);
    token = await ackToken(app, RITA.email, 'report-1');
  });
  afterAll(() => app.close());

  const load = () =>
    loadTimelineAckPage(app.db, policy, { token, ip: '198.51.100.8' }, app.deps.clock());

  it('e-mails a contact without the space the link to the entry and its files', async () => {
    const [mail] = await mailTo(app, RITA.email);
    expect(mail?.idempotencyKey).toBe(`timeline-notice:report-1:${RITA.id}`);
    expect(mail?.text).toContain(
      `Ver o registro e os arquivos: ${TEST_ORIGIN}/timeline-ack/${token}`,
    );
    expect(mail?.html).toContain(`href="${TEST_ORIGIN}/timeline-ack/${token}"`);
    const row = await recipientOf(app, 'report-1', RITA.id);
    expect(row?.tokenExpiresAt).toEqual(new Date(start.getTime() + LINK_DAYS));
    // Kept out of the reminders' index: there is nothing to remind of.
    expect(row?.readOnlyLink).toBe(true);
  });

  it('opens the entry and its files, with nothing to answer', async () => {
    const page = await load();
    if (page.refusal) throw new Error('refused');
    expect(page.acknowledgement.asks).toBe(false);
    expect(page.acknowledgement.entry.title).toBe('Relatório de fevereiro');
    expect(page.acknowledgement.files.map((file) => file.id)).toEqual(['report-pdf']);
    const file = await app.request(`/api/timeline-ack/${token}/files/report-pdf`);
    expect(file.status).toBe(200);
    expect(await file.text()).toContain('RELATORIO-PDF');
  });

  it('changes nothing on GET or HEAD', async () => {
    const before = await writtenState(app);
    await load();
    for (const method of ['GET', 'HEAD']) {
      for (const path of ['agree', 'observation'])
        expect((await app.request(`/api/timeline-ack/${token}/${path}`, { method })).status).toBe(
          404,
        );
      const file = await app.request(`/api/timeline-ack/${token}/files/report-pdf`, { method });
      expect(file.status).toBe(200);
    }
    expect(await writtenState(app)).toEqual(before);
  });

  it('refuses both answers as not asked, JSON or a plain form, with nothing written', async () => {
    const before = await writtenState(app);
    for (const body of [{}, { observation: 'Faltou o boleto' }]) {
      const response = await answerByLink(app, token, body);
      expect(response.status).toBe(404);
      expect((await readJson(response)).error.code).toBe('not_found');
    }
    const form = await app.request(`/api/timeline-ack/${token}/agree`, {
      method: 'POST',
      headers: {
        ...SAME_ORIGIN,
        Accept: 'text/html',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: '',
    });
    // The page has no form to go back to: a forged plain post gets the not-found page.
    expect(form.status).toBe(404);
    expect(form.headers.get('Location')).toBeNull();
    expect(await writtenState(app)).toEqual(before);
    expect((await recipientOf(app, 'report-1', RITA.id))?.respondedAt).toBeNull();
  });

  it('is never reminded: there is nothing to answer', async () => {
    app.setNow(new Date(start.getTime() + LINK_DAYS - 1));
    expect(await runTimelineNotices(app)).toEqual({ notified: 0, reminded: 0 });
    expect(await mailTo(app, RITA.email)).toHaveLength(1);
  });

  it('opens until the policy’s days, and from that instant says it expired', async () => {
    app.setNow(new Date(start.getTime() + LINK_DAYS - 1));
    expect((await load()).refusal).toBeNull();
    app.setNow(new Date(start.getTime() + LINK_DAYS));
    expect((await load()).refusal).toEqual({ problem: 'expired' });
    const file = await app.request(`/api/timeline-ack/${token}/files/report-pdf`);
    expect(file.status).toBe(410);
    expect(await file.text()).not.toContain('RELATORIO-PDF');
  });
});
