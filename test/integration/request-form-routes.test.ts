import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clientRequests, outbox, requestFiles, requestTemplates } from '../../db/schema/index.ts';
import { EXE, openRequestsApp } from '../support/request-form.ts';
import { signIn } from '../support/sign-in.ts';
import { spaceCookieOf } from '../support/space-contact-session.ts';
import { addPerson, OTHER_CS } from '../support/teams.ts';
import { readJson, SAME_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

/** A multipart form post, as a browser without JavaScript sends it (HTML wanted) or as fetch (JSON). */
function formPost(cookie: string, fields: Record<string, string | File>, html = true): RequestInit {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  return {
    method: 'POST',
    body,
    headers: { ...SAME_ORIGIN, Cookie: cookie, Accept: html ? 'text/html' : 'application/json' },
  };
}

/** The request form and the forms' editor through the API: plain forms, refusals localized, nothing written. */
describe.each(DRIVERS)('request form routes (%s)', (driver) => {
  let app: TestApp;
  let rita: string;
  let cs: string;
  let otherCs: string;
  const COMPLETE = { kind: 'project', title: 'Site novo', description: 'Três páginas' };
  beforeAll(async () => {
    ({ app } = await openRequestsApp(driver));
    rita = await spaceCookieOf(app, 'rita');
    await addPerson(app, OTHER_CS);
    cs = await signIn(app, 'cs@ponte.example');
    otherCs = await signIn(app, OTHER_CS.email);
  });
  beforeEach(async () => {
    await app.db.delete(clientRequests);
    await app.db.delete(requestTemplates);
    await app.db.delete(outbox);
  });
  afterAll(() => app.close());

  it('a plain form saves a draft (back to its page) and sends it (on to the request’s page)', async () => {
    const newId = crypto.randomUUID();
    const saved = await app.request(
      '/api/space/requests',
      formPost(rita, { ...COMPLETE, newId, action: 'save' }),
    );
    expect(saved.status).toBe(303);
    expect(saved.headers.get('Location')).toBe(`/space/requests/${newId}/edit`);
    const sent = await app.request(
      `/api/space/requests/${newId}`,
      formPost(rita, { ...COMPLETE, action: 'send' }),
    );
    expect(sent.status).toBe(303);
    expect(sent.headers.get('Location')).toBe(`/space/requests/${newId}`);
    expect((await app.db.select().from(outbox)).map((m) => m.toAddress)).toEqual([
      'cs@ponte.example',
    ]);
  });

  it('a double click on "send": one request opened and one e-mail, the other click a 409', async () => {
    const newId = crypto.randomUUID();
    const clicks = await Promise.all(
      [1, 2].map(() =>
        app.request(
          '/api/space/requests',
          formPost(rita, { ...COMPLETE, newId, action: 'send' }, false),
        ),
      ),
    );
    expect(clicks.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await app.db.select().from(clientRequests)).toHaveLength(1);
    expect(await app.db.select().from(outbox)).toHaveLength(1);
  });

  it('refuses in the contact’s language with the field named: a missing answer 400, a refused file 415; nothing written', async () => {
    const missing = await app.request(
      '/api/space/requests',
      formPost(rita, { kind: 'project', title: 'Só', action: 'send' }, false),
    );
    expect(missing.status).toBe(400);
    expect((await readJson(missing)).error.fields).toEqual({ description: 'Preencha este campo.' });
    const exe = new File([EXE], 'logo.pdf');
    const refused = await app.request(
      '/api/space/requests',
      formPost(rita, { ...COMPLETE, reference: exe, action: 'save' }, false),
    );
    expect(refused.status).toBe(415);
    expect((await readJson(refused)).error.fields.reference).toContain('logo.pdf');
    expect(await app.db.select().from(clientRequests)).toEqual([]);
    expect(await app.db.select().from(requestFiles)).toEqual([]);
  });

  it('another client’s project is 404, and without a space session the API answers 401', async () => {
    const other = await app.request(
      '/api/space/requests',
      formPost(
        rita,
        { ...COMPLETE, kind: 'piece', projectId: 'clinic-visible', action: 'send' },
        false,
      ),
    );
    expect(other.status).toBe(404);
    const anonymous = await app.request(
      '/api/space/requests',
      formPost('', { ...COMPLETE, action: 'send' }, false),
    );
    expect(anonymous.status).toBe(401);
    expect(await app.db.select().from(clientRequests)).toEqual([]);
  });

  it('the forms’ editor: CS saves version 1; a password field is refused on its cell; another CS gets 404', async () => {
    const rows = {
      kind: 'project',
      basedOnVersion: '0',
      key: 'title',
      label: 'Título',
      type: 'short_text',
      required: '0',
    };
    const saved = await app.request('/api/request-templates/bakery', formPost(cs, rows));
    expect(saved.status).toBe(303);
    expect(saved.headers.get('Location')).toBe('/clients/bakery/request-templates#form-project');
    const password = await app.request(
      '/api/request-templates/bakery',
      formPost(cs, { ...rows, basedOnVersion: '1', label: 'Senha do site' }, false),
    );
    expect(password.status).toBe(400);
    expect(Object.keys((await readJson(password)).error.fields)).toEqual(['project-0-label']);
    const stranger = await app.request(
      '/api/request-templates/bakery',
      formPost(otherCs, { ...rows, basedOnVersion: '1' }, false),
    );
    expect(stranger.status).toBe(404);
    expect((await app.db.select().from(requestTemplates)).map((row) => row.version)).toEqual([1]);
  });
});
