import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { approvalLinks, approvalRounds, events, outbox, pieces } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { sendForApproval } from '../../src/server/approvals/approval-rounds.ts';
import {
  approvalToken,
  asClient,
  openApprovalsApp,
  PNG,
  versionForm,
} from '../support/approvals.ts';
import { approveInternally } from '../support/internal-review.ts';
import { postJson } from '../support/sign-in.ts';
import { readJson, SAME_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const CS = { id: 'demo-cs', name: 'Carla Campos', ip: null };
const CONTACTS = ['demo-contact-bakery-owner'];

/**
 * Sending racing a new upload: the send's checks are reads, so its writes hold in SQL on the
 * version still being the newest (and, for a reviewed kind, its review approved). When the
 * upload lands between the reads and the writes, nothing is sent and CS is told (409).
 */
describe.each(DRIVERS)('sending racing a new version (%s)', (driver) => {
  let app: TestApp;
  let cs: string;
  let projectId: string;

  const upload = (id: string) =>
    app.request(`/api/pieces/${id}/versions`, {
      ...versionForm(PNG),
      headers: { ...SAME_ORIGIN, cookie: cs },
    });
  const newPiece = async (kind: string) => {
    const { id } = await readJson(
      await app.request(
        '/api/pieces',
        postJson({ projectId, title: 'Peça', kind }, { cookie: cs }),
      ),
    );
    expect((await upload(id)).status).toBe(200);
    return id as string;
  };
  /** The database as the send sees it, with `during` run between its reads and its writes. */
  const interleaved = (during: () => unknown): Database =>
    new Proxy(app.db, {
      get(target, key, receiver) {
        if (key !== 'batch') return Reflect.get(target, key, receiver);
        return async (queries: Parameters<Database['batch']>[0]) => {
          // The reads come in batches too: only the one that writes (an update first) waits.
          const first = queries[0] as unknown as { toSQL(): { sql: string } };
          if (/^update/i.test(first.toSQL().sql)) await during();
          return target.batch(queries);
        };
      },
    });
  const sentRows = async (pieceId: string) => ({
    rounds: await app.db.select().from(approvalRounds).where(eq(approvalRounds.pieceId, pieceId)),
    links: await app.db.select().from(approvalLinks),
    sentEvents: (await app.db.select().from(events).where(eq(events.subjectId, pieceId))).filter(
      (e) => e.action === 'approval_sent',
    ),
    mails: await app.db.select().from(outbox).where(like(outbox.subject, '%Peça%')),
  });

  beforeAll(async () => {
    ({ app, cs } = await openApprovalsApp(driver));
    ({ id: projectId } = await readJson(
      await app.request(
        '/api/pieces/projects',
        postJson({ clientId: 'demo-client-bakery', name: 'Corrida' }, { cookie: cs }),
      ),
    ));
  });
  afterAll(() => app.close());

  for (const kind of ['email', 'social_post']) {
    it(`a ${kind} whose version 2 arrives between the send's checks and its writes: 409, nothing sent`, async () => {
      const pieceId = await newPiece(kind);
      if (kind === 'social_post') await approveInternally(app, pieceId);
      const before = await sentRows(pieceId);
      const result = await sendForApproval(
        interleaved(() => upload(pieceId)),
        policy,
        {
          pieceId,
          contactIds: CONTACTS,
          actor: CS,
          user: { id: CS.id, roles: ['cs'] },
          origin: 'http://localhost',
        },
        app.deps.clock(),
      );
      expect(result).toEqual({ ok: false, error: 'version_changed' });
      expect(await sentRows(pieceId)).toEqual(before);
      const [piece] = await app.db.select().from(pieces).where(eq(pieces.id, pieceId));
      expect(piece?.latestVersion).toBe(2);
      expect(piece?.status).toBe(kind === 'email' ? 'in_production' : 'internal_review');
    });
  }

  it('a send again racing the client’s decision: 409 decided, the decision stands, nothing sent', async () => {
    const pieceId = await newPiece('email');
    const first = await app.request(
      `/api/pieces/${pieceId}/send`,
      postJson({ contactIds: CONTACTS }, { cookie: cs }),
    );
    expect(first.status).toBe(200);
    const token = await approvalToken(app, 'rita@paoquente.example');
    const before = await sentRows(pieceId);
    const result = await sendForApproval(
      interleaved(async () => {
        const decided = await asClient(app, token, '/decision', { decision: 'approved' });
        expect(decided.status).toBe(200);
      }),
      policy,
      {
        pieceId,
        contactIds: CONTACTS,
        actor: CS,
        user: { id: CS.id, roles: ['cs'] },
        origin: 'http://localhost',
      },
      app.deps.clock(),
    );
    expect(result).toEqual({ ok: false, error: 'decided' });
    const after = await sentRows(pieceId);
    // No new link, none revoked (the decision itself marks the link seen).
    const ofLinks = (rows: typeof before.links) => rows.map((l) => [l.id, l.revokedAt]);
    expect(ofLinks(after.links)).toEqual(ofLinks(before.links));
    expect(after.sentEvents).toEqual(before.sentEvents);
    const [piece] = await app.db.select().from(pieces).where(eq(pieces.id, pieceId));
    expect(piece?.status).toBe('approved');
  });

  it('sent and uploaded at once through the routes: sent first and then replaced, or a clear 409', async () => {
    const pieceId = await newPiece('email');
    const [sent, added] = await Promise.all([
      app.request(
        `/api/pieces/${pieceId}/send`,
        postJson({ contactIds: CONTACTS }, { cookie: cs }),
      ),
      upload(pieceId),
    ]);
    expect(added.status).toBe(200);
    expect([200, 409]).toContain(sent.status);
    if (sent.status === 409) {
      const { error } = await readJson(sent);
      expect(error.code).toBe('version_changed');
      expect(error.message).toMatch(/nada foi enviado/);
    }
    // Either way the piece is not left awaiting the client on a version nobody sent.
    const [piece] = await app.db.select().from(pieces).where(eq(pieces.id, pieceId));
    expect(piece?.latestVersion).toBe(2);
    expect(piece?.status).toBe('in_production');
    const open = (await sentRows(pieceId)).rounds.filter((r) => r.status === 'open');
    expect(open).toEqual([]);
  });
});
