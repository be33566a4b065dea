import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, timelineEntries, timelineRecipients, users } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { acknowledgeEntry } from '../../src/server/timeline/timeline-ack.ts';
import { loadTimelineAckPage } from '../../src/server/timeline/timeline-ack-page.ts';
import { postJson } from '../support/sign-in.ts';
import { readJson, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';
import { ackToken, answerByLink, runTimelineNotices } from '../support/timeline-ack.ts';
import {
  BAKERY,
  createEntry,
  DECISION_FOR_RITA,
  JOAO,
  openTimelineApp,
  postEntry,
  RITA,
  timelineCounts,
  type Who,
} from '../support/timeline-entries.ts';

const RITA_EMAIL = 'rita@paoquente.example';
const DAY_MS = 86_400_000;

/**
 * #19's review: an answer names the revision it was given to and freezes the entry; whether
 * it asks acknowledgement and who was told stay as e-mailed; an unticked contact not yet told
 * is not e-mailed; each link expires after the policy's days.
 */
describe.each(DRIVERS)('acknowledgements after the e-mail (%s)', (driver) => {
  let app: TestApp;
  let cookies: Record<Who, string>;
  beforeAll(async () => {
    ({ app, cookies } = await openTimelineApp(driver));
  });
  afterAll(() => app.close());

  const decision = DECISION_FOR_RITA;
  const create = (body: Record<string, unknown>) => createEntry(app, cookies.cs, body);
  const edit = (id: string, body: Record<string, unknown>) =>
    postEntry(app, cookies.cs, body, { entryId: id });
  const recipients = (entryId: string) =>
    app.db.select().from(timelineRecipients).where(eq(timelineRecipients.entryId, entryId));
  const expectRefused = async (response: Response, status: number, code: string) => {
    expect(response.status).toBe(status);
    const { error } = await readJson(response);
    expect(error.code).toBe(code);
    return error;
  };

  it('records the revision answered, and refuses editing the entry once answered', async () => {
    const id = await create(decision);
    expect((await edit(id, { ...decision, title: 'Verba de abril (2)', revision: 1 })).status).toBe(
      200,
    );
    await runTimelineNotices(app);
    const token = await ackToken(app, RITA_EMAIL, id);
    expect((await answerByLink(app, token)).status).toBe(200);
    const [rita] = await recipients(id);
    expect(rita).toMatchObject({ response: 'agreed', answeredRevision: 2 });
    const before = await timelineCounts(app);
    const error = await expectRefused(
      await edit(id, { ...decision, decided: 'Outra coisa.', revision: 2 }),
      409,
      'already_acknowledged',
    );
    expect(error.code).toBe('already_acknowledged');
    expect(error.message).toContain(rita?.contactName);
    expect(await timelineCounts(app)).toEqual(before);
    const [entry] = await app.db.select().from(timelineEntries).where(eq(timelineEntries.id, id));
    expect(entry?.revision).toBe(2);
  });

  it('refuses an answer to a revision the contact did not read (409), writing nothing', async () => {
    const id = await create({ ...decision, title: 'Verba de maio' });
    await runTimelineNotices(app);
    const token = await ackToken(app, RITA_EMAIL, id);
    // The agency edits after the contact opened it: the page they read was revision 1.
    const opened = await loadTimelineAckPage(app.db, policy, { token, ip: null }, app.deps.clock());
    if (opened.refusal) throw new Error('refused');
    expect((await edit(id, { ...decision, title: 'Verba de maio', revision: 1 })).status).toBe(200);
    const result = await acknowledgeEntry(
      app.db,
      opened.acknowledgement,
      { answer: { response: 'agreed' }, via: 'link', origin: 'http://localhost', ip: null },
      app.deps.clock(),
    );
    expect(result).toEqual({ ok: false, error: 'entry_changed' });
    expect((await recipients(id))[0]?.respondedAt).toBeNull();
  });

  it('refuses switching acknowledgement on or off once a contact was e-mailed', async () => {
    const asks = await create({ ...decision, title: 'Pede confirmação' });
    const tells = await create({ ...decision, title: 'Só avisa', asksAcknowledgement: false });
    // Before the e-mail, the switch is free.
    expect(
      (
        await edit(tells, {
          ...decision,
          title: 'Só avisa',
          asksAcknowledgement: true,
          revision: 1,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await edit(tells, {
          ...decision,
          title: 'Só avisa',
          asksAcknowledgement: false,
          revision: 2,
        })
      ).status,
    ).toBe(200);
    await runTimelineNotices(app);
    const before = await timelineCounts(app);
    for (const [id, revision, asksAcknowledgement] of [
      [asks, 1, false],
      [tells, 3, true],
    ] as const) {
      const response = await edit(id, { ...decision, asksAcknowledgement, revision });
      const error = await expectRefused(response, 409, 'acknowledgement_fixed');
      expect(error.code).toBe('acknowledgement_fixed');
      expect(Object.keys(error.fields)).toEqual(['asksAcknowledgement']);
    }
    expect(await timelineCounts(app)).toEqual(before);
  });

  it('does not e-mail a contact unticked before the job ran; refuses unticking one told', async () => {
    const id = await create({ ...decision, title: 'Dois contatos', contactIds: [RITA, JOAO] });
    const edited = await edit(id, { ...decision, title: 'Dois contatos', revision: 1 });
    expect(edited.status).toBe(200);
    expect((await recipients(id)).map((r) => r.contactId)).toEqual([RITA]);
    await runTimelineNotices(app);
    const before = await timelineCounts(app);
    const error = await expectRefused(
      await edit(id, { ...decision, title: 'Dois contatos', contactIds: [], revision: 2 }),
      409,
      'already_told_contact',
    );
    expect(error.code).toBe('already_told_contact');
    expect(Object.keys(error.fields)).toEqual(['contactIds']);
    expect(await timelineCounts(app)).toEqual(before);
  });

  it('expires each link after the policy’s days: open until the instant before, 410 at it', async () => {
    const id = await create({ ...decision, title: 'Link que expira' });
    const sentAt = app.deps.clock();
    await runTimelineNotices(app);
    const token = await ackToken(app, RITA_EMAIL, id);
    const expiry = sentAt.getTime() + policy.timeline.acknowledgement.linkDays * DAY_MS;
    const [row] = await recipients(id);
    expect(row?.tokenExpiresAt?.getTime()).toBe(expiry);
    app.setNow(new Date(expiry - 1));
    expect(
      (await loadTimelineAckPage(app.db, policy, { token, ip: null }, app.deps.clock())).refusal,
    ).toBeNull();
    app.setNow(new Date(expiry));
    expect(
      (await loadTimelineAckPage(app.db, policy, { token, ip: null }, app.deps.clock())).refusal,
    ).toEqual({ problem: 'expired' });
    const response = await answerByLink(app, token);
    expect(response.status).toBe(410);
    expect((await readJson(response)).error.code).toBe('link_expired');
    // Its files too: the download answers as the page does.
    expect((await app.request(`/api/timeline-ack/${token}/files/any`)).status).toBe(410);
    const [after] = await app.db
      .select()
      .from(timelineRecipients)
      .where(and(eq(timelineRecipients.entryId, id), eq(timelineRecipients.contactId, RITA)));
    expect(after?.respondedAt).toBeNull();
    app.setNow(sentAt);
  });

  it('gives the reminder’s link its own days: it opens after the first link expired', async () => {
    const id = await create({ ...decision, title: 'Lembrete que expira' });
    const sentAt = app.deps.clock();
    await runTimelineNotices(app);
    const first = await ackToken(app, RITA_EMAIL, id);
    const remindAt = sentAt.getTime() + policy.timeline.acknowledgement.reminderAfterDays * DAY_MS;
    app.setNow(new Date(remindAt));
    await runTimelineNotices(app);
    const reminder = await ackToken(app, RITA_EMAIL, id);
    expect(reminder).not.toBe(first);
    const [row] = await recipients(id);
    const linkMs = policy.timeline.acknowledgement.linkDays * DAY_MS;
    expect(row?.reminderTokenExpiresAt?.getTime()).toBe(remindAt + linkMs);
    app.setNow(new Date(sentAt.getTime() + linkMs));
    const open = (token: string) =>
      loadTimelineAckPage(app.db, policy, { token, ip: null }, app.deps.clock());
    expect((await open(first)).refusal).toEqual({ problem: 'expired' });
    expect((await open(reminder)).refusal).toBeNull();
    app.setNow(sentAt);
  });

  it('refuses a post over the policy’s total by its Content-Length (413), reading nothing', async () => {
    const before = await timelineCounts(app);
    const tooLarge = String(policy.timeline.maxRequestBytes + 1);
    const response = await app.request(
      `/api/timeline/${BAKERY}/entries`,
      postJson(decision, { cookie: cookies.cs, headers: { 'Content-Length': tooLarge } }),
    );
    expect(response.status).toBe(413);
    const { error } = await readJson(response);
    expect(error.code).toBe('too_large');
    expect(error.message).toContain(String(Math.floor(policy.timeline.maxRequestBytes / 2 ** 20)));
    expect(await timelineCounts(app)).toEqual(before);
  });

  // Last: the bakery's CS leaves.
  it('sends an observation to the admins when the client’s CS was deactivated', async () => {
    const id = await create({ ...decision, title: 'CS saiu' });
    await runTimelineNotices(app);
    const token = await ackToken(app, RITA_EMAIL, id);
    await app.db.update(users).set({ active: false }).where(eq(users.id, 'demo-cs'));
    const response = await answerByLink(app, token, { observation: 'Prefiro metade.' });
    expect(response.status).toBe(200);
    const mails = await app.db
      .select({ to: outbox.toAddress, key: outbox.idempotencyKey })
      .from(outbox);
    const observations = mails.filter((mail) => mail.key.startsWith(`timeline-observation:${id}:`));
    expect(observations.map((mail) => mail.to)).toEqual(['admin@ponte.example']);
  });
});
