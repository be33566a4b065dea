import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, internalReviews, outbox } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { sendInternalReviewNotices } from '../../src/server/approvals/internal-review-notices.ts';
import { openApprovalsApp, PNG, versionForm } from '../support/approvals.ts';
import { approveInternally } from '../support/internal-review.ts';
import { postJson } from '../support/sign-in.ts';
import { readJson, SAME_ORIGIN, TEST_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const sp = (isoLocal: string) => new Date(`${isoLocal}-03:00`);

/**
 * The internal review's deadline at its business-hour edges: a version uploaded on Friday
 * 18:00 is due on Monday 12:00 (two hours on Friday, two on Monday), so its reviewers are
 * reminded from Monday 11:00 and the admins told from 12:00 — each once.
 */
describe.each(DRIVERS)('internal review notices (%s)', (driver) => {
  let app: TestApp;
  let pieceId: string;
  const run = (at: string) => sendInternalReviewNotices(app.db, policy, sp(at), TEST_ORIGIN);
  const mailsOf = async (kind: string) =>
    (
      await app.db
        .select()
        .from(outbox)
        .where(like(outbox.idempotencyKey, `internal-review-${kind}:%`))
    )
      .map((m) => m.toAddress)
      .sort();

  beforeAll(async () => {
    const opened = await openApprovalsApp(driver);
    app = opened.app;
    const { id: projectId } = await readJson(
      await app.request(
        '/api/pieces/projects',
        postJson({ clientId: 'demo-client-bakery', name: 'Campanha' }, { cookie: opened.cs }),
      ),
    );
    pieceId = (
      await readJson(
        await app.request(
          '/api/pieces',
          postJson({ projectId, title: 'Post', kind: 'social_post' }, { cookie: opened.cs }),
        ),
      )
    ).id;
    app.setNow(sp('2026-03-06T18:00:00'));
    await app.request(`/api/pieces/${pieceId}/versions`, {
      ...versionForm(PNG),
      headers: { ...SAME_ORIGIN, cookie: opened.cs },
    });
  });
  afterAll(() => app.close());

  it('is due on Monday 12:00 across the weekend', async () => {
    const [review] = await app.db.select().from(internalReviews);
    expect(review?.dueAt).toEqual(sp('2026-03-09T12:00:00'));
  });

  it('reminds nobody before Monday 11:00, even over the weekend', async () => {
    expect(await run('2026-03-06T19:59:59')).toEqual({ reminded: 0, escalated: 0 });
    expect(await run('2026-03-08T12:00:00')).toEqual({ reminded: 0, escalated: 0 });
    expect(await run('2026-03-09T10:59:59')).toEqual({ reminded: 0, escalated: 0 });
    expect(await mailsOf('reminder')).toEqual([]);
  });

  it('reminds the head of design at 11:00 exactly, once', async () => {
    expect(await run('2026-03-09T11:00:00')).toEqual({ reminded: 1, escalated: 0 });
    expect(await run('2026-03-09T11:30:00')).toEqual({ reminded: 0, escalated: 0 });
    expect(await mailsOf('reminder')).toEqual(['lider.design@ponte.example']);
    const [review] = await app.db.select().from(internalReviews);
    expect(review?.remindedAt).toEqual(sp('2026-03-09T11:00:00'));
  });

  it('escalates to the admins at 12:00 exactly, once', async () => {
    expect(await run('2026-03-09T11:59:59')).toEqual({ reminded: 0, escalated: 0 });
    expect(await run('2026-03-09T12:00:00')).toEqual({ reminded: 0, escalated: 1 });
    expect(await run('2026-03-10T12:00:00')).toEqual({ reminded: 0, escalated: 0 });
    expect(await mailsOf('escalation')).toEqual(['admin@ponte.example']);
    const notices = await app.db.select().from(events).where(eq(events.subjectId, pieceId));
    expect(notices.map((e) => e.action).filter((a) => /reminded|escalated/.test(a))).toEqual([
      'internal_review_reminded',
      'internal_review_escalated',
    ]);
  });

  it('sends nothing for a review already decided', async () => {
    await approveInternally(app, pieceId);
    await app.db.update(internalReviews).set({ escalatedAt: null, remindedAt: null });
    expect(await run('2026-03-11T12:00:00')).toEqual({ reminded: 0, escalated: 0 });
  });
});
