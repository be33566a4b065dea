import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onboardingFiles, onboardingLinks } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { hashToken } from '../../src/server/auth/tokens.ts';
import { openOnboardingByToken } from '../../src/server/onboarding/onboarding-links.ts';
import { onboardingToken, PDF, sendClinicLink, uploadForm } from '../support/onboarding.ts';
import { postJson } from '../support/sign-in.ts';
import { openAppWithOtherCs } from '../support/teams.ts';
import { readJson, SAME_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const DAY = 86_400_000;

/** Registering a client, sending its contacts their links, opening them, and links that no longer open. */
describe.each(DRIVERS)('client onboarding by link (%s)', (driver) => {
  let app: TestApp;
  let cs: string;
  let otherCs: string;
  let token: string;
  const start = new Date('2026-03-02T13:00:00.000Z');
  const client = 'demo-client-bakery';
  beforeAll(async () => {
    ({ app, cs, otherCs } = await openAppWithOtherCs(driver));
    // The clinic's link, for the tests of a link that expires or is revoked.
    await sendClinicLink(app, cs);
  });
  afterAll(() => app.close());
  const answer = (body: unknown, t = token) =>
    app.request(`/api/onboarding/${t}/answers`, postJson(body));

  it('lets CS register a client and a contact, refusing a phone not in E.164', async () => {
    const created = await app.request(
      '/api/clients',
      postJson(
        {
          name: 'Loja Nova',
          csUserId: 'demo-cs',
          segment: 'Varejo',
          serviceStartsOn: '2026-03-01',
          serviceEndsOn: '2026-08-31',
          groupChatUrl: 'https://chat.whatsapp.com/abc',
        },
        { cookie: cs },
      ),
    );
    expect(created.status).toBe(200);
    const { id } = await readJson(created);
    const bad = await app.request(
      `/api/clients/${id}/contacts`,
      postJson(
        { name: 'Lia', email: 'lia@loja.example', whatsapp: '11 9999', locale: 'pt-BR' },
        { cookie: cs },
      ),
    );
    expect(bad.status).toBe(400);
    expect((await readJson(bad)).error.fields.whatsapp).toMatch(/\+55/);
    const good = await app.request(
      `/api/clients/${id}/contacts`,
      postJson(
        {
          name: 'Lia',
          email: 'Lia@Loja.example',
          whatsapp: '+55 (11) 99999-0000',
          locale: 'pt-BR',
          mayAnswerQuestionnaires: true,
        },
        { cookie: cs },
      ),
    );
    expect(good.status).toBe(200);
    // Another CS does not see this client at all.
    const hidden = await app.request(
      `/api/clients/${id}`,
      postJson({ name: 'X', csUserId: 'other-cs' }, { cookie: otherCs }),
    );
    expect(hidden.status).toBe(404);
  });

  it('sends each chosen contact a personal link by e-mail, valid for the policy days', async () => {
    const sent = await app.request(
      `/api/clients/${client}/onboarding`,
      postJson(
        { contactIds: ['demo-contact-bakery-owner', 'demo-contact-bakery-marketing'] },
        { cookie: cs },
      ),
    );
    expect(sent.status).toBe(200);
    expect((await readJson(sent)).sent).toBe(2);
    token = await onboardingToken(app, 'rita@paoquente.example');
    expect(token).toMatch(/^[a-z2-7]{32}$/);
    expect(await onboardingToken(app, 'joao@paoquente.example')).not.toBe(token);
  });

  it('leaves a link not opened when it is only fetched; the page’s POST once shown, or a first save, marks it', async () => {
    const openedAt = async (t: string) =>
      (
        await app.db
          .select()
          .from(onboardingLinks)
          .where(eq(onboardingLinks.id, hashToken(t)))
      )[0]?.firstOpenedAt ?? null;
    // What the page loads on a GET — a mail scanner's fetch included.
    expect((await openOnboardingByToken(app.db, token, app.deps.clock())).ok).toBe(true);
    expect(await openedAt(token)).toBeNull();
    const shown = await app.request(`/api/onboarding/${token}/opened`, {
      method: 'POST',
      headers: SAME_ORIGIN,
    });
    expect(shown.status).toBe(204);
    expect((await openedAt(token))?.getTime()).toBe(app.deps.clock().getTime());
    // Without JavaScript, the first save is the first sign of the contact.
    const joao = await onboardingToken(app, 'joao@paoquente.example');
    expect(await openedAt(joao)).toBeNull();
    expect((await answer({ answers: { story: 'Começamos em 2010.' } }, joao)).status).toBe(200);
    expect(await openedAt(joao)).not.toBeNull();
    // …or the first upload, when that is what the contact does first (on a link sent again).
    await app.request(
      `/api/clients/${client}/onboarding`,
      postJson({ contactIds: ['demo-contact-bakery-marketing'] }, { cookie: cs }),
    );
    const again = await onboardingToken(app, 'joao@paoquente.example');
    expect(again).not.toBe(joao);
    expect(await openedAt(again)).toBeNull();
    const upload = await app.request(
      `/api/onboarding/${again}/files`,
      uploadForm('research', PDF, 'primeiro.pdf'),
    );
    expect(upload.status).toBe(200);
    expect(await openedAt(again)).not.toBeNull();
    await app.db.delete(onboardingFiles);
  });

  it('gives a revoked link 410 at once, an expired one 410 at its exact expiry, and a forged one 404', async () => {
    const clinicToken = await onboardingToken(app, 'marina@sorrisoleve.example');
    app.setNow(new Date(start.getTime() + policy.links.onboardingDays * DAY - 1));
    expect((await answer({ answers: { story: 'ainda vale' } }, clinicToken)).status).toBe(200);
    app.setNow(new Date(start.getTime() + policy.links.onboardingDays * DAY));
    const expired = await answer({ answers: { story: 'tarde' } }, clinicToken);
    expect(expired.status).toBe(410);
    expect((await readJson(expired)).error.code).toBe('link_expired');
    app.setNow(start);
    await app.request(
      '/api/clients/demo-client-clinic/onboarding/links/demo-contact-clinic-director/revoke',
      postJson({}, { cookie: cs }),
    );
    expect((await answer({ answers: { story: 'x' } }, clinicToken)).status).toBe(410);
    expect((await answer({ answers: { story: 'x' } }, 'a'.repeat(32))).status).toBe(404);
  });

  it('answers a form posted to a link revoked while its page was open with a page, JSON with JSON', async () => {
    const clinicToken = await onboardingToken(app, 'marina@sorrisoleve.example');
    const form = await app.request(`/api/onboarding/${clinicToken}/sections/about`, {
      method: 'POST',
      headers: {
        ...SAME_ORIGIN,
        Accept: 'text/html,application/xhtml+xml',
        'Content-Type': 'application/x-www-form-urlencoded',
        'CF-Connecting-IP': '192.0.2.29',
      },
      body: new URLSearchParams({ story: 'x', action: 'next' }),
    });
    expect(form.status).toBe(410);
    expect(form.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(form.headers.get('Referrer-Policy')).toBe('no-referrer');
    expect(await form.text()).toContain(
      'Este link foi desativado. Peça um novo link ao seu atendimento.',
    );
    const json = await answer({ answers: { story: 'x' } }, clinicToken);
    expect(json.status).toBe(410);
    expect((await readJson(json)).error.code).toBe('link_revoked');
  });
});
