import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, internalReviews, outbox, pieces } from '../../db/schema/index.ts';
import { openApprovalsApp, PNG, versionForm } from '../support/approvals.ts';
import { decideInternally, HEAD_OF_DESIGN, sessionOf } from '../support/internal-review.ts';
import { postJson } from '../support/sign-in.ts';
import { readJson, SAME_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

/** Two reviewers at once, and a decision racing a new version: one outcome, told clearly. */
describe.each(DRIVERS)('internal review races (%s)', (driver) => {
  let app: TestApp;
  let cs: string;
  let projectId: string;

  const newVersionedPiece = async () => {
    const { id } = await readJson(
      await app.request(
        '/api/pieces',
        postJson({ projectId, title: 'Post', kind: 'social_post' }, { cookie: cs }),
      ),
    );
    await upload(id);
    return id as string;
  };
  const upload = (id: string) =>
    app.request(`/api/pieces/${id}/versions`, {
      ...versionForm(PNG),
      headers: { ...SAME_ORIGIN, cookie: cs },
    });
  const eventsOf = async (id: string, prefix: string) =>
    (await app.db.select().from(events).where(eq(events.subjectId, id)))
      .map((e) => e.action)
      .filter((a) => a.startsWith(prefix));

  beforeAll(async () => {
    ({ app, cs } = await openApprovalsApp(driver));
    ({ id: projectId } = await readJson(
      await app.request(
        '/api/pieces/projects',
        postJson({ clientId: 'demo-client-bakery', name: 'Campanha' }, { cookie: cs }),
      ),
    ));
  });
  afterAll(() => app.close());

  it('two reviewers deciding at once: one decision, the others a clear 409', async () => {
    const pieceId = await newVersionedPiece();
    const head = await sessionOf(app, HEAD_OF_DESIGN);
    const admin = await sessionOf(app, 'admin@ponte.example');
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        decideInternally(app, i % 2 ? head : admin, pieceId, {
          version: 1,
          ...(i % 3
            ? { decision: 'approved' as const }
            : { decision: 'changes_requested' as const, message: `Mude ${i}` }),
        }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
    const refusal = await readJson(answers.find((a) => a.status === 409) as Response);
    expect(refusal.error.code).toBe('already_decided');
    expect(refusal.error.message).toMatch(/já foi decidida/);
    const decided = await eventsOf(pieceId, 'internal_review_');
    expect(decided.filter((a) => a !== 'internal_review_opened')).toHaveLength(1);
    const mail = await app.db
      .select()
      .from(outbox)
      .where(like(outbox.idempotencyKey, 'internal-review-%'));
    expect(mail).toHaveLength(1);
  });

  it('a decision racing a new version: either it lands first, or it is refused as replaced', async () => {
    const pieceId = await newVersionedPiece();
    const head = await sessionOf(app, HEAD_OF_DESIGN);
    const [decision, added] = await Promise.all([
      decideInternally(app, head, pieceId, { version: 1, decision: 'approved' }),
      upload(pieceId),
    ]);
    expect(added.status).toBe(200);
    const reviews = await app.db
      .select()
      .from(internalReviews)
      .where(eq(internalReviews.pieceId, pieceId));
    const [piece] = await app.db.select().from(pieces).where(eq(pieces.id, pieceId));
    // Version 2 is under review whatever the order; version 1 is approved or replaced.
    expect(piece?.status).toBe('internal_review');
    expect(reviews.filter((r) => r.status === 'open')).toHaveLength(1);
    if (decision.status === 200) {
      expect(reviews.map((r) => r.status).sort()).toEqual(['approved', 'open']);
    } else {
      expect(decision.status).toBe(409);
      expect((await readJson(decision)).error.code).toBe('superseded');
      expect(reviews.map((r) => r.status).sort()).toEqual(['open', 'superseded']);
    }
  });
});
