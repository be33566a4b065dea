import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPng } from '../../db/demo-png.ts';
import {
  approvalDecisions,
  approvalLinks,
  changeRequests,
  events,
  outbox,
  pieceComments,
  pieces,
  userRoles,
  users,
} from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { openApprovalByToken } from '../../src/server/approvals/approval-links.ts';
import { sendApprovalReminders } from '../../src/server/approvals/approval-reminders.ts';
import { hashToken } from '../../src/server/auth/tokens.ts';
import {
  describeLinkRefusal,
  refuseClientLink,
  visitorIp,
} from '../../src/server/rate-limits/link-failures.ts';
import { latestMailMatch, postJson, seedPeople, signIn } from '../support/sign-in.ts';
import {
  createTestApp,
  readJson,
  SAME_ORIGIN,
  TEST_ORIGIN,
  type TestApp,
} from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const PNG = demoPng(60, 40, [200, 120, 40]);
const INTERNAL = 'SEGREDO-INTERNO-da-agencia';

function versionForm(
  bytes: Uint8Array,
  extra: Record<string, string> = {},
  fileName = 'peca.png',
): RequestInit {
  const form = new FormData();
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], fileName, { type: 'image/png' }));
  form.set('text', 'Pão quentinho toda manhã! #padaria');
  for (const [name, value] of Object.entries(extra)) form.set(name, value);
  return { method: 'POST', headers: SAME_ORIGIN, body: form };
}

/** Every row a client link could change, to compare before and after a request. */
async function snapshot(app: TestApp) {
  const [e, l, d, c, o, p] = await Promise.all([
    app.db.select().from(events),
    app.db.select().from(approvalLinks),
    app.db.select().from(approvalDecisions),
    app.db.select().from(pieceComments),
    app.db.select({ id: outbox.id }).from(outbox),
    app.db.select().from(pieces),
  ]);
  return JSON.stringify([e, l, d, c, o, p]);
}

