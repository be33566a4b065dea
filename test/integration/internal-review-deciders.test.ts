import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  approvalLinks,
  approvalRounds,
  events,
  internalReviews,
  outbox,
  pieceComments,
  pieces,
} from '../../db/schema/index.ts';
import { openSentPiece, PNG, versionForm } from '../support/approvals.ts';
import { decideInternally, HEAD_OF_DESIGN, sessionOf } from '../support/internal-review.ts';
import { postJson } from '../support/sign-in.ts';
import { readJson, SAME_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

/**
 * Who decides an internal review, checked when the decision is made: a second person (never
 * whoever uploaded the version), a head who still holds the role; and CS's "send to the same
 * contacts" goes out only with an approval, never with a request for changes.
 */
describe.each(DRIVERS)('who decides an internal review (%s)', (driver) => {
  let app: TestApp;
  let cs: string;
  let admin: string;
  let projectId: string;

  const snapshot = async () =>
    JSON.stringify(
      await Promise.all(
        [internalReviews, pieces, pieceComments, events, outbox, approvalRounds, approvalLinks].map(
          (table) => app.db.select().from(table),
        ),
      ),
    );
  const upload = (pieceId: string, cookie: string, extra: Record<string, string> = {}) =>
    app.request(`/api/pieces/${pieceId}/versions`, {
      ...versionForm(PNG, extra),
      headers: { ...SAME_ORIGIN, cookie },
    });
  const newPost = async (uploader: string) => {
    const { id } = await readJson(
      await app.request(
        '/api/pieces',
        postJson({ projectId, title: 'Post', kind: 'social_post' }, { cookie: cs }),
      ),
    );
    expect((await upload(id, uploader)).status).toBe(200);
    return id as string;
  };

  beforeAll(async () => {
    ({ app, cs } = await openSentPiece(driver));
    admin = await sessionOf(app, 'admin@ponte.example');
    ({ id: projectId } = await readJson(
      await app.request(
        '/api/pieces/projects',
        postJson({ clientId: 'demo-client-bakery', name: 'Revisões' }, { cookie: cs }),
      ),
    ));
  });
  afterAll(() => app.close());

  it('refuses whoever uploaded the version (403 with the rule), nothing written; another reviewer decides', async () => {
    const pieceId = await newPost(admin);
    const before = await snapshot();
    for (const decision of ['approved', 'changes_requested'] as const) {
      const refused = await decideInternally(app, admin, pieceId, {
        version: 1,
        decision,
        message: 'Eu mesmo',
      });
      expect(refused.status).toBe(403);
      const { error } = await readJson(refused);
      expect(error.code).toBe('own_upload');
      expect(error.message).toMatch(/uma segunda pessoa revisa/);
    }
    expect(await snapshot()).toBe(before);
    const head = await sessionOf(app, HEAD_OF_DESIGN);
    expect(
      (await decideInternally(app, head, pieceId, { version: 1, decision: 'approved' })).status,
    ).toBe(200);
  });

  it('refuses a head whose role was removed before the decision, though the review opened with it', async () => {
    const pieceId = await newPost(cs);
    const head = await sessionOf(app, HEAD_OF_DESIGN);
    const removed = await app.request(
      '/api/people/demo-head-design/roles',
      postJson({ roles: ['design'] }, { cookie: admin }),
    );
    expect(removed.status).toBe(200);
    try {
      const before = await snapshot();
      const refused = await decideInternally(app, head, pieceId, {
        version: 1,
        decision: 'approved',
      });
      // Without the role the piece is not theirs to see at all: as for anyone off the piece.
      expect(refused.status).toBe(404);
      expect(await snapshot()).toBe(before);
      const [review] = await app.db
        .select()
        .from(internalReviews)
        .where(eq(internalReviews.pieceId, pieceId));
      expect(review?.status).toBe('open');
    } finally {
      await app.request(
        '/api/people/demo-head-design/roles',
        postJson({ roles: ['head_of_design'] }, { cookie: admin }),
      );
    }
  });

  it('keeps "send to the same contacts" unsent when the head asks for changes', async () => {
    // The sent piece of the setup: version 1 went to Rita and João; version 2 asks to follow.
    const [sent] = await app.db.select().from(pieces).where(eq(pieces.title, 'Post de lançamento'));
    const pieceId = sent?.id ?? '';
    const design = await sessionOf(app, 'design@ponte.example');
    expect((await upload(pieceId, design, { sendToSameContacts: 'on' })).status).toBe(200);
    const linksBefore = await app.db.select().from(approvalLinks);
    const mailBefore = await app.db.select().from(outbox);
    const head = await sessionOf(app, HEAD_OF_DESIGN);
    const asked = await decideInternally(app, head, pieceId, {
      version: 2,
      decision: 'changes_requested',
      message: 'Trocar a foto',
    });
    expect(asked.status).toBe(200);
    expect((await readJson(asked)).sent ?? 0).toBe(0);
    expect(await app.db.select().from(approvalLinks)).toEqual(linksBefore);
    const rounds = await app.db
      .select()
      .from(approvalRounds)
      .where(eq(approvalRounds.pieceId, pieceId));
    expect(rounds.map((r) => r.status)).not.toContain('open');
    const [piece] = await app.db.select().from(pieces).where(eq(pieces.id, pieceId));
    expect(piece?.status).toBe('internal_changes_requested');
    // One new e-mail: the message to whoever uploaded the version; none to the client.
    const known = new Set(mailBefore.map((m) => m.id));
    const mail = (await app.db.select().from(outbox)).filter((m) => !known.has(m.id));
    expect(mail.map((m) => m.toAddress)).toEqual(['design@ponte.example']);
  });
});
