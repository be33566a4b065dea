import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientMilestones,
  onboardingAnswers,
  onboardingFiles,
  onboardingLinks,
  outbox,
  userRoles,
  users,
} from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { CURRENT_ONBOARDING, type Question } from '../../src/questionnaires/index.ts';
import { hashToken } from '../../src/server/auth/tokens.ts';
import { openOnboardingByToken } from '../../src/server/onboarding/onboarding-links.ts';
import { latestMailMatch, postJson, seedPeople, signIn } from '../support/sign-in.ts';
import { createTestApp, readJson, SAME_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const DAY = 86_400_000;
const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** A valid answer for any question kind, for filling a questionnaire in tests. */
function validAnswer(question: Question): string | string[] {
  if (question.kind === 'email') return 'contato@paoquente.example';
  if (question.kind === 'phone') return '+55 11 98765-4321';
  if (question.kind === 'url') return 'https://paoquente.example';
  if (question.kind === 'checklist') return [question.options?.[0]?.id ?? ''];
  return `Resposta para ${question.id}`;
}

const requiredAnswers = Object.fromEntries(
  CURRENT_ONBOARDING.sections
    .flatMap((s) => s.questions)
    .filter((q) => q.required && q.kind !== 'files')
    .map((q) => [q.id, validAnswer(q)]),
);

/** The token of the newest onboarding link e-mailed to an address. */
async function onboardingToken(app: TestApp, to: string): Promise<string> {
  const token = await latestMailMatch(app, to, /\/onboarding\/([a-z2-7]{32})/);
  if (!token) throw new Error(`no onboarding link for ${to}`);
  return token;
}

function uploadForm(questionId: string, bytes: Uint8Array, name: string): RequestInit {
  const form = new FormData();
  form.set('questionId', questionId);
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], name, { type: 'application/pdf' }));
  return { method: 'POST', headers: SAME_ORIGIN, body: form };
}

