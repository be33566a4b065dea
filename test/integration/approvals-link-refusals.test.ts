import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pieces } from '../../db/schema/index.ts';
import { PAGE_CSP } from '../../functions/http/security-headers.ts';
import { policy } from '../../src/policy/index.ts';
import { openApprovalByToken } from '../../src/server/approvals/approval-links.ts';
import {
  describeLinkRefusal,
  refuseClientLink,
  visitorIp,
} from '../../src/server/rate-limits/link-failures.ts';
import {
  approvalToken,
  asClient,
  DAY,
  openSentPiece,
  PNG,
  versionForm,
} from '../support/approvals.ts';
import { approveInternally } from '../support/internal-review.ts';
import { postJson } from '../support/sign-in.ts';
import { readJson, SAME_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

/** Links that no longer open (revoked, expired, withdrawn, forged) and the limit on trying them. */
describe.each(DRIVERS)('client approvals (%s)', (driver) => {
  let app: TestApp;
  let cs: string;
  let rita: string;
  let ritaBanner: string;

  beforeAll(async () => {
    ({ app, cs, rita } = await openSentPiece(driver));
  });
  afterAll(() => app.close());

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
    // A banner is agreed inside the agency before the client.
    await approveInternally(app, second.id);
    await app.request(
      `/api/pieces/${second.id}/send`,
      postJson(
        { contactIds: ['demo-contact-bakery-owner', 'demo-contact-bakery-marketing'], rule: 'any' },
        { cookie: cs },
      ),
    );
    ritaBanner = await approvalToken(app, 'rita@paoquente.example');
    const joaoBanner = await approvalToken(app, 'joao@paoquente.example');
    const revoked = await app.request(
      `/api/pieces/${second.id}/links/demo-contact-bakery-owner/revoke`,
      postJson({}, { cookie: cs }),
    );
    expect(revoked.status).toBe(200);
    const gone = await asClient(app, ritaBanner, '/comments', { body: 'oi' });
    expect(gone.status).toBe(410);
    expect((await readJson(gone)).error.code).toBe('link_revoked');
    const sentAt = app.deps.clock().getTime();
    app.setNow(new Date(sentAt + policy.links.approvalDays * DAY - 1));
    expect((await asClient(app, joaoBanner, '/comments', { body: 'ainda vale' })).status).toBe(200);
    app.setNow(new Date(sentAt + policy.links.approvalDays * DAY));
    const expired = await asClient(app, joaoBanner, '/comments', { body: 'tarde' });
    expect(expired.status).toBe(410);
    expect((await readJson(expired)).error.code).toBe('link_expired');
    app.setNow(new Date(sentAt));
    expect(
      (await app.request(`/api/pieces/${second.id}/revoke`, postJson({}, { cookie: cs }))).status,
    ).toBe(200);
    expect((await asClient(app, joaoBanner, '/comments', { body: 'x' })).status).toBe(410);
    expect((await asClient(app, 'b'.repeat(32), '/comments', { body: 'x' })).status).toBe(404);
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
    // Drawn as a page: its style shows, and still no inline script runs.
    expect(form.headers.get('Content-Security-Policy')).toBe(PAGE_CSP);
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
});
