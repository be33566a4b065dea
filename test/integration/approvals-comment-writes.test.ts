// What a contact's comment writes — the comment, the CS's e-mail and the audit event, each
// printed once (see contact-comment-writes.ts) — row by row, and nothing once they decided.

import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, outbox, pieceComments } from '../../db/schema/index.ts';
import { asClient, openSentPiece } from '../support/approvals.ts';
import { readJson, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

describe.each(DRIVERS)("a contact's comment, row by row (%s)", (driver) => {
  let app: TestApp;
  let pieceId: string;
  let rita: string;
  let joao: string;
  const start = new Date('2026-03-02T13:00:00.000Z');

  beforeAll(async () => {
    ({ app, pieceId, rita, joao } = await openSentPiece(driver));
  });
  afterAll(() => app.close());

  const commentRow = async (id: string) =>
    (await app.db.select().from(pieceComments).where(eq(pieceComments.id, id)))[0];
  const mailsOf = (id: string) =>
    app.db
      .select()
      .from(outbox)
      .where(eq(outbox.idempotencyKey, `approval-comment:${id}`));
  const eventsOf = (id: string) =>
    app.db
      .select()
      .from(events)
      .where(and(eq(events.action, 'approval_commented'), like(events.data, `%${id}%`)));

  it('writes the pinned comment, the e-mail to CS and the event with its own values', async () => {
    const response = await asClient(app, rita, '/comments', {
      target: 'image',
      body: 'O pão está escuro demais',
      pinX: 0.25,
      pinY: 0.75,
    });
    expect(response.status).toBe(200);
    const { id } = await readJson(response);
    expect(await commentRow(id)).toMatchObject({
      pieceId,
      authorUserId: null,
      authorContactId: 'demo-contact-bakery-owner',
      authorName: 'Rita Moraes',
      target: 'image',
      pinX: 0.25,
      pinY: 0.75,
      body: 'O pão está escuro demais',
      internal: false,
      parentId: null,
      resolvedAt: null,
      createdAt: start,
      updatedAt: start,
    });
    const [mail, ...moreMail] = await mailsOf(id);
    expect(moreMail).toHaveLength(0);
    expect(mail).toMatchObject({
      channel: 'email',
      toAddress: 'cs@ponte.example',
      status: 'pending',
      attempts: 0,
      nextAttemptAt: start,
      createdAt: start,
      claimedUntil: null,
      sentAt: null,
    });
    expect(mail?.text).toContain('O pão está escuro demais');
    expect(mail?.html).toContain('O pão está escuro demais');
    const [event, ...moreEvents] = await eventsOf(id);
    expect(moreEvents).toHaveLength(0);
    expect(event).toMatchObject({
      actorId: null,
      subjectType: 'piece',
      subjectId: pieceId,
      occurredAt: start,
      data: {
        commentId: id,
        contactId: 'demo-contact-bakery-owner',
        contactName: 'Rita Moraes',
        version: 1,
        target: 'image',
      },
    });
  });

  it('drops the pin off the image, and gives each comment its own e-mail', async () => {
    const first = await readJson(
      await asClient(app, joao, '/comments', {
        target: 'text',
        body: 'Trocar "verão" por "estação"',
        pinX: 0.5,
        pinY: 0.5,
      }),
    );
    const second = await readJson(
      await asClient(app, joao, '/comments', { target: 'general', body: 'No mais, ótimo' }),
    );
    expect(await commentRow(first.id)).toMatchObject({ target: 'text', pinX: null, pinY: null });
    expect(await commentRow(second.id)).toMatchObject({ target: 'general', pinX: null });
    const [firstMail] = await mailsOf(first.id);
    const [secondMail] = await mailsOf(second.id);
    expect(firstMail?.id).toBeTruthy();
    expect(secondMail?.id).toBeTruthy();
    expect(firstMail?.id).not.toBe(secondMail?.id);
    expect((await eventsOf(second.id))[0]?.data).toMatchObject({ target: 'general' });
  });

  it('writes nothing once the contact has decided: no comment, no e-mail, no event (409)', async () => {
    expect((await asClient(app, rita, '/decision', { decision: 'approved' })).status).toBe(200);
    const counts = async () => ({
      comments: (await app.db.select().from(pieceComments)).length,
      mail: (await app.db.select().from(outbox)).length,
      events: (await app.db.select().from(events)).length,
    });
    const before = await counts();
    const refused = await asClient(app, rita, '/comments', { target: 'general', body: 'Tarde' });
    expect(refused.status).toBe(409);
    expect((await readJson(refused)).error.code).toBe('decided');
    expect(await counts()).toEqual(before);
  });
});
