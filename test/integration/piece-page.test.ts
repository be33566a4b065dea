import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoPieces } from '../../db/seed-pieces.ts';
import { loadPiecePage } from '../../src/server/approvals/piece-page.ts';
import { latestMailMatch, postJson, seedPeople, signIn } from '../support/sign-in.ts';
import { countRoundTrips, createTestApp, type TestApp } from '../support/test-app.ts';
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
});
