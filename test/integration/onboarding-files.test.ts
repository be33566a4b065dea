import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onboardingFiles } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { onboardingToken, PDF, sendBakeryLinks, uploadForm } from '../support/onboarding.ts';
import { postJson } from '../support/sign-in.ts';
import { openAppWithOtherCs } from '../support/teams.ts';
import { readJson, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

/** Files a contact uploads through an onboarding link: what is stored, who may reach it, its name. */
describe.each(DRIVERS)('client onboarding by link (%s)', (driver) => {
  let app: TestApp;
  let cs: string;
  let otherCs: string;
  let token: string;
  const client = 'demo-client-bakery';
  beforeAll(async () => {
    ({ app, cs, otherCs } = await openAppWithOtherCs(driver));
    token = await sendBakeryLinks(app, cs);
  });
  afterAll(() => app.close());

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
});
