import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, outbox } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { postContactMessage } from '../../src/server/client-requests/request-messages.ts';
import { sendRequestTriageNotices } from '../../src/server/client-requests/request-notices.ts';
import { triageDueAt } from '../../src/server/client-requests/triage-rules.ts';
import type { ContactViewer } from '../../src/server/client-space/contact-viewer.ts';
import { loadHomePage } from '../../src/server/home/home-page.ts';
import { insertOpenedRequest, readRequest, triage } from '../support/client-requests.ts';
import { signIn } from '../support/sign-in.ts';
import { openAppWithOtherCs } from '../support/teams.ts';
import { countRoundTrips, TEST_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const sp = (isoLocal: string) => new Date(`${isoLocal}-03:00`);

/** Rita in the bakery's space, as the space's guard gives her to server functions. */
const RITA_VIEWER: ContactViewer = {
  sessionId: 'test-session',
  contactId: 'demo-contact-bakery-owner',
  clientId: 'demo-client-bakery',
  clientName: 'Padaria Pão Quente',
  name: 'Rita Moraes',
  email: 'rita@paoquente.example',
  locale: 'pt-BR',
  mayApprovePieces: true,
};

/**
 * The triage deadline at its business-hour edges: a request sent on Friday at 19:00 is due on
 * Monday at 17:00 (one hour on Friday, seven on Monday), so its CS is reminded from Monday
 * 15:00 and the admins told from 17:00 — each once; a question stops the clock and the
 * contact's answer starts it again.
 */
describe.each(DRIVERS)('request triage notices (%s)', (driver) => {
  let app: TestApp;
  const run = (at: string) => sendRequestTriageNotices(app.db, policy, sp(at), TEST_ORIGIN);
  // Filtered here: D1 refuses a LIKE pattern as long as a key with a UUID.
  const mailsOf = async (kind: string, id: string) =>
    (await app.db.select().from(outbox))
      .filter((m) => m.idempotencyKey.startsWith(`${kind}:${id}:`))
      .map((m) => m.toAddress)
      .sort();
  const sendOnFriday = () => {
    const submittedAt = sp('2026-03-13T19:00:00');
    return insertOpenedRequest(app, { submittedAt, triageDueAt: triageDueAt(submittedAt, policy) });
  };

  beforeAll(async () => {
    ({ app } = await openAppWithOtherCs(driver));
  });
  afterAll(() => app.close());

  it('reminds CS from Monday 15:00 and escalates to the admins from 17:00, each once', async () => {
    const id = await sendOnFriday();
    expect((await readRequest(app, id)).triageDueAt).toEqual(sp('2026-03-16T17:00:00'));
    expect(await run('2026-03-16T14:59:00')).toEqual({ reminded: 0, escalated: 0 });
    expect(await run('2026-03-16T15:00:00')).toEqual({ reminded: 1, escalated: 0 });
    expect(await run('2026-03-16T16:59:59')).toEqual({ reminded: 0, escalated: 0 });
    expect(await mailsOf('request-triage-reminder', id)).toEqual(['cs@ponte.example']);
    expect(await run('2026-03-16T17:00:00')).toEqual({ reminded: 0, escalated: 1 });
    expect(await run('2026-03-17T10:00:00')).toEqual({ reminded: 0, escalated: 0 });
    expect(await mailsOf('request-triage-escalation', id)).toEqual(['admin@ponte.example']);
    const actions = (await app.db.select().from(events).where(eq(events.subjectId, id))).map(
      (e) => e.action,
    );
    expect(actions.sort()).toEqual(['client_request_escalated', 'client_request_reminded']);
    expect(await readRequest(app, id)).toMatchObject({
      remindedAt: sp('2026-03-16T15:00:00'),
      escalatedAt: sp('2026-03-16T17:00:00'),
    });
  });

  it('a request asked a question waits for the client: no notice; the answer restarts the clock', async () => {
    const id = await sendOnFriday();
    app.setNow(sp('2026-03-16T11:00:00'));
    const cs = await signIn(app, 'cs@ponte.example');
    expect((await triage(app, cs, id, 'ask', { message: 'Qual o tamanho?' })).status).toBe(200);
    expect(await run('2026-03-17T19:00:00')).toEqual({ reminded: 0, escalated: 0 });
    const answered = await postContactMessage(
      app.db,
      policy,
      { viewer: RITA_VIEWER, requestId: id, body: 'Quadrado, 1080px', origin: TEST_ORIGIN },
      sp('2026-03-17T19:00:00'),
    );
    expect(answered).toEqual({ ok: true, status: 'opened' });
    // 1 hour on Tuesday, 7 on Wednesday: due Wednesday 17:00, reminded 15:00.
    expect(await readRequest(app, id)).toMatchObject({
      status: 'opened',
      triageDueAt: sp('2026-03-18T17:00:00'),
      remindedAt: null,
      escalatedAt: null,
    });
    expect(await mailsOf('request-reply', id)).toEqual(['cs@ponte.example']);
    expect(await run('2026-03-18T14:59:00')).toEqual({ reminded: 0, escalated: 0 });
    expect(await run('2026-03-18T15:00:00')).toEqual({ reminded: 1, escalated: 0 });
  });

  it('a waiting request is on its CS’s home and every admin’s, inside the home’s one batch', async () => {
    const id = await sendOnFriday();
    const now = sp('2026-03-16T12:00:00');
    const cs = { id: 'demo-cs', roles: ['cs' as const] };
    const { result: home, roundTrips } = await countRoundTrips(app, () =>
      loadHomePage(app.db, cs, policy, now),
    );
    expect(roundTrips).toBe(driver === 'libsql' ? 1 : null);
    expect(home.clientRequests?.items.map((r) => r.id)).toContain(id);
    const admin = await loadHomePage(app.db, { id: 'demo-admin', roles: ['admin'] }, policy, now);
    expect(admin.clientRequests?.items.map((r) => r.id)).toContain(id);
    const other = await loadHomePage(app.db, { id: 'other-cs', roles: ['cs'] }, policy, now);
    expect(other.clientRequests).toEqual({ count: 0, items: [] });
    const design = await loadHomePage(
      app.db,
      { id: 'demo-design', roles: ['design'] },
      policy,
      now,
    );
    expect(design.clientRequests).toBeNull();
  });

  it('a triaged request is never reminded nor escalated', async () => {
    const id = await sendOnFriday();
    app.setNow(sp('2026-03-16T10:00:00'));
    const cs = await signIn(app, 'cs@ponte.example');
    expect((await triage(app, cs, id, 'decline', { reason: 'Fora do contrato' })).status).toBe(200);
    await run('2026-03-16T15:00:00');
    await run('2026-03-16T17:00:00');
    expect(await readRequest(app, id)).toMatchObject({ remindedAt: null, escalatedAt: null });
  });
});
