import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clientRequests, outbox, requestFiles } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { postRequestForm } from '../../src/server/client-requests/request-form-post.ts';
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

/**
 * A send opens only the version its own post wrote: when that write did nothing, no later
 * write of its batch (files, status, event, mail) may open what another save left there.
 */
describe.each(DRIVERS)('a send whose own write did not happen (%s)', (driver) => {
  let app: TestApp;
  let rita: ContactViewer;
  const post = (
    target: RequestTarget,
    raw: Record<string, unknown>,
    send: boolean,
    files = app.deps.files,
  ) =>
    postRequestForm(
      { ...app.deps, files },
      rita,
      { target, raw, send },
      { origin: TEST_ORIGIN, ip: null },
      policy,
      app.deps.clock(),
    );
  const written = () => requestTrace(app);
  const showProject = (visible: boolean) => showBakeryProject(app, visible);
  beforeAll(async () => {
    ({ app, rita } = await openRequestsApp(driver));
  });
  beforeEach(async () => {
    await showProject(true);
    await app.db.delete(requestFiles);
    await app.db.delete(clientRequests);
    await app.db.delete(outbox);
  });
  afterAll(() => app.close());

  it('another tab saves between the send’s read and its batch: 409 draft_changed, the other tab’s version stays a draft, nothing sent', async () => {
    const saved = await post(
      { kind: 'project', newId: crypto.randomUUID() },
      formValues({ title: 'Versão 1' }),
      false,
    );
    if (!saved.ok || saved.sent) throw new Error('not saved');
    // Tab A's autosave lands while tab B's send stores its file's bytes.
    let otherTab: { title: string; updatedAt: Date } | null = null;
    const files: FileStore = {
      ...app.deps.files,
      put: async (...args) => {
        otherTab = { title: 'Versão 2 da aba A', updatedAt: new Date(saved.savedAt.getTime() + 7) };
        await app.db
          .update(clientRequests)
          .set(otherTab)
          .where(eq(clientRequests.id, saved.requestId));
        return app.deps.files.put(...args);
      },
    };
    const withFile = formValues(COMPLETE, { reference: { bytes: PDF, name: 'briefing.pdf' } });
    const before = await written();

    const refused = await post({ requestId: saved.requestId }, withFile, true, files);

    expect(refused).toEqual({ ok: false, error: 'draft_changed' });
    const after = await written();
    expect(after.requests).toEqual([
      { ...(before.requests[0] as object), ...(otherTab as unknown as object) },
    ]);
    expect(after.requests[0]?.status).toBe('draft');
    expect(after.requests[0]?.submittedAt).toBeNull();
    expect({ ...after, requests: [] }).toEqual({ ...before, requests: [] });
  });

  it('a forged new form naming the contact’s own draft in a hidden project does not send it', async () => {
    const cookie = await spaceCookieOf(app, 'rita');
    const draftId = crypto.randomUUID();
    const saved = await post(
      { kind: 'piece', projectId: 'bakery-visible', newId: draftId },
      formValues({ title: 'Incompleto' }),
      false,
    );
    expect(saved.ok).toBe(true);
    await showProject(false);
    const before = await written();

    const body = new FormData();
    for (const [name, value] of Object.entries({ ...COMPLETE, kind: 'project', action: 'send' }))
      body.append(name, value);
    body.append('newId', draftId);
    const forged = await app.request('/api/space/requests', {
      method: 'POST',
      body,
      headers: { ...SAME_ORIGIN, Cookie: cookie, Accept: 'application/json' },
    });

    expect(forged.status).toBe(409);
    expect((await readJson(forged)).error.message).toMatch(/\p{L}/u);
    expect(await written()).toEqual(before);
    expect(before.requests[0]?.status).toBe('draft');
  });
});
