import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoPieces } from '../../db/seed-pieces.ts';
import { policy } from '../../src/policy/index.ts';
import { loadApprovalPage } from '../../src/server/approvals/approval-page.ts';
import { loadPiecePage } from '../../src/server/approvals/piece-page.ts';
import { PNG, versionForm } from '../support/approvals.ts';
import { latestMailMatch, postJson, seedPeople, signIn } from '../support/sign-in.ts';
import { countRoundTrips, createTestApp, SAME_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const PIECE = 'demo-piece-launch';
const CS = { id: 'demo-cs', roles: ['cs' as const] };
const DESIGN = { id: 'demo-design', roles: ['design' as const] };

describe.each(DRIVERS)('the piece page’s data (%s)', (driver) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp(driver);
    await seedPeople(app);
    await seedDemoPieces(app.db, app.files, app.deps.clock());
    const cs = await signIn(app, 'cs@ponte.example');
    const sent = await app.request(
      `/api/pieces/${PIECE}/send`,
      postJson(
        { contactIds: ['demo-contact-bakery-owner', 'demo-contact-bakery-marketing'], rule: 'all' },
        { cookie: cs },
      ),
    );
    expect(sent.status).toBe(200);
    const rita = await latestMailMatch(app, 'rita@paoquente.example', /\/approval\/([a-z2-7]{32})/);
    const decided = await app.request(
      `/api/approval/${rita}/decision`,
      postJson({ decision: 'changes_requested', message: 'Mais claro, por favor' }),
    );
    expect(decided.status).toBe(200);
  });
  afterAll(() => app.close());

  it('gives the round, each recipient, the approvers and the history in one round trip', async () => {
    const { result: page, roundTrips } = await countRoundTrips(app, () =>
      loadPiecePage(app.db, CS, PIECE),
    );
    expect(roundTrips).toBe(driver === 'libsql' ? 1 : null);
    expect(page?.current?.number).toBe(1);
    expect(page?.talks).toBe(true);
    expect(page?.approvers.map((a) => a.id).sort()).toEqual([
      'demo-contact-bakery-marketing',
      'demo-contact-bakery-owner',
    ]);
    expect(page?.recipients).toHaveLength(2);
    const rita = page?.recipients.find((r) => r.contactId === 'demo-contact-bakery-owner');
    expect(rita).toMatchObject({ active: true, decision: { decision: 'changes_requested' } });
    expect(page?.earlier).toEqual([]);
    const keys = page?.history.map((event) => event.key);
    expect(keys).toContain('approval_decided_changes_requested');
    expect(keys).toContain('approval_sent');
  });

  it('shows Design the piece without the contacts to send to', async () => {
    const page = await loadPiecePage(app.db, DESIGN, PIECE);
    expect(page?.talks).toBe(false);
    expect(page?.approvers).toEqual([]);
  });

  it('is null for a piece the viewer does not work on, or none', async () => {
    expect(
      await loadPiecePage(app.db, { id: 'demo-paid', roles: ['paid_traffic'] }, PIECE),
    ).toBeNull();
    expect(await loadPiecePage(app.db, CS, 'no-such-piece')).toBeNull();
  });

  it('numbers the pins and pairs each with its comment, both ways, on the piece page and the client’s link', async () => {
    const joao = await latestMailMatch(app, 'joao@paoquente.example', /\/approval\/([a-z2-7]{32})/);
    if (!joao) throw new Error('no link for João');
    // The round is settled (Rita asked for changes): the agency's comments, shown to the client
    // but one, internal, pinned between the others.
    const cs = await signIn(app, 'cs@ponte.example');
    const shown = { visibleToClient: 'on' };
    const comment = (body: object) =>
      app.request(`/api/pieces/${PIECE}/comments`, postJson(body, { cookie: cs }));
    for (const body of [
      { target: 'image', pinX: '0.25', pinY: '0.5', body: 'Mais dourado aqui', ...shown },
      { target: 'image', pinX: '0.5', pinY: '0.5', body: 'Só nós: trocar a foto' },
      { target: 'general', body: 'No geral, gostei', ...shown },
      { target: 'image', pinX: '1', pinY: '0', body: 'E este canto', ...shown },
    ])
      expect((await comment(body)).status).toBe(200);

    const page = await loadPiecePage(app.db, CS, PIECE);
    const inner = page?.comments.find((c) => c.internal)?.pin;
    expect(inner).toMatchObject({ number: 1, internal: true, label: 'i1' });
    const pinned = page?.comments.filter((c) => c.pin && !c.internal) ?? [];
    expect(pinned.map((c) => c.body)).toEqual(['Mais dourado aqui', 'E este canto']);
    // The client's pins are numbered 1 and 2 on both pages: the internal one counts apart.
    expect(page?.pins.filter((pin) => !pin.internal)).toEqual(
      pinned.map((c, index) => ({
        number: index + 1,
        internal: false,
        label: String(index + 1),
        pinId: `pin-${c.id}`,
        commentId: `comment-${c.id}`,
        left: index === 0 ? 25 : 100,
        top: index === 0 ? 50 : 0,
        drawn: true,
      })),
    );
    expect(page?.comments.find((c) => c.body === 'No geral, gostei')?.pin).toBeNull();

    const link = await loadApprovalPage(
      app.db,
      policy,
      { token: joao, ip: null },
      app.deps.clock(),
    );
    if (link.refusal) throw new Error(`link refused: ${link.refusal.problem}`);
    expect(link.pins).toEqual(page?.pins.filter((pin) => !pin.internal));
    expect(link.approval.comments.filter((c) => c.pin).map((c) => c.pin?.commentId)).toEqual(
      pinned.map((c) => `comment-${c.id}`),
    );
  });

  it('keeps an older version’s pins off the new image: their comments keep the number, without a link', async () => {
    const design = await signIn(app, 'design@ponte.example');
    const uploaded = await app.request(`/api/pieces/${PIECE}/versions`, {
      ...versionForm(PNG),
      headers: { ...SAME_ORIGIN, cookie: design },
    });
    expect(uploaded.status).toBe(200);
    const page = await loadPiecePage(app.db, CS, PIECE);
    expect(page?.current?.number).toBe(2);
    expect(page?.pins).toEqual([]);
    // Each version says where its round with the client ended: v2 was not sent yet.
    expect(page?.versions.map((v) => [v.number, v.roundStatus])).toEqual([
      [2, null],
      [1, 'changes_requested'],
    ]);
    const older = page?.comments.filter((c) => c.pin) ?? [];
    expect(older.map((c) => [c.version, c.pin?.label, c.pin?.drawn])).toEqual([
      [1, '1', false],
      [1, 'i1', false],
      [1, '2', false],
    ]);
  });
});