describe.each(DRIVERS)('client onboarding by link (%s)', (driver) => {
  let app: TestApp;
  let cs: string;
  let otherCs: string;
  let token: string;
  const start = new Date('2026-03-02T13:00:00.000Z');
  const client = 'demo-client-bakery';
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
    otherCs = await signIn(app, 'outro.cs@ponte.example');
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

  it('autosaves answers, keeping what is typed even when it is not acceptable yet', async () => {
    const response = await answer({
      answers: { story: '  Começamos em 2010.  ', emailDocuments: 'rita@', unknownQuestion: 'x' },
    });
    expect(response.status).toBe(200);
    const body = await readJson(response);
    expect(body.saved.sort()).toEqual(['emailDocuments', 'story']);
    expect(body.problems).toEqual({
      emailDocuments: 'Informe um e-mail válido, como nome@empresa.com.br.',
    });
    const rows = await app.db.select().from(onboardingAnswers);
    expect(Object.fromEntries(rows.map((r) => [r.questionId, r.value]))).toMatchObject({
      story: 'Começamos em 2010.',
      emailDocuments: 'rita@',
    });
  });

  it('never loses a field when two tabs save different questions at once', async () => {
    await Promise.all([
      answer({ answers: { goals: 'Vender mais pães' } }),
      answer({ answers: { expectations: 'Crescer juntos' } }),
      answer(
        { answers: { customers: 'Vizinhos do bairro' } },
        await onboardingToken(app, 'joao@paoquente.example'),
      ),
    ]);
    const rows = await app.db.select().from(onboardingAnswers);
    const saved = Object.fromEntries(rows.map((r) => [r.questionId, r.value]));
    expect(saved).toMatchObject({
      goals: 'Vender mais pães',
      expectations: 'Crescer juntos',
      customers: 'Vizinhos do bairro',
      story: 'Começamos em 2010.',
    });
  });

  it('refuses "next" on a section with a required question empty, with the message next to it', async () => {
    const response = await app.request(
      `/api/onboarding/${token}/sections/company`,
      postJson({
        action: 'next',
        businessModel: 'Padaria de bairro',
        customers: 'Vizinhos do bairro',
        plannedBudget: '',
      }),
    );
    expect(response.status).toBe(400);
    expect((await readJson(response)).problems).toEqual({ plannedBudget: 'Preencha este campo.' });
  });

  it('refuses a section the questionnaire does not have (CR/LF in its name included): 404, nothing saved, never a 5xx', async () => {
    const before = await app.db.select().from(onboardingAnswers);
    for (const section of ['a%0Db', 'a%0D%0ALocation:%20https:%2F%2Fevil.example', 'nope']) {
      const response = await app.request(`/api/onboarding/${token}/sections/${section}`, {
        method: 'POST',
        headers: {
          ...SAME_ORIGIN,
          Accept: 'text/html',
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ action: 'save', story: 'mudado' }).toString(),
      });
      expect(response.status, section).toBe(404);
    }
    expect(await app.db.select().from(onboardingAnswers)).toEqual(before);
  });

  it('stores a real PDF, and refuses an oversize file or one that is not what it claims', async () => {
    expect(
      (
        await app.request(
          `/api/onboarding/${token}/files`,
          uploadForm('research', PDF, 'pesquisa.pdf'),
        )
      ).status,
    ).toBe(200);
    const fake = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]); // an .exe header named .pdf
    const wrong = await app.request(
      `/api/onboarding/${token}/files`,
      uploadForm('research', fake, 'pesquisa2.pdf'),
    );
    expect(wrong.status).toBe(415);
    expect((await readJson(wrong)).error.fields.research).toMatch(/não é aceito/);
    const big = new Uint8Array(policy.onboarding.maxUploadBytes + 1);
    big.set(PDF);
    const oversize = await app.request(
      `/api/onboarding/${token}/files`,
      uploadForm('research', big, 'grande.pdf'),
    );
    expect(oversize.status).toBe(413);
    const files = await app.db.select().from(onboardingFiles);
    expect(files.map((f) => f.name)).toEqual(['pesquisa.pdf']);
    expect(files[0]?.fileKey).toMatch(/^onboarding\/\d{4}-\d{2}\/[0-9a-f-]{36}$/);
  });

  it("does not let another client's link or another CS reach this client's files", async () => {
    const [file] = await app.db.select().from(onboardingFiles);
    await app.request(
      `/api/clients/demo-client-clinic/onboarding`,
      postJson({ contactIds: ['demo-contact-clinic-director'] }, { cookie: cs }),
    );
    const clinicToken = await onboardingToken(app, 'marina@sorrisoleve.example');
    const removeByOther = await app.request(
      `/api/onboarding/${clinicToken}/files/${file?.id}/delete`,
      postJson({}),
    );
    expect(removeByOther.status).toBe(404);
    const downloadByOther = await app.request(
      `/api/clients/${client}/onboarding/files/${file?.id}`,
      { headers: { Cookie: otherCs } },
    );
    expect(downloadByOther.status).toBe(404);
    const download = await app.request(`/api/clients/${client}/onboarding/files/${file?.id}`, {
      headers: { Cookie: cs },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('Content-Disposition')).toMatch(/^attachment/);
    expect(download.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(PDF);
  });

  it('stores and serves a text file named relatorio<U+202E>fdp.bat as relatoriofdp.txt (RFC 8187)', async () => {
    const text = new TextEncoder().encode('Relatório de vendas\n');
    const uploaded = await app.request(
      `/api/onboarding/${token}/files`,
      uploadForm('research', text, 'relatorio\u202Efdp.bat'),
    );
    expect(uploaded.status).toBe(200);
    const { id } = await readJson(uploaded);
    const [row] = await app.db.select().from(onboardingFiles).where(eq(onboardingFiles.id, id));
    expect(row?.name).toBe('relatoriofdp.txt');
    const download = await app.request(`/api/clients/${client}/onboarding/files/${id}`, {
      headers: { Cookie: cs },
    });
    expect(download.headers.get('Content-Disposition')).toBe(
      `attachment; filename="relatoriofdp.txt"; filename*=UTF-8''relatoriofdp.txt`,
    );
    expect(download.headers.get('Content-Type')).toBe('text/plain; charset=utf-8');
    await download.arrayBuffer();
    const removed = await app.request(`/api/onboarding/${token}/files/${id}/delete`, postJson({}));
    expect(removed.status).toBe(200);
  });

  it('asks for consent, then submits once: read-only, milestone, one e-mail to CS', async () => {
    const submit = (body: unknown) =>
      app.request(`/api/onboarding/${token}/submit`, postJson(body));
    expect((await readJson(await submit({ consent: true }))).error.code).toBe('incomplete');
    await answer({ answers: requiredAnswers });
    const noConsent = await submit({ consent: false });
    expect((await readJson(noConsent)).error.fields.consent).toMatch(/privacidade/);
    app.setNow(new Date(start.getTime() + 60_000));
    const [first, second] = await Promise.all([
      submit({ consent: true }),
      submit({ consent: true }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const [milestone] = await app.db
      .select()
      .from(clientMilestones)
      .where(eq(clientMilestones.clientId, client));
    expect(milestone?.occurredAt.getTime()).toBe(start.getTime() + 60_000);
    const mails = await app.db
      .select()
      .from(outbox)
      .where(eq(outbox.toAddress, 'cs@ponte.example'));
    expect(mails.filter((m) => m.subject.includes('Padaria Pão Quente'))).toHaveLength(1);
    expect((await answer({ answers: { story: 'mudar depois' } })).status).toBe(409);
    app.setNow(start);
  });

  it('exports the answers as Markdown for the CS', async () => {
    const response = await app.request(`/api/clients/${client}/onboarding.md`, {
      headers: { Cookie: cs },
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain('# Questionário de boas-vindas — Padaria Pão Quente');
    expect(text).toContain(
      '### Quanto pretende investir neste projeto?\n\nResposta para plannedBudget',
    );
    expect(text).toContain('_Sem resposta_');
    expect(text).toContain('- pesquisa.pdf');
  });

  it('exports what a client typed as literal text: no HTML, no links, no headings of its own', async () => {
    const clinic = await onboardingToken(app, 'marina@sorrisoleve.example');
    const saved = await answer(
      {
        answers: {
          businessModel: '<script>alert(1)</script>\n# Aprovado pela diretoria\nTexto\n===',
          customers: '[clique](javascript:alert(1)) <img src=x onerror=alert(1)>\n> citação',
          plannedBudget: '<javascript:alert(1)>\n1. R$ 5.000\n    código',
        },
      },
      clinic,
    );
    expect(saved.status).toBe(200);
    const response = await app.request('/api/clients/demo-client-clinic/onboarding.md', {
      headers: { Cookie: cs },
    });
    const text = await response.text();
    expect(text).not.toMatch(/<script|<img|<javascript|\]\(javascript:/);
    expect(text).toContain(
      '&lt;script&gt;alert\\(1\\)&lt;/script&gt;\n\\# Aprovado pela diretoria',
    );
    // Only the questionnaire's own headings: its title, its sections and its questions.
    const questions = CURRENT_ONBOARDING.sections.flatMap((section) => section.questions);
    const headings = text.split('\n').filter((line) => /^ {0,3}#/.test(line));
    expect(headings).toHaveLength(1 + CURRENT_ONBOARDING.sections.length + questions.length);
    expect(text.split('\n').filter((line) => /^ {0,3}(=+|-{3,}|>|\d+\.| {4})/.test(line))).toEqual(
      [],
    );
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
