import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientRequests, events, outbox } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { postRequestForm } from '../../src/server/client-requests/request-form-post.ts';
import { REQUEST_REFUSALS } from '../../src/server/client-requests/request-refusals.ts';
import type { RequestTarget } from '../../src/server/client-requests/request-target.ts';
import type { ContactViewer } from '../../src/server/client-space/contact-viewer.ts';
import type { FileStore } from '../../src/server/files/file-store.ts';
import {
  formValues,
  openRequestsApp,
  PDF,
  requestTrace,
  showBakeryProject,
} from '../support/request-form.ts';
import { spaceCookieOf } from '../support/space-contact-session.ts';
import { readJson, SAME_ORIGIN, TEST_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const COMPLETE = { title: 'Cardápio de Páscoa', description: 'Um post', dueDate: '2026-03-30' };

describe.each(DRIVERS)('a draft whose project was hidden after it was saved (%s)', (driver) => {
  let app: TestApp;
  let rita: ContactViewer;
  const post = (target: RequestTarget, raw: Record<string, unknown>, send: boolean) =>
    postRequestForm(
      app.deps,
      rita,
      { target, raw, send },
      { origin: TEST_ORIGIN, ip: null },
      policy,
      app.deps.clock(),
    );
  const showProject = (visible: boolean) => showBakeryProject(app, visible);
  beforeAll(async () => {
    ({ app, rita } = await openRequestsApp(driver));
  });
  afterAll(async () => {
    await showProject(true);
    app.close();
  });

  it('is refused when sent — a 409 on the project field, localized — and nothing is written', async () => {
    const saved = await post(
      { kind: 'piece', projectId: 'bakery-visible', newId: crypto.randomUUID() },
      formValues({ title: 'Só o título' }),
      false,
    );
    expect(saved).toMatchObject({ ok: true, sent: false });
    if (!saved.ok) return;
    await showProject(false);
    const [draftBefore] = await app.db.select().from(clientRequests);
    const mailsBefore = (await app.db.select().from(outbox)).length;
    const eventsBefore = (await app.db.select().from(events)).length;

    const refused = await post({ requestId: saved.requestId }, formValues(COMPLETE), true);

    expect(refused).toEqual({ ok: false, error: 'project_hidden' });
    expect(REQUEST_REFUSALS.project_hidden).toMatchObject({ status: 409, field: 'projectId' });
    const [draftAfter] = await app.db.select().from(clientRequests);
    expect(draftAfter).toEqual(draftBefore);
    expect(draftAfter?.status).toBe('draft');
    expect((await app.db.select().from(outbox)).length).toBe(mailsBefore);
    expect((await app.db.select().from(events)).length).toBe(eventsBefore);

    // Shown again, the same draft is sent.
    await showProject(true);
    const sent = await post({ requestId: saved.requestId }, formValues(COMPLETE), true);
    expect(sent).toMatchObject({ ok: true, sent: true });
  });

  const written = () => requestTrace(app);
  /**
   * The post as the route makes it, but the agency hides the project in the instant between
   * the checks and the batch: while the chosen file's bytes are being stored.
   */
  const postHidingMeanwhile = (
    target: RequestTarget,
    raw: Record<string, unknown>,
    send: boolean,
  ) => {
    const files: FileStore = {
      ...app.deps.files,
      put: async (...args) => {
        await showProject(false);
        return app.deps.files.put(...args);
      },
    };
    return postRequestForm(
      { ...app.deps, files },
      rita,
      { target, raw, send },
      { origin: TEST_ORIGIN, ip: null },
      policy,
      app.deps.clock(),
    );
  };
  const withFile = formValues(COMPLETE, { reference: { bytes: PDF, name: 'briefing.pdf' } });

  it('hidden between the check and the write: the send itself refuses (409), its file and all else unwritten', async () => {
    await showProject(true);
    const saved = await post(
      { kind: 'piece', projectId: 'bakery-visible', newId: crypto.randomUUID() },
      formValues({ title: 'Rascunho' }),
      false,
    );
    if (!saved.ok) throw new Error(saved.error);
    const before = await written();

    const refused = await postHidingMeanwhile({ requestId: saved.requestId }, withFile, true);

    expect(refused).toEqual({ ok: false, error: 'project_hidden' });
    expect(await written()).toEqual(before);
  });

  it('hidden between the check and the write of a new piece request: nothing is created, sent or saved', async () => {
    const target = (): RequestTarget => ({
      kind: 'piece',
      projectId: 'bakery-visible',
      newId: crypto.randomUUID(),
    });
    await showProject(true);
    const before = await written();

    expect(await postHidingMeanwhile(target(), withFile, true)).toEqual({
      ok: false,
      error: 'project_hidden',
    });
    expect(await written()).toEqual(before);

    await showProject(true);
    expect(await postHidingMeanwhile(target(), withFile, false)).toEqual({
      ok: false,
      error: 'project_not_found',
    });
    expect(await written()).toEqual(before);
  });

  it('through the API: the contact reads the refusal in their language on the project field', async () => {
    await showProject(true);
    const cookie = await spaceCookieOf(app, 'rita');
    const newId = crypto.randomUUID();
    const form = (action: string) => {
      const body = new FormData();
      for (const [name, value] of Object.entries({ ...COMPLETE, kind: 'piece', action }))
        body.append(name, value);
      body.append('projectId', 'bakery-visible');
      body.append('newId', newId);
      return {
        method: 'POST',
        body,
        headers: { ...SAME_ORIGIN, Cookie: cookie, Accept: 'application/json' },
      };
    };
    const saved = await app.request('/api/space/requests', form('save'));
    expect(saved.status).toBe(200);
    await showProject(false);
    const refused = await app.request(`/api/space/requests/${newId}`, form('send'));
    expect(refused.status).toBe(409);
    const body = await readJson(refused);
    expect(body.error.code).toBe('project_hidden');
    expect(body.error.fields.projectId).toContain('A agência não mostra mais este projeto');
    const [draft] = await app.db.select().from(clientRequests).where(eq(clientRequests.id, newId));
    expect(draft?.status).toBe('draft');
  });
});
