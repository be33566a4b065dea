import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  approvalDecisions,
  approvalLinks,
  changeRequests,
  events,
  outbox,
  pieceComments,
  pieces,
} from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { openApprovalByToken } from '../../src/server/approvals/approval-links.ts';
import { sendApprovalReminders } from '../../src/server/approvals/approval-reminders.ts';
import { hashToken } from '../../src/server/auth/tokens.ts';
import {
  approvalToken,
  asClient,
  DAY,
  HOUR,
  openSentPiece,
  PNG,
  versionForm,
} from '../support/approvals.ts';
import { approveInternally } from '../support/internal-review.ts';
import { latestMailMatch, postJson } from '../support/sign-in.ts';
import { readJson, SAME_ORIGIN, TEST_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

/** A contact's comments and decisions, new versions, reminders and the round's outcome. */
describe.each(DRIVERS)('client approvals (%s)', (driver) => {
  let app: TestApp;
  let cs: string;
  let pieceId: string;
  let rita: string;
  let joao: string;
  const start = new Date('2026-03-02T13:00:00.000Z');

  beforeAll(async () => {
    ({ app, cs, pieceId, rita, joao } = await openSentPiece(driver));
  });
  afterAll(() => app.close());

  it('lets a contact comment on the image (pinned) and edit or delete only their own; CS hears at once', async () => {
    const pinned = await asClient(app, rita, '/comments', {
      target: 'image',
      body: 'O pão está escuro demais',
      pinX: 0.25,
      pinY: 0.75,
    });
    expect(pinned.status).toBe(200);
    const { id } = await readJson(pinned);
    const [row] = await app.db.select().from(pieceComments).where(eq(pieceComments.id, id));
    expect([row?.pinX, row?.pinY, row?.internal]).toEqual([0.25, 0.75, false]);
    expect(
      await latestMailMatch(app, 'cs@ponte.example', /(O pão está escuro demais)/),
    ).toBeTruthy();
    const offImage = await asClient(app, rita, '/comments', {
      target: 'image',
      body: 'x',
      pinX: 1.5,
      pinY: 0,
    });
    expect(offImage.status).toBe(400);
    expect((await asClient(app, joao, `/comments/${id}`, { body: 'não é meu' })).status).toBe(404);
    expect(
      (await asClient(app, rita, `/comments/${id}`, { body: 'O pão está escuro' })).status,
    ).toBe(200);
    const temporary = await readJson(
      await asClient(app, rita, '/comments', { target: 'general', body: 'apagar' }),
    );
    expect((await asClient(app, rita, `/comments/${temporary.id}/delete`, {})).status).toBe(200);
    const left = await app.db
      .select()
      .from(pieceComments)
      .where(eq(pieceComments.id, temporary.id));
    expect(left).toHaveLength(0);
  });

  it('records one decision when the same contact sends twenty at once, and says so after', async () => {
    const missing = await asClient(app, rita, '/decision', {
      decision: 'changes_requested',
      message: '  ',
    });
    expect(missing.status).toBe(400);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        asClient(app, rita, '/decision', {
          decision: 'changes_requested',
          message: 'Clarear o pão',
        }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    const decisions = await app.db.select().from(approvalDecisions);
    expect(decisions).toHaveLength(1);
    const again = await asClient(app, rita, '/decision', { decision: 'approved' });
    expect(again.status).toBe(409);
    expect((await readJson(again)).error.code).toBe('decided');
    // The round ends with changes: the piece follows, CS is e-mailed once, and the change is
    // tracked against the post turnaround (the client commented on the image).
    const [piece] = await app.db.select().from(pieces).where(eq(pieces.id, pieceId));
    expect(piece?.status).toBe('changes_requested');
    const changesMail = await app.db
      .select()
      .from(outbox)
      .where(sql`${outbox.idempotencyKey} like 'approval-changes:%'`);
    expect(changesMail).toHaveLength(1);
    const [change] = await app.db.select().from(changeRequests);
    expect(change?.kind).toBe('post');
    expect(change?.dueAt.getTime()).toBe(
      start.getTime() + policy.changeTurnaround.postHours * HOUR,
    );
    // The other contact can no longer decide on this version.
    const late = await asClient(app, joao, '/decision', { decision: 'approved' });
    expect(late.status).toBe(409);
    expect((await readJson(late)).error.code).toBe('closed');
  });

  it('sends a new version to the same contacts; the old link points to it', async () => {
    app.setNow(new Date(start.getTime() + HOUR));
    const added = await app.request(`/api/pieces/${pieceId}/versions`, {
      ...versionForm(PNG, { sendToSameContacts: 'on' }),
      headers: { ...SAME_ORIGIN, cookie: cs },
    });
    expect(added.status).toBe(200);
    // A social post waits for its internal review; the approval sends it to the same contacts.
    expect(await readJson(added)).toEqual({ version: 2, sent: 0 });
    await approveInternally(app, pieceId, 2);
    const old = await openApprovalByToken(app.db, rita, app.deps.clock());
    expect(old.ok && old.approval.newerVersion?.number).toBe(2);
    expect(old.ok && old.approval.newerVersion?.sentToYouAt?.getTime()).toBe(
      start.getTime() + HOUR,
    );
    expect(old.ok && old.approval.mayAct).toBe(false);
    const [change] = await app.db.select().from(changeRequests);
    expect(change?.doneAt?.getTime()).toBe(start.getTime() + HOUR);
    rita = await approvalToken(app, 'rita@paoquente.example');
    joao = await approvalToken(app, 'joao@paoquente.example');
    const opened = await openApprovalByToken(app.db, rita, app.deps.clock());
    expect(opened.ok && opened.approval.earlierDecisions).toHaveLength(1);
  });

  it('reminds those who have not decided after the policy days, once, and stops when they decide', async () => {
    const remindAt = start.getTime() + HOUR + policy.links.approvalReminderAfterDays * DAY;
    const early = await sendApprovalReminders(app.db, policy, new Date(remindAt - 1), TEST_ORIGIN);
    expect(early.reminded).toBe(0);
    expect((await asClient(app, joao, '/decision', { decision: 'approved' })).status).toBe(200);
    const first = await sendApprovalReminders(app.db, policy, new Date(remindAt), TEST_ORIGIN);
    expect(first.reminded).toBe(1);
    const twice = await sendApprovalReminders(app.db, policy, new Date(remindAt), TEST_ORIGIN);
    expect(twice.reminded).toBe(0);
    const reminder = await latestMailMatch(app, 'rita@paoquente.example', /(ainda aguarda)/);
    expect(reminder).toBe('ainda aguarda');
    // The reminder's link works; the first one too.
    const fresh = await approvalToken(app, 'rita@paoquente.example');
    expect(fresh).not.toBe(rita);
    expect((await openApprovalByToken(app.db, fresh, new Date(remindAt))).ok).toBe(true);
  });

  it('records the view of a contact without JavaScript at their first decision', async () => {
    // João decided on version 2 above without his page ever saying it was shown.
    const [link] = await app.db
      .select()
      .from(approvalLinks)
      .where(eq(approvalLinks.id, hashToken(joao)));
    expect(link?.firstOpenedAt).not.toBeNull();
    const views = await app.db.select().from(events).where(eq(events.action, 'approval_viewed'));
    expect(views.filter((e) => JSON.stringify(e.data).includes('João'))).toHaveLength(1);
  });

  it('approves when every contact has (rule "all"), e-mailing CS once', async () => {
    const [before] = await app.db.select().from(pieces).where(eq(pieces.id, pieceId));
    expect(before?.status).toBe('awaiting_approval');
    expect((await asClient(app, rita, '/decision', { decision: 'approved' })).status).toBe(200);
    const [piece] = await app.db.select().from(pieces).where(eq(pieces.id, pieceId));
    expect(piece?.status).toBe('approved');
    const approvedMail = await app.db
      .select()
      .from(outbox)
      .where(sql`${outbox.idempotencyKey} like 'approval-approved:%'`);
    expect(approvedMail).toHaveLength(1);
    expect(approvedMail[0]?.toAddress).toBe('cs@ponte.example');
    const sendAgain = await app.request(
      `/api/pieces/${pieceId}/send`,
      postJson({ contactIds: ['demo-contact-bakery-owner'] }, { cookie: cs }),
    );
    expect(sendAgain.status).toBe(409);
  });

  it('records every view, comment, decision, send and revoke in the piece history', async () => {
    const history = await app.db.select().from(events).where(eq(events.subjectId, pieceId));
    const actions = new Set(history.map((e) => e.action));
    for (const action of [
      'piece_created',
      'version_added',
      'approval_sent',
      'approval_viewed',
      'approval_commented',
      'approval_comment_edited',
      'approval_comment_deleted',
      'approval_decided',
      'approval_reminded',
      'approval_round_approved',
    ])
      expect(actions).toContain(action);
  });
});
