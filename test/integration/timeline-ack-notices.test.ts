import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientContacts, outbox } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { openAcknowledgementByToken } from '../../src/server/timeline/timeline-ack-open.ts';
import {
  NOTICES_PER_RUN,
  sendTimelineNotices,
} from '../../src/server/timeline/timeline-notices.ts';
import { DAY } from '../support/approvals.ts';
import { TEST_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';
import {
  ackToken,
  addEntry,
  answerByLink,
  CLINIC,
  IGOR,
  JOAO,
  MARINA,
  mailTo,
  openTimelineApp,
  RITA,
  recipientOf,
  runTimelineNotices,
} from '../support/timeline-ack.ts';

const REMIND_AFTER = policy.timeline.acknowledgement.reminderAfterDays * DAY;

/** The timeline's e-mails (#19): each chosen contact told once, asked ones reminded once. */
describe.each(DRIVERS)('the timeline notices job (%s)', (driver) => {
  let app: TestApp;
  let start: Date;
  const at = (ms: number) => app.setNow(new Date(start.getTime() + ms));

  beforeAll(async () => {
    app = await openTimelineApp(driver);
    start = app.deps.clock();
    // João may use the client space; Rita may not.
    await app.db
      .update(clientContacts)
      .set({ mayUseSpace: true })
      .where(eq(clientContacts.id, JOAO.id));
    await addEntry(app, { id: 'minutes-1', title: 'Reunião de fevereiro' }, [RITA, JOAO]);
    await addEntry(
      app,
      { id: 'note-1', kind: 'note', title: 'Aviso de férias', asksAcknowledgement: false },
      [RITA, JOAO],
    );
    await addEntry(app, { id: 'internal-1', visibility: 'internal', title: 'SEGREDO interno' }, [
      RITA,
    ]);
    await addEntry(app, { id: 'clinic-1', clientId: CLINIC, title: 'Decisão de verba' }, [IGOR]);
  });
  afterAll(() => app.close());

  it('e-mails each chosen contact of a client-visible entry once, with the right link', async () => {
    expect(await runTimelineNotices(app)).toEqual({ notified: 5, reminded: 0 });
    const rita = await mailTo(app, RITA.email);
    expect(rita.map((mail) => mail.idempotencyKey).sort()).toEqual([
      'timeline-notice:minutes-1:demo-contact-bakery-owner',
      'timeline-notice:note-1:demo-contact-bakery-owner',
    ]);
    const ritaAsk = rita.find((mail) => mail.idempotencyKey.includes('minutes-1'));
    expect(ritaAsk?.subject).toContain('Reunião de fevereiro');
    expect(ritaAsk?.text).toMatch(/\/timeline-ack\/[a-z2-7]{32}/);
    // A note asks nothing: Rita, outside the space, still gets a personal link (to read the
    // entry and its files), and so does João, who may use the space.
    const ritaNote = rita.find((mail) => mail.idempotencyKey.includes('note-1'));
    expect(ritaNote?.text).toMatch(new RegExp(`${TEST_ORIGIN}/timeline-ack/[a-z2-7]{32}`));
    expect(ritaNote?.text).toContain('Ver o registro e os arquivos');
    expect(ritaNote?.text).not.toContain('Ler e responder');
    const joaoNote = (await mailTo(app, JOAO.email)).find((m) =>
      m.idempotencyKey.includes('note-1'),
    );
    expect(joaoNote?.text).toMatch(/\/timeline-ack\/[a-z2-7]{32}/);
    // Every recipient's link hash is kept, with the policy's expiry; every recipient told.
    const linkDays = policy.timeline.acknowledgement.linkDays * DAY;
    for (const entryId of ['minutes-1', 'note-1']) {
      const row = await recipientOf(app, entryId, RITA.id);
      expect(row?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect(row?.tokenExpiresAt).toEqual(new Date(start.getTime() + linkDays));
      expect(row?.notifiedAt).toEqual(start);
    }
    const noteToken = await ackToken(app, RITA.email, 'note-1');
    expect((await openAcknowledgementByToken(app.db, noteToken))?.asks).toBe(false);
  });

  it('never e-mails an internal entry', async () => {
    const all = await app.db.select().from(outbox);
    expect(all.some((mail) => mail.idempotencyKey.includes('internal-1'))).toBe(false);
    expect(JSON.stringify(all)).not.toContain('SEGREDO');
    expect((await recipientOf(app, 'internal-1', RITA.id))?.notifiedAt).toBeNull();
  });

  it('writes in the contact’s own language', async () => {
    const [igor] = await mailTo(app, IGOR.email);
    expect(igor?.subject).toBe('Просим подтвердить: Decisão de verba');
    expect(igor?.html).toContain('lang="ru"');
  });

  it('sends nothing more on a second run, nor on two runs at once', async () => {
    const before = (await app.db.select().from(outbox)).length;
    expect(await runTimelineNotices(app)).toEqual({ notified: 0, reminded: 0 });
    await addEntry(app, { id: 'minutes-2', clientId: CLINIC, title: 'Ata de março' }, [
      MARINA,
      IGOR,
    ]);
    const runs = await Promise.all([
      sendTimelineNotices(app.db, policy, app.deps.clock(), TEST_ORIGIN),
      sendTimelineNotices(app.db, policy, app.deps.clock(), TEST_ORIGIN),
    ]);
    expect(runs.map((run) => run.notified).sort()).toEqual(
      runs.some((run) => run.notified === 0) ? [0, 2] : [2, 2],
    );
    const mails = await app.db.select().from(outbox);
    expect(mails).toHaveLength(before + 2);
    // The one e-mail each carries the link whose hash was stored.
    const marinaToken = await ackToken(app, MARINA.email);
    expect((await openAcknowledgementByToken(app.db, marinaToken))?.entry.id).toBe('minutes-2');
    const igorToken = await ackToken(app, IGOR.email);
    expect((await openAcknowledgementByToken(app.db, igorToken))?.entry.id).toBe('minutes-2');
  });

  it('reminds once, at the policy’s days and not a millisecond before, with a link of its own', async () => {
    const firstToken = await ackToken(app, JOAO.email, 'minutes-1');
    await answerByLink(app, await ackToken(app, RITA.email, 'minutes-1'));
    at(REMIND_AFTER - 1);
    expect(await runTimelineNotices(app)).toEqual({ notified: 0, reminded: 0 });
    at(REMIND_AFTER);
    // João (minutes-1), Igor (clinic-1), Marina and Igor (minutes-2); Rita answered.
    expect(await runTimelineNotices(app)).toEqual({ notified: 0, reminded: 4 });
    const joao = await mailTo(app, JOAO.email);
    const reminder = joao.find((mail) => mail.idempotencyKey.startsWith('timeline-reminder:'));
    expect(reminder?.idempotencyKey).toBe(
      'timeline-reminder:minutes-1:demo-contact-bakery-marketing',
    );
    const reminderToken = await ackToken(app, JOAO.email);
    expect(reminderToken).not.toBe(firstToken);
    // Both links open the same acknowledgement.
    for (const token of [firstToken, reminderToken])
      expect((await openAcknowledgementByToken(app.db, token))?.contact.id).toBe(JOAO.id);
    expect(
      (await mailTo(app, RITA.email)).some((m) =>
        m.idempotencyKey.startsWith('timeline-reminder:'),
      ),
    ).toBe(false);
    expect(await runTimelineNotices(app)).toEqual({ notified: 0, reminded: 0 });
    // Once: days later, still unanswered, nobody is reminded again.
    at(REMIND_AFTER * 3);
    expect(await runTimelineNotices(app)).toEqual({ notified: 0, reminded: 0 });
    const reminders = (await app.db.select().from(outbox)).filter((m) =>
      m.idempotencyKey.startsWith('timeline-reminder:'),
    );
    expect(reminders).toHaveLength(4);
  });

  it('escapes what was typed: the HTML e-mail and the subject line', async () => {
    at(REMIND_AFTER * 4);
    await addEntry(
      app,
      {
        id: 'hostile',
        title: '<img src=x onerror=alert(1)>\r\nBcc: all@evil.example',
        asksAcknowledgement: false,
      },
      [RITA],
    );
    await runTimelineNotices(app);
    const [mail] = (await mailTo(app, RITA.email)).filter((m) =>
      m.idempotencyKey.includes('hostile'),
    );
    expect(mail?.html).not.toContain('<img src=x');
    expect(mail?.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail?.subject).not.toMatch(/[\r\n]/);
    expect(mail?.subject).toContain('Bcc: all@evil.example');
  });
  it('e-mails at most its share a run; the next run takes the rest', async () => {
    const many = Array.from({ length: NOTICES_PER_RUN + 3 }, (_, i) => ({
      id: `many-${i}`,
      name: `Contato ${i}`,
    }));
    // One insert each: D1 takes at most 100 bound values a statement.
    const [first, ...rest] = many.map((contact) =>
      app.db.insert(clientContacts).values({
        ...contact,
        clientId: 'demo-client-bakery',
        email: `${contact.id}@paoquente.example`,
        createdAt: app.deps.clock(),
      }),
    );
    if (first) await app.db.batch([first, ...rest]);
    await addEntry(app, { id: 'many', kind: 'note', asksAcknowledgement: false }, many);
    expect(await runTimelineNotices(app)).toEqual({ notified: NOTICES_PER_RUN, reminded: 0 });
    expect(await runTimelineNotices(app)).toEqual({ notified: 3, reminded: 0 });
    expect(await runTimelineNotices(app)).toEqual({ notified: 0, reminded: 0 });
  });
});
