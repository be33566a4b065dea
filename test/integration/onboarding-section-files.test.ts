import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  onboardingAnswers,
  onboardingFiles,
  onboardingSectionSaves,
} from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { openOnboardingByToken } from '../../src/server/onboarding/onboarding-links.ts';
import { saveSection } from '../../src/server/onboarding/onboarding-section-save.ts';
import {
  feedbackOf,
  PDF,
  requiredAnswers,
  sectionForm,
  sendBakeryLinks,
} from '../support/onboarding.ts';
import { postJson } from '../support/sign-in.ts';
import { openAppWithOtherCs } from '../support/teams.ts';
import { readJson, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]); // an .exe header

/**
 * A file chosen in the materials section but not sent with its own button: "Salvar e
 * continuar" (a plain form, no JavaScript) stores it or refuses it with the field marked —
 * never drops it.
 */
describe.each(DRIVERS)('files chosen in a section form (%s)', (driver) => {
  let app: TestApp;
  let token: string;
  const post = (init: RequestInit) =>
    app.request(`/api/onboarding/${token}/sections/materials`, init);
  const storedKeys = async () =>
    (await app.bucket.list({ prefix: 'onboarding/' })).objects.map((o) => o.key);
  beforeAll(async () => {
    const opened = await openAppWithOtherCs(driver);
    app = opened.app;
    token = await sendBakeryLinks(app, opened.cs);
  });
  beforeEach(async () => {
    await app.db.delete(onboardingFiles);
    for (const key of await storedKeys()) await app.bucket.delete(key);
  });
  afterAll(() => app.close());

  it('stores a chosen, unsent file with "Salvar e continuar", beside the typed answers, and goes on', async () => {
    const response = await post(
      sectionForm({ materialsLinks: 'https://drive.example/pasta' }, 'next', {
        research: { bytes: PDF, name: 'pesquisa.pdf' },
        materials: null,
      }),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe(`/onboarding/${token}/access`);
    expect(feedbackOf(response)?.notice).toBe('Respostas salvas e arquivos enviados.');
    const files = await app.db.select().from(onboardingFiles);
    expect(files.map((f) => [f.questionId, f.name, f.size])).toEqual([
      ['research', 'pesquisa.pdf', PDF.byteLength],
    ]);
    expect(await storedKeys()).toEqual([files[0]?.fileKey]);
    const [link] = await app.db
      .select()
      .from(onboardingAnswers)
      .where(eq(onboardingAnswers.questionId, 'materialsLinks'));
    expect(link?.value).toBe('https://drive.example/pasta');
    const saves = await app.db.select().from(onboardingSectionSaves);
    expect(saves.map((s) => s.sectionId)).toContain('materials');
  });

  it('refuses a chosen file that is not what it claims: the field marked, the answers kept, no file stored', async () => {
    const response = await post(
      sectionForm({ materialsLinks: 'https://drive.example/outra' }, 'next', {
        research: { bytes: PDF, name: 'boa.pdf' },
        materials: { bytes: EXE, name: 'manual.pdf' },
      }),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe(`/onboarding/${token}/materials`);
    const feedback = feedbackOf(response);
    expect(feedback?.fields?.materials).toMatch(/“manual.pdf” não foi enviado: .*não é aceito/);
    expect(feedback?.values?.materialsLinks).toBe('https://drive.example/outra');
    // One refused file refuses the post's files: none is stored, not even the good one.
    expect(await app.db.select().from(onboardingFiles)).toEqual([]);
    expect(await storedKeys()).toEqual([]);
    // What was typed is kept, as on any save.
    const [link] = await app.db
      .select()
      .from(onboardingAnswers)
      .where(eq(onboardingAnswers.questionId, 'materialsLinks'));
    expect(link?.value).toBe('https://drive.example/outra');
  });

  it('answers a script or API caller with the refusal by field: 413 for an oversize file, 415 for an empty one', async () => {
    const big = new Uint8Array(policy.onboarding.maxUploadBytes + 1);
    big.set(PDF);
    const asJson = (init: RequestInit) => ({
      ...init,
      headers: { ...(init.headers as Record<string, string>), Accept: 'application/json' },
    });
    const oversize = await post(
      asJson(sectionForm({}, 'save', { research: { bytes: big, name: 'grande.pdf' } })),
    );
    expect(oversize.status).toBe(413);
    expect((await readJson(oversize)).error.fields.research).toMatch(/20 MB/);
    const empty = await post(
      asJson(
        sectionForm({}, 'upload', { materials: { bytes: new Uint8Array(), name: 'vazio.pdf' } }),
      ),
    );
    expect(empty.status).toBe(415);
    expect((await readJson(empty)).error.fields.materials).toBeTruthy();
    expect(await app.db.select().from(onboardingFiles)).toEqual([]);
    expect(await storedKeys()).toEqual([]);
  });

  it('stores every file chosen with the upload button and stays on the section; empty fields post nothing', async () => {
    const response = await post(
      sectionForm({}, 'upload', {
        research: { bytes: PDF, name: 'a.pdf' },
        materials: { bytes: new TextEncoder().encode('Lista de produtos\n'), name: 'lista.txt' },
      }),
    );
    expect(response.headers.get('Location')).toBe(`/onboarding/${token}/materials`);
    const nothing = await post(sectionForm({}, 'save', { research: null, materials: null }));
    expect(feedbackOf(nothing)?.notice).toBe('Respostas salvas.');
    const files = await app.db.select().from(onboardingFiles);
    expect(files.map((f) => f.name).sort()).toEqual(['a.pdf', 'lista.txt']);
    expect((await storedKeys()).length).toBe(2);
  });

  it('removes the stored bytes again when the questionnaire was sent while the files were on their way', async () => {
    const opened = await openOnboardingByToken(app.db, token, app.deps.clock());
    if (!opened.ok) throw new Error('the link should open');
    await app.request(`/api/onboarding/${token}/answers`, postJson({ answers: requiredAnswers }));
    const submitted = await app.request(
      `/api/onboarding/${token}/submit`,
      postJson({ consent: true }),
    );
    expect(submitted.status).toBe(200);
    // The section was read while still open: its post arrives after the submit.
    const form = new FormData();
    form.set('research', new File([PDF as Uint8Array<ArrayBuffer>], 'tarde.pdf'));
    const result = await saveSection(
      app.deps,
      opened.onboarding,
      { raw: Object.fromEntries(form), sectionId: 'materials', advance: true },
      policy,
      app.deps.clock(),
    );
    expect(result).toEqual({ ok: false, error: 'submitted' });
    expect(await app.db.select().from(onboardingFiles)).toEqual([]);
    expect(await storedKeys()).toEqual([]);
  });
});
