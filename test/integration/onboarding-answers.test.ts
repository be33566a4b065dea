import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientMilestones, onboardingAnswers, outbox } from '../../db/schema/index.ts';
import { CURRENT_ONBOARDING } from '../../src/questionnaires/index.ts';
import {
  onboardingToken,
  PDF,
  requiredAnswers,
  sendBakeryLinks,
  sendClinicLink,
  uploadForm,
} from '../support/onboarding.ts';
import { postJson } from '../support/sign-in.ts';
import { openAppWithOtherCs } from '../support/teams.ts';
import { readJson, SAME_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

/** Answering the questionnaire through a link, submitting it once, and the CS's Markdown export. */
describe.each(DRIVERS)('client onboarding by link (%s)', (driver) => {
  let app: TestApp;
  let cs: string;
  let token: string;
  const start = new Date('2026-03-02T13:00:00.000Z');
  const client = 'demo-client-bakery';
  beforeAll(async () => {
    ({ app, cs } = await openAppWithOtherCs(driver));
    token = await sendBakeryLinks(app, cs);
    await sendClinicLink(app, cs);
    // The research file the export lists.
    await app.request(
      `/api/onboarding/${token}/files`,
      uploadForm('research', PDF, 'pesquisa.pdf'),
    );
  });
  afterAll(() => app.close());
  const answer = (body: unknown, t = token) =>
    app.request(`/api/onboarding/${t}/answers`, postJson(body));

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

  it('returns to the review after a change opened from it, and to the section (still changing) when refused', async () => {
    const company = CURRENT_ONBOARDING.sections.find((s) => s.id === 'company');
    const answers = Object.fromEntries(
      (company?.questions ?? [])
        .filter((q) => q.id in requiredAnswers)
        .map((q) => [q.id, String(requiredAnswers[q.id])]),
    );
    const post = (fields: Record<string, string>) =>
      app.request(`/api/onboarding/${token}/sections/company`, {
        method: 'POST',
        headers: {
          ...SAME_ORIGIN,
          Accept: 'text/html',
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ action: 'next', afterSave: 'review', ...fields }).toString(),
      });
    const saved = await post(answers);
    expect(saved.status).toBe(303);
    expect(saved.headers.get('Location')).toBe(`/onboarding/${token}/review`);
    const refused = await post({ ...answers, plannedBudget: '' });
    expect(refused.headers.get('Location')).toBe(`/onboarding/${token}/company?change=1`);
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
});