describe.each(DRIVERS)('client approvals (%s)', (driver) => {
  let app: TestApp;
  let cs: string;
  let design: string;
  let otherCs: string;
  let pieceId: string;
  let rita: string;
  let joao: string;
  let ritaBanner: string;
  const start = new Date('2026-03-02T13:00:00.000Z');
  const approvalToken = async (to: string) => {
    const token = await latestMailMatch(app, to, /\/approval\/([a-z2-7]{32})/);
    if (!token) throw new Error(`no approval link for ${to}`);
    return token;
  };
  const asClient = (token: string, path: string, body: unknown) =>
    app.request(`/api/approval/${token}${path}`, postJson(body));

  beforeAll(async () => {
    app = await createTestApp(driver);
    await seedPeople(app);
    await app.db.insert(users).values({
      id: 'other-cs',
      email: 'outro.cs@ponte.example',
      name: 'Outro CS',
      createdAt: start,
    });
    await app.db.insert(userRoles).values({ userId: 'other-cs', role: 'cs' });
    cs = await signIn(app, 'cs@ponte.example');
    design = await signIn(app, 'design@ponte.example');
    otherCs = await signIn(app, 'outro.cs@ponte.example');
  });
  afterAll(() => app.close());

  it('lets CS start a project with a designer and a piece; Design sees it, another CS does not', async () => {
    const project = await app.request(
      '/api/pieces/projects',
      postJson(
        { clientId: 'demo-client-bakery', name: 'Campanha de verão', designerId: 'demo-design' },
        { cookie: cs },
      ),
    );
    expect(project.status).toBe(200);
    const { id: projectId } = await readJson(project);
    const notDesigner = await app.request(
      '/api/pieces/projects',
      postJson(
        { clientId: 'demo-client-bakery', name: 'X', designerId: 'demo-finance' },
        { cookie: cs },
      ),
    );
    expect(notDesigner.status).toBe(400);
    const piece = await app.request(
      '/api/pieces',
      postJson(
        { projectId, title: 'Post de lançamento', kind: 'social_post', dueOn: '2026-03-10' },
        { cookie: cs },
      ),
    );
    expect(piece.status).toBe(200);
    pieceId = (await readJson(piece)).id;
    const badKind = await app.request(
      '/api/pieces',
      postJson({ projectId, title: 'X', kind: 'billboard' }, { cookie: cs }),
    );
    expect(badKind.status).toBe(400);
    // Design uploads to a project given to them; another CS cannot reach the piece.
    expect(
      (
        await app.request(`/api/pieces/${pieceId}/versions`, {
          // A name that shows as "relatoriotab.png" and saves as .bat: cleaned on upload.
          ...versionForm(PNG, {}, 'relatorio\u202Efdp.bat'),
          headers: { ...SAME_ORIGIN, cookie: design },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await app.request(`/api/pieces/${pieceId}/versions`, {
          ...versionForm(PNG),
          headers: { ...SAME_ORIGIN, cookie: otherCs },
        })
      ).status,
    ).toBe(404);
  });

  it('checks a version by its bytes and size, never its name', async () => {
    const upload = (bytes: Uint8Array) =>
      app.request(`/api/pieces/${pieceId}/versions`, {
        ...versionForm(bytes),
        headers: { ...SAME_ORIGIN, cookie: cs },
      });
    const notImage = await upload(new TextEncoder().encode('just text, named peca.png'));
    expect(notImage.status).toBe(415);
    expect((await readJson(notImage)).error.message).toMatch(/PNG, JPEG/);
    const huge = new Uint8Array(policy.approvals.maxUploadBytes + 1);
    huge.set(PNG);
    expect((await upload(huge)).status).toBe(413);
    const [piece] = await app.db.select().from(pieces).where(eq(pieces.id, pieceId));
    expect(piece?.latestVersion).toBe(1);
  });

  it('lets only CS send for approval: a personal link per contact, by e-mail', async () => {
    const byDesign = await app.request(
      `/api/pieces/${pieceId}/send`,
      postJson({ contactIds: ['demo-contact-bakery-owner'] }, { cookie: design }),
    );
    expect(byDesign.status).toBe(403);
    const none = await app.request(
      `/api/pieces/${pieceId}/send`,
      postJson({ contactIds: ['demo-contact-clinic-director'] }, { cookie: cs }),
    );
    expect(none.status).toBe(400);
    const sent = await app.request(
      `/api/pieces/${pieceId}/send`,
      postJson(
        { contactIds: ['demo-contact-bakery-owner', 'demo-contact-bakery-marketing'], rule: 'all' },
        { cookie: cs },
      ),
    );
    expect(sent.status).toBe(200);
    rita = await approvalToken('rita@paoquente.example');
    joao = await approvalToken('joao@paoquente.example');
    expect(rita).not.toBe(joao);
    const [piece] = await app.db.select().from(pieces).where(eq(pieces.id, pieceId));
    expect(piece?.status).toBe('awaiting_approval');
    const links = await app.db.select().from(approvalLinks);
    // Only the hash is kept.
    expect(JSON.stringify(links)).not.toContain(rita);
  });

  it('stores and serves a PNG named relatorio<U+202E>fdp.bat as relatoriofdp.png (RFC 8187)', async () => {
    const expected = `inline; filename="relatoriofdp.png"; filename*=UTF-8''relatoriofdp.png`;
    const agency = await app.request(`/api/pieces/${pieceId}/versions/1/file`, {
      headers: { Cookie: cs },
    });
    expect(agency.headers.get('Content-Disposition')).toBe(expected);
    const client = await app.request(`/api/approval/${rita}/file`, { method: 'HEAD' });
    expect(client.headers.get('Content-Disposition')).toBe(expected);
    const added = await app.db.select().from(events).where(eq(events.action, 'version_added'));
    expect(added[0]?.data).toMatchObject({ fileName: 'relatoriofdp.png' });
  });

  it('changes nothing when a link scanner fetches, heads, prefetches or GETs the piece', async () => {
    const before = await snapshot(app);
    const head = await app.request(`/api/approval/${rita}/file`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    const prefetch = await app.request(`/api/approval/${rita}/file`, {
      headers: { 'Sec-Purpose': 'prefetch' },
    });
    expect(prefetch.status).toBe(200);
    expect(prefetch.headers.get('Referrer-Policy')).toBe('no-referrer');
    expect(prefetch.headers.get('Cache-Control')).toBe('no-store');
    expect(await snapshot(app)).toBe(before);
    // A plain GET, as the page's <img> — or a scanner that renders the page — makes it.
    expect((await app.request(`/api/approval/${rita}/file`)).status).toBe(200);
    expect(await snapshot(app)).toBe(before);
  });

  it('records the first view from what the contact does: the POST their page sends once shown', async () => {
    const shown = () =>
      app.request(`/api/approval/${rita}/viewed`, { method: 'POST', headers: SAME_ORIGIN });
    expect((await shown()).status).toBe(204);
    expect((await shown()).status).toBe(204);
    const views = await app.db.select().from(events).where(eq(events.action, 'approval_viewed'));
    expect(views).toHaveLength(1);
    const [link] = await app.db
      .select()
      .from(approvalLinks)
      .where(eq(approvalLinks.id, hashToken(rita)));
    expect(link?.firstOpenedAt?.getTime()).toBe(app.deps.clock().getTime());
  });

  it('makes an agency comment internal unless it is explicitly made visible (JSON and form)', async () => {
    const post = (init: RequestInit) =>
      app.request(`/api/pieces/${pieceId}/comments`, {
        ...init,
        headers: { ...SAME_ORIGIN, ...init.headers, Cookie: cs },
      });
    const json = (body: unknown) =>
      post({
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    const form = (fields: Record<string, string>) =>
      post({ method: 'POST', headers: { Accept: 'text/html' }, body: new URLSearchParams(fields) });
    const written = [
      // No field at all; the field of old ("internal": false) is not a way to publish either.
      [await json({ body: 'JSON sem campo' }), true],
      [await json({ body: 'JSON antigo', internal: false }), true],
      [await json({ body: 'JSON falso', visibleToClient: false }), true],
      [await form({ body: 'Formulário sem a marca', returnTo: `/pieces/${pieceId}` }), true],
      [await json({ body: 'JSON visível', visibleToClient: true }), false],
      [await form({ body: 'Formulário marcado', visibleToClient: 'on' }), false],
    ] as const;
    for (const [response] of written) expect([200, 303]).toContain(response.status);
    const rows = await app.db
      .select({ body: pieceComments.body, internal: pieceComments.internal })
      .from(pieceComments)
      .where(eq(pieceComments.pieceId, pieceId));
    const internalOf = (body: string) => rows.find((row) => row.body === body)?.internal;
    expect(
      [
        'JSON sem campo',
        'JSON antigo',
        'JSON falso',
        'Formulário sem a marca',
        'JSON visível',
        'Formulário marcado',
      ].map(internalOf),
    ).toEqual(written.map(([, internal]) => internal));
    await app.db.delete(pieceComments).where(eq(pieceComments.pieceId, pieceId));
  });

  it('keeps internal comments out of every response a client link can obtain', async () => {
    const internal = await app.request(
      `/api/pieces/${pieceId}/comments`,
      postJson({ target: 'image', body: INTERNAL, pinX: 0.5, pinY: 0.5 }, { cookie: design }),
    );
    expect(internal.status).toBe(200);
    const shared = await app.request(
      `/api/pieces/${pieceId}/comments`,
      postJson(
        { target: 'general', body: 'Feito com carinho', visibleToClient: true },
        { cookie: cs },
      ),
    );
    expect(shared.status).toBe(200);
    const opened = await openApprovalByToken(app.db, rita, app.deps.clock());
    expect(opened.ok).toBe(true);
    expect(JSON.stringify(opened)).not.toContain(INTERNAL);
    expect(JSON.stringify(opened)).toContain('Feito com carinho');
    const responses = await Promise.all([
      app.request(`/api/approval/${rita}/file`),
      asClient(rita, '/comments', { target: 'text', body: 'Troque "quentinho" por "fresquinho"' }),
      asClient(rita, '/comments', { target: 'text', body: '' }),
      asClient(rita, '/decision', { decision: 'changes_requested', message: '' }),
      asClient('a'.repeat(32), '/decision', { decision: 'approved' }),
    ]);
    for (const response of responses) expect(await response.text()).not.toContain(INTERNAL);
    const toClients = await app.db
      .select({ text: outbox.text, html: outbox.html })
      .from(outbox)
      .where(sql`${outbox.toAddress} like '%paoquente%'`);
    expect(toClients.length).toBeGreaterThan(0);
    expect(JSON.stringify(toClients)).not.toContain(INTERNAL);
  });

  it('lets a contact comment on the image (pinned) and edit or delete only their own; CS hears at once', async () => {
    const pinned = await asClient(rita, '/comments', {
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
    const offImage = await asClient(rita, '/comments', {
      target: 'image',
      body: 'x',
      pinX: 1.5,
      pinY: 0,
    });
    expect(offImage.status).toBe(400);
    expect((await asClient(joao, `/comments/${id}`, { body: 'não é meu' })).status).toBe(404);
    expect((await asClient(rita, `/comments/${id}`, { body: 'O pão está escuro' })).status).toBe(
      200,
    );
    const temporary = await readJson(
      await asClient(rita, '/comments', { target: 'general', body: 'apagar' }),
    );
    expect((await asClient(rita, `/comments/${temporary.id}/delete`, {})).status).toBe(200);
    const left = await app.db
      .select()
      .from(pieceComments)
      .where(eq(pieceComments.id, temporary.id));
    expect(left).toHaveLength(0);
  });

  it('records one decision when the same contact sends twenty at once, and says so after', async () => {
    const missing = await asClient(rita, '/decision', {
      decision: 'changes_requested',
      message: '  ',
    });
    expect(missing.status).toBe(400);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        asClient(rita, '/decision', { decision: 'changes_requested', message: 'Clarear o pão' }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    const decisions = await app.db.select().from(approvalDecisions);
    expect(decisions).toHaveLength(1);
    const again = await asClient(rita, '/decision', { decision: 'approved' });
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
    const late = await asClient(joao, '/decision', { decision: 'approved' });
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
    expect(await readJson(added)).toEqual({ version: 2, sent: 2 });
    const old = await openApprovalByToken(app.db, rita, app.deps.clock());
    expect(old.ok && old.approval.newerVersion?.number).toBe(2);
    expect(old.ok && old.approval.newerVersion?.sentToYouAt?.getTime()).toBe(
      start.getTime() + HOUR,
    );
    expect(old.ok && old.approval.mayAct).toBe(false);
    const [change] = await app.db.select().from(changeRequests);
    expect(change?.doneAt?.getTime()).toBe(start.getTime() + HOUR);
    rita = await approvalToken('rita@paoquente.example');
    joao = await approvalToken('joao@paoquente.example');
    const opened = await openApprovalByToken(app.db, rita, app.deps.clock());
    expect(opened.ok && opened.approval.earlierDecisions).toHaveLength(1);
  });

  it('reminds those who have not decided after the policy days, once, and stops when they decide', async () => {
    const remindAt = start.getTime() + HOUR + policy.links.approvalReminderAfterDays * DAY;
    const early = await sendApprovalReminders(app.db, policy, new Date(remindAt - 1), TEST_ORIGIN);
    expect(early.reminded).toBe(0);
    expect((await asClient(joao, '/decision', { decision: 'approved' })).status).toBe(200);
    const first = await sendApprovalReminders(app.db, policy, new Date(remindAt), TEST_ORIGIN);
    expect(first.reminded).toBe(1);
    const twice = await sendApprovalReminders(app.db, policy, new Date(remindAt), TEST_ORIGIN);
    expect(twice.reminded).toBe(0);
    const reminder = await latestMailMatch(app, 'rita@paoquente.example', /(ainda aguarda)/);
    expect(reminder).toBe('ainda aguarda');
    // The reminder's link works; the first one too.
    const fresh = await approvalToken('rita@paoquente.example');
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
    expect((await asClient(rita, '/decision', { decision: 'approved' })).status).toBe(200);
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

  it('gives revoked, expired, withdrawn and forged links a clear 404 or 410', async () => {
    const second = await readJson(
      await app.request(
        '/api/pieces',
        postJson(
          {
            projectId: (await app.db.select().from(pieces))[0]?.projectId,
            title: 'Banner',
            kind: 'banner',
          },
          { cookie: cs },
        ),
      ),
    );
    await app.request(`/api/pieces/${second.id}/versions`, {
      ...versionForm(PNG),
      headers: { ...SAME_ORIGIN, cookie: cs },
    });
    await app.request(
      `/api/pieces/${second.id}/send`,
      postJson(
        { contactIds: ['demo-contact-bakery-owner', 'demo-contact-bakery-marketing'], rule: 'any' },
        { cookie: cs },
      ),
    );
    ritaBanner = await approvalToken('rita@paoquente.example');
    const joaoBanner = await approvalToken('joao@paoquente.example');
    const revoked = await app.request(
      `/api/pieces/${second.id}/links/demo-contact-bakery-owner/revoke`,
      postJson({}, { cookie: cs }),
    );
    expect(revoked.status).toBe(200);
    const gone = await asClient(ritaBanner, '/comments', { body: 'oi' });
    expect(gone.status).toBe(410);
    expect((await readJson(gone)).error.code).toBe('link_revoked');
    const sentAt = app.deps.clock().getTime();
    app.setNow(new Date(sentAt + policy.links.approvalDays * DAY - 1));
    expect((await asClient(joaoBanner, '/comments', { body: 'ainda vale' })).status).toBe(200);
    app.setNow(new Date(sentAt + policy.links.approvalDays * DAY));
    const expired = await asClient(joaoBanner, '/comments', { body: 'tarde' });
    expect(expired.status).toBe(410);
    expect((await readJson(expired)).error.code).toBe('link_expired');
    app.setNow(new Date(sentAt));
    expect(
      (await app.request(`/api/pieces/${second.id}/revoke`, postJson({}, { cookie: cs }))).status,
    ).toBe(200);
    expect((await asClient(joaoBanner, '/comments', { body: 'x' })).status).toBe(410);
    expect((await asClient('b'.repeat(32), '/comments', { body: 'x' })).status).toBe(404);
    expect((await app.request('/api/approval/not-a-token/file')).status).toBe(404);
  });

  it('answers a form posted to a link revoked while its page was open with a page, JSON with JSON', async () => {
    const form = await app.request(`/api/approval/${ritaBanner}/decision`, {
      method: 'POST',
      headers: {
        ...SAME_ORIGIN,
        Accept: 'text/html,application/xhtml+xml',
        'Content-Type': 'application/x-www-form-urlencoded',
        'Accept-Language': 'en',
        'CF-Connecting-IP': '192.0.2.19',
      },
      body: new URLSearchParams({ decision: 'approved' }),
    });
    expect(form.status).toBe(410);
    expect(form.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(form.headers.get('Referrer-Policy')).toBe('no-referrer');
    const page = await form.text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('This link was withdrawn by the agency');
    const json = await app.request(
      `/api/approval/${ritaBanner}/decision`,
      postJson({ decision: 'approved' }, { ip: '192.0.2.19' }),
    );
    expect(json.status).toBe(410);
    expect((await readJson(json)).error.code).toBe('link_revoked');
  });

  it('counts forged tokens on the link pages against the same limit as the API', async () => {
    const ip = '198.51.100.7';
    // What /approval/<token> does with a token that does not open (see the page).
    const page = async (token: string) => {
      const opened = await openApprovalByToken(app.db, token, app.deps.clock());
      const request = new Request(`http://localhost/approval/${token}`, {
        headers: { 'CF-Connecting-IP': ip },
      });
      return opened.ok
        ? null
        : refuseClientLink(app.db, policy, visitorIp(request), opened.error, app.deps.clock());
    };
    const limit = policy.rateLimits.clientLinkFailuresPerIp.max;
    for (let i = 0; i < limit - 1; i++)
      expect(await page(`${'e'.repeat(31)}${'a'}`)).toEqual({ problem: 'invalid' });
    // The API's failure from the same address is the last one allowed…
    const api = () =>
      app.request(`/api/approval/${'f'.repeat(32)}/comments`, postJson({ body: 'oi' }, { ip }));
    expect((await api()).status).toBe(404);
    // …then both the page and the API ask the address to wait.
    const refusal = await page('g'.repeat(32));
    expect(refusal).toMatchObject({ problem: 'rate_limited' });
    const shown = refusal && describeLinkRefusal(refusal, 'approvals');
    expect(shown).toMatchObject({ status: 429, messageKey: 'errors.rateLimited' });
    expect(Number(shown?.headers['Retry-After'])).toBeGreaterThan(0);
    expect((await api()).status).toBe(429);
    // A valid link is never counted or slowed.
    expect(await page(rita)).toBeNull();
  });

  it('slows down an address that keeps trying links that do not open, never a valid one', async () => {
    const attempt = (token: string) =>
      app.request(
        `/api/approval/${token}/comments`,
        postJson({ body: 'oi' }, { ip: '203.0.113.9' }),
      );
    const limit = policy.rateLimits.clientLinkFailuresPerIp.max;
    for (let i = 0; i < limit; i++)
      expect((await attempt(`${'c'.repeat(31)}${'a'}`)).status).toBe(404);
    const limited = await attempt('d'.repeat(32));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect((await readJson(limited)).error.message).toMatch(/minutos/);
    const valid = await app.request(`/api/approval/${rita}/file`, {
      headers: { 'CF-Connecting-IP': '203.0.113.9' },
    });
    expect(valid.status).toBe(200);
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
