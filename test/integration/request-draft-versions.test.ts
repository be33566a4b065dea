import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clientRequests, events, outbox, requestTemplates } from '../../db/schema/index.ts';
import { openRequestsApp } from '../support/request-form.ts';
import { spaceCookieOf } from '../support/space-contact-session.ts';
import { readJson, SAME_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

/**
 * A draft saved from two tabs (the autosave script posts the draft's version, `savedAt`, and
 * gets the new one back): the later save of an older version never erases the newer answers.
 */
describe.each(DRIVERS)('a request draft saved from two tabs (%s)', (driver) => {
  let app: TestApp;
  let rita: string;
  const post = (path: string, fields: Record<string, string>, html = false) => {
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) body.append(name, value);
    return app.request(path, {
      method: 'POST',
      body,
      headers: {
        ...SAME_ORIGIN,
        Cookie: rita,
        Accept: html ? 'text/html' : 'application/json',
      },
    });
  };
  const draftOf = async (id: string) =>
    (await app.db.select().from(clientRequests).where(eq(clientRequests.id, id)))[0];
  /** A new draft, as the first autosave of a new form makes it; its id and version. */
  const newDraft = async () => {
    const newId = crypto.randomUUID();
    const saved = await post('/api/space/requests', {
      kind: 'project',
      newId,
      title: 'Primeira versão',
      action: 'save',
    });
    expect(saved.status).toBe(200);
    const body = await readJson(saved);
    expect(body).toMatchObject({ id: newId, status: 'draft' });
    expect((await draftOf(newId))?.updatedAt.getTime()).toBe(body.savedAt);
    return { id: newId, savedAt: String(body.savedAt) };
  };
  beforeAll(async () => {
    ({ app } = await openRequestsApp(driver));
    rita = await spaceCookieOf(app, 'rita');
  });
  beforeEach(async () => {
    await app.db.delete(clientRequests);
    await app.db.delete(requestTemplates);
    await app.db.delete(outbox);
  });
  afterAll(() => app.close());

  it('each save answers the new version; the other tab’s save of the old one gets a 409 and erases nothing', async () => {
    const draft = await newDraft();
    const tabA = await post(`/api/space/requests/${draft.id}`, {
      savedAt: draft.savedAt,
      title: 'Da aba A',
      action: 'save',
    });
    expect(tabA.status).toBe(200);
    const newer = String((await readJson(tabA)).savedAt);
    // The same millisecond (the test clock stands still): still a newer version.
    expect(Number(newer)).toBeGreaterThan(Number(draft.savedAt));

    const tabB = await post(`/api/space/requests/${draft.id}`, {
      savedAt: draft.savedAt,
      title: 'Da aba B',
      action: 'save',
    });
    expect(tabB.status).toBe(409);
    const refusal = await readJson(tabB);
    expect(refusal.error.code).toBe('draft_changed');
    expect(refusal.error.message).toContain('salvo de novo em outra janela');
    expect((await draftOf(draft.id))?.title).toBe('Da aba A');

    // Tab A goes on with the version it was given.
    const again = await post(`/api/space/requests/${draft.id}`, {
      savedAt: newer,
      title: 'Da aba A, de novo',
      action: 'save',
    });
    expect(again.status).toBe(200);
    expect((await draftOf(draft.id))?.title).toBe('Da aba A, de novo');
  });

  it('two saves of the same version at once: one wins, the other gets a 409', async () => {
    const draft = await newDraft();
    const answers = await Promise.all(
      ['Um', 'Dois', 'Três', 'Quatro'].map((title) =>
        post(`/api/space/requests/${draft.id}`, { savedAt: draft.savedAt, title, action: 'save' }),
      ),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409]);
    const winner = answers.find((answer) => answer.status === 200) as Response;
    const stored = await draftOf(draft.id);
    expect(stored?.updatedAt.getTime()).toBe((await readJson(winner)).savedAt);
    expect(['Um', 'Dois', 'Três', 'Quatro']).toContain(stored?.title);
  });

  it('sending an older version is refused too: nothing sent, no mail, no event', async () => {
    const draft = await newDraft();
    await post(`/api/space/requests/${draft.id}`, {
      savedAt: draft.savedAt,
      title: 'Mais nova',
      action: 'save',
    });
    const before = await draftOf(draft.id);
    const eventsBefore = (await app.db.select().from(events)).length;
    const sent = await post(`/api/space/requests/${draft.id}`, {
      savedAt: draft.savedAt,
      title: 'Velha',
      description: 'Completa',
      action: 'send',
    });
    expect(sent.status).toBe(409);
    expect((await readJson(sent)).error.code).toBe('draft_changed');
    expect(await draftOf(draft.id)).toEqual(before);
    expect(await app.db.select().from(outbox)).toEqual([]);
    expect((await app.db.select().from(events)).length).toBe(eventsBefore);
  });

  it('without JavaScript the refusal goes back to the draft’s page with its message', async () => {
    const draft = await newDraft();
    await post(`/api/space/requests/${draft.id}`, {
      savedAt: draft.savedAt,
      title: 'Mais nova',
      action: 'save',
    });
    const refused = await post(
      `/api/space/requests/${draft.id}`,
      { savedAt: draft.savedAt, title: 'Velha', action: 'save' },
      true,
    );
    expect(refused.status).toBe(303);
    expect(refused.headers.get('Location')).toBe(`/space/requests/${draft.id}/edit`);
    expect((await draftOf(draft.id))?.title).toBe('Mais nova');
  });

  it('a second first-save of the same new form (a double click) says the draft is there, not that it was sent', async () => {
    const draft = await newDraft();
    const again = await post('/api/space/requests', {
      kind: 'project',
      newId: draft.id,
      title: 'Outra',
      action: 'save',
    });
    expect(again.status).toBe(409);
    expect((await readJson(again)).error.code).toBe('draft_changed');
    expect((await draftOf(draft.id))?.title).toBe('Primeira versão');
  });

  it('a save retried after its response was lost (same answers as stored) succeeds with the current version, writing nothing', async () => {
    const draft = await newDraft();
    const form = { savedAt: draft.savedAt, title: 'Salva, resposta perdida', action: 'save' };
    const first = await post(`/api/space/requests/${draft.id}`, form);
    expect(first.status).toBe(200);
    const current = (await readJson(first)).savedAt;
    const stored = await draftOf(draft.id);

    const retry = await post(`/api/space/requests/${draft.id}`, form);
    expect(retry.status).toBe(200);
    expect(await readJson(retry)).toMatchObject({
      id: draft.id,
      status: 'draft',
      savedAt: current,
    });
    expect(await draftOf(draft.id)).toEqual(stored);

    // The first save of a new form, retried: the same.
    const again = await post('/api/space/requests', {
      kind: 'project',
      newId: draft.id,
      title: 'Salva, resposta perdida',
      action: 'save',
    });
    expect(again.status).toBe(200);
    expect((await readJson(again)).savedAt).toBe(current);
    expect(await draftOf(draft.id)).toEqual(stored);

    // Other answers on the old version are still a conflict.
    const other = await post(`/api/space/requests/${draft.id}`, { ...form, title: 'Outra' });
    expect(other.status).toBe(409);
    expect(await draftOf(draft.id)).toEqual(stored);
  });

  it('a version that is no number is a localized 400, nothing written', async () => {
    const draft = await newDraft();
    const before = await draftOf(draft.id);
    for (const savedAt of ['ontem', '-5', '1.5', '9'.repeat(30)]) {
      const refused = await post(`/api/space/requests/${draft.id}`, {
        savedAt,
        title: 'Nunca',
        action: 'save',
      });
      expect(refused.status).toBe(400);
      expect((await readJson(refused)).error.message).toMatch(/\p{L}/u);
    }
    expect(await draftOf(draft.id)).toEqual(before);
  });
});
