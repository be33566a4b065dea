import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clientRequests, outbox, requestFiles, requestTemplates } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { postRequestForm } from '../../src/server/client-requests/request-form-post.ts';
import type { RequestTarget } from '../../src/server/client-requests/request-target.ts';
import { saveTemplateVersion } from '../../src/server/client-requests/template-store.ts';
import type { ContactViewer } from '../../src/server/client-space/contact-viewer.ts';
import { EXE, formValues, openRequestsApp, PDF } from '../support/request-form.ts';
import { TEST_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const COMPLETE = { title: 'Banner', description: 'Para a vitrine' };

/** Files chosen in a request form: stored with whichever button is pressed, or refused — never dropped. */
describe.each(DRIVERS)('files on a request (%s)', (driver) => {
  let app: TestApp;
  let rita: ContactViewer;
  const post = (target: RequestTarget, raw: Record<string, unknown>, send = false) =>
    postRequestForm(
      app.deps,
      rita,
      { target, raw, send },
      { origin: TEST_ORIGIN, ip: null },
      policy,
      app.deps.clock(),
    );
  const newProject = (): RequestTarget => ({ kind: 'project', newId: crypto.randomUUID() });
  const storedKeys = async () =>
    (await app.bucket.list({ prefix: 'requests/' })).objects.map((o) => o.key);
  const nothingWritten = async () => {
    expect(await app.db.select().from(clientRequests)).toEqual([]);
    expect(await app.db.select().from(requestFiles)).toEqual([]);
    expect(await storedKeys()).toEqual([]);
    expect(await app.db.select().from(outbox)).toEqual([]);
  };
  beforeAll(async () => {
    ({ app, rita } = await openRequestsApp(driver));
  });
  beforeEach(async () => {
    await app.db.delete(clientRequests);
    await app.db.delete(requestTemplates);
    await app.db.delete(outbox);
    for (const key of await storedKeys()) await app.bucket.delete(key);
  });
  afterAll(() => app.close());

  it('stores a file chosen with "save draft", checked by its bytes, and keeps it when the draft is sent', async () => {
    const saved = await post(
      newProject(),
      formValues({ title: 'Com arquivo' }, { reference: { bytes: PDF, name: 'briefing.pdf' } }),
    );
    if (!saved.ok) throw new Error(`refused: ${saved.error}`);
    const files = await app.db.select().from(requestFiles);
    expect(files.map((f) => [f.fieldKey, f.fileName, f.contentType, f.size])).toEqual([
      ['reference', 'briefing.pdf', 'application/pdf', PDF.byteLength],
    ]);
    expect(await storedKeys()).toEqual([files[0]?.fileKey]);
    const sent = await post({ requestId: saved.requestId }, formValues(COMPLETE), true);
    expect(sent).toMatchObject({ ok: true, sent: true });
    expect(await app.db.select().from(requestFiles)).toHaveLength(1);
  });

  it('refuses a file of a refused type, named on its field, with nothing written (no request, no bytes)', async () => {
    const refused = await post(
      newProject(),
      formValues(COMPLETE, { reference: { bytes: EXE, name: 'manual.pdf' } }),
      true,
    );
    expect(refused).toMatchObject({
      ok: false,
      error: 'wrong_type',
      fieldKey: 'reference',
      name: 'manual.pdf',
    });
    await nothingWritten();
  });

  it('refuses a file over the onboarding limit and an empty file, nothing written', async () => {
    const big = new Uint8Array(policy.onboarding.maxUploadBytes + 1);
    big.set(PDF);
    expect(
      await post(
        newProject(),
        formValues(COMPLETE, { reference: { bytes: big, name: 'grande.pdf' } }),
      ),
    ).toMatchObject({
      ok: false,
      error: 'too_large',
    });
    const empty = new File([], 'vazio.pdf');
    expect(await post(newProject(), { ...COMPLETE, reference: empty })).toMatchObject({
      ok: false,
      error: 'empty',
      fieldKey: 'reference',
    });
    await nothingWritten();
  });

  it('a required file field: sending without a file is refused; with the file it is sent', async () => {
    const form = await saveTemplateVersion(
      app.db,
      { id: 'demo-cs', name: 'Carla', ip: null },
      {
        clientId: 'bakery',
        kind: 'project',
        basedOnVersion: 0,
        fields: [
          { key: 'title', label: 'Título', type: 'short_text', required: true },
          { key: 'logo', label: 'Logotipo', type: 'file', required: true },
        ],
      },
      policy,
      app.deps.clock(),
    );
    expect(form.ok).toBe(true);
    const without = await post(newProject(), formValues({ title: 'Sem logo' }), true);
    expect(without).toMatchObject({
      ok: false,
      error: 'invalid',
      problems: { logo: 'requestForm.fileRequired' },
    });
    expect(await app.db.select().from(clientRequests)).toEqual([]);
    const withFile = await post(
      newProject(),
      formValues({ title: 'Com logo' }, { logo: { bytes: PDF, name: 'logo.pdf' } }),
      true,
    );
    expect(withFile).toMatchObject({ ok: true, sent: true });
  });
});
