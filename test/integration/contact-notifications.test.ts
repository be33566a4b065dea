import { and, eq, inArray, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientContacts,
  clientRequests,
  contactNotifications,
  outbox,
} from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import {
  BATCH_LIMIT,
  sendContactNotifications,
} from '../../src/server/client-space/contact-notifications.ts';
import { notifyContact } from '../../src/server/client-space/contact-notify.ts';
import { openApprovalsApp, sendPieceForApproval } from '../support/approvals.ts';
import { insertOpenedRequest } from '../support/client-requests.ts';
import { postJson } from '../support/sign-in.ts';
import { TEST_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

// The agency's clock (São Paulo, UTC−3, no daylight saving); the digest's time is 08:00.
const sp = (isoLocal: string) => new Date(`${isoLocal}-03:00`);
const RITA = 'demo-contact-bakery-owner';
const JOAO = 'demo-contact-bakery-marketing';
const IGOR = 'demo-contact-clinic-manager';
const MARINA = 'demo-contact-clinic-director';

/**
 * How contacts are told of the space's news: Rita (space, one digest a day), João (no space),
 * Igor (space, at once, in Russian), Marina (no space). Each message once, whatever re-runs.
 */
describe.each(DRIVERS)('contact notifications (%s)', (driver) => {
  let app: TestApp;
  let cs: string;
  let pieceId: string;
  const run = (at: string) => sendContactNotifications(app.db, policy, sp(at), TEST_ORIGIN);
  const queued = (contactId: string) =>
    app.db.select().from(contactNotifications).where(eq(contactNotifications.contactId, contactId));
  const mailsTo = (address: string, key: string) =>
    app.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.toAddress, address), like(outbox.idempotencyKey, `${key}%`)));
  const queue = (contactId: string, kind: string, subjectId: string, at: string) =>
    notifyContact(
      app.db,
      { contactId, kind, subjectId, dedupeKey: `${kind}:${subjectId}:${contactId}` },
      sp(at),
    );

  beforeAll(async () => {
    const opened = await openApprovalsApp(driver);
    app = opened.app;
    cs = opened.cs;
    await app.db
      .update(clientContacts)
      .set({ mayUseSpace: true, notifyMode: 'daily' })
      .where(eq(clientContacts.id, RITA));
    await app.db
      .update(clientContacts)
      .set({ mayUseSpace: true, notifyMode: 'immediate' })
      .where(eq(clientContacts.id, IGOR));
    app.setNow(sp('2026-03-02T10:00:00'));
    pieceId = (await sendPieceForApproval(app, cs, opened.design)).pieceId;
  });
  afterAll(() => app.close());

  it('queues "awaits your approval" with the send, for contacts in the space only, once', async () => {
    // Sent again to the same contacts: the same round, so still one piece of news.
    const again = await app.request(
      `/api/pieces/${pieceId}/send`,
      postJson({ contactIds: [RITA, JOAO] }, { cookie: cs }),
    );
    expect(again.status).toBe(200);
    const rita = await queued(RITA);
    expect(rita.map((row) => [row.kind, row.subjectId, row.sentAt])).toEqual([
      ['piece_awaits_approval', pieceId, null],
    ]);
    expect(await queued(JOAO)).toEqual([]);
    // Today's flow is untouched: each of them still has their personal link mail.
    expect(await mailsTo('rita@paoquente.example', 'approval-link:')).toHaveLength(2);
  });

  it('keeps a daily contact’s news for the digest until 08:00 agency time, then sends it once', async () => {
    expect(await run('2026-03-03T07:59:59')).toEqual({ mailed: 0, digests: 0, skipped: 0 });
    expect(await mailsTo('rita@paoquente.example', 'contact-digest:')).toEqual([]);
    expect(await run('2026-03-03T08:00:00')).toEqual({ mailed: 0, digests: 1, skipped: 0 });
    const [digest] = await mailsTo('rita@paoquente.example', 'contact-digest:');
    expect(digest?.idempotencyKey).toBe(`contact-digest:${RITA}:2026-03-03`);
    expect(digest?.text).toContain('Post de lançamento');
    expect(digest?.text).toContain(`${TEST_ORIGIN}/space`);
    // The digest carries no secret: never the personal approval link.
    expect(digest?.text).not.toContain('/approval/');
    expect(digest?.html).toContain('lang="pt-BR"');
    expect((await queued(RITA))[0]?.sentAt).toEqual(sp('2026-03-03T08:00:00'));
    await run('2026-03-03T08:01:00');
    expect(await mailsTo('rita@paoquente.example', 'contact-digest:')).toHaveLength(1);
  });

  it('leaves news arriving after the day’s digest for the next day’s, with only what is new', async () => {
    const request = await insertOpenedRequest(app, { status: 'authorized', title: 'Cardápio' });
    await queue(RITA, 'request_authorized', request, '2026-03-03T09:00:00');
    expect(await run('2026-03-03T09:00:00')).toMatchObject({ mailed: 0 });
    expect((await queued(RITA)).filter((row) => row.sentAt === null)).toHaveLength(1);
    await run('2026-03-04T07:59:00');
    expect(await mailsTo('rita@paoquente.example', 'contact-digest:')).toHaveLength(1);
    await run('2026-03-04T08:00:00');
    const digests = await mailsTo('rita@paoquente.example', 'contact-digest:');
    const second = digests.find((mail) => mail.idempotencyKey.endsWith('2026-03-04'));
    expect(second?.text).toContain('Cardápio');
    expect(second?.text).not.toContain('Post de lançamento');
    expect(second?.text).toContain(`${TEST_ORIGIN}/space`);
  });

  it('sends a contact told at once one e-mail per change, in their language, with the decline’s reason', async () => {
    const request = await insertOpenedRequest(app, {
      clientId: 'demo-client-clinic',
      contactId: IGOR,
      contactName: 'Igor Petrov',
      status: 'declined',
      title: 'Баннер',
    });
    await app.db
      .update(clientRequests)
      .set({ declineReason: 'Нет бюджета в марте' })
      .where(eq(clientRequests.id, request));
    await queue(IGOR, 'request_declined', request, '2026-03-04T10:00:00');
    expect(await run('2026-03-04T10:00:00')).toEqual({ mailed: 1, digests: 0, skipped: 0 });
    const [mail] = await mailsTo('igor@sorrisoleve.example', 'contact-notification:');
    expect(mail?.subject).toBe('Ваша заявка «Баннер» отклонена');
    expect(mail?.text).toContain('Причина: Нет бюджета в марте');
    expect(mail?.text).toContain(`${TEST_ORIGIN}/space/requests/${request}`);
    expect(mail?.html).toContain('lang="ru"');
  });

  it('sends nothing twice: the same news queued twice, a re-run, two runs at once', async () => {
    const request = await insertOpenedRequest(app, {
      clientId: 'demo-client-clinic',
      contactId: IGOR,
      status: 'question',
    });
    await queue(IGOR, 'request_question', request, '2026-03-04T11:00:00');
    await queue(IGOR, 'request_question', request, '2026-03-04T11:00:01');
    expect(await queued(IGOR)).toHaveLength(2);
    await Promise.all([run('2026-03-04T11:01:00'), run('2026-03-04T11:01:00')]);
    await run('2026-03-04T11:02:00');
    expect(await mailsTo('igor@sorrisoleve.example', 'contact-notification:')).toHaveLength(2);
    expect((await queued(IGOR)).every((row) => row.sentAt !== null)).toBe(true);
  });

  it('does not mail a piece to approve to a contact told at once: their link mail told them', async () => {
    await queue(IGOR, 'piece_awaits_approval', pieceId, '2026-03-04T12:00:00');
    expect(await run('2026-03-04T12:00:00')).toEqual({ mailed: 0, digests: 0, skipped: 1 });
    expect(await mailsTo('igor@sorrisoleve.example', 'contact-notification:')).toHaveLength(2);
  });

  it('tells a contact without space access nothing of the space', async () => {
    const request = await insertOpenedRequest(app, {
      clientId: 'demo-client-clinic',
      contactId: MARINA,
      status: 'authorized',
    });
    await queue(MARINA, 'request_authorized', request, '2026-03-04T13:00:00');
    expect(await run('2026-03-05T08:00:00')).toMatchObject({ mailed: 0, skipped: 1 });
    const all = await app.db
      .select()
      .from(outbox)
      .where(inArray(outbox.toAddress, ['marina@sorrisoleve.example', 'joao@paoquente.example']));
    expect(all.filter((mail) => !mail.idempotencyKey.startsWith('approval-link:'))).toEqual([]);
  });
  it('never cuts a contact’s digest at a full page: the next run sends the rest whole', async () => {
    await app.db
      .update(clientContacts)
      .set({ notifyMode: 'daily' })
      .where(eq(clientContacts.id, IGOR));
    const request = await insertOpenedRequest(app, { status: 'question', title: 'Muitas' });
    const many = (contactId: string, count: number) =>
      Array.from({ length: count }, (_, index) =>
        notifyContact(
          app.db,
          {
            contactId,
            kind: 'request_question',
            subjectId: request,
            dedupeKey: `many:${contactId}:${index}`,
          },
          sp('2026-03-06T07:00:00'),
        ),
      );
    const [first, ...rest] = [...many(RITA, BATCH_LIMIT - 2), ...many(IGOR, 5)];
    if (first) await app.db.batch([first, ...rest]);
    expect(await run('2026-03-06T08:00:00')).toMatchObject({ digests: 1 });
    const pendingOf = async (contactId: string) =>
      (await queued(contactId)).filter((row) => row.sentAt === null).length;
    expect(await pendingOf(RITA)).toBe(0);
    expect(await pendingOf(IGOR)).toBe(5);
    expect(await run('2026-03-06T08:01:00')).toMatchObject({ digests: 1 });
    expect(await pendingOf(IGOR)).toBe(0);
    const [digest] = await mailsTo('igor@sorrisoleve.example', 'contact-digest:');
    expect(digest?.text.match(/• /g)).toHaveLength(5);
  });
});
