import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clientRequests, events, requestTemplates } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { postRequestForm } from '../../src/server/client-requests/request-form-post.ts';
import { openRequestTarget } from '../../src/server/client-requests/request-target.ts';
import {
  saveTemplateVersion,
  templateInForce,
} from '../../src/server/client-requests/template-store.ts';
import type { ContactViewer } from '../../src/server/client-space/contact-viewer.ts';
import { formValues, openRequestsApp } from '../support/request-form.ts';
import { TEST_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const CS = { id: 'demo-cs', name: 'Carla Campos', ip: null };
const BRIEF = [
  { key: 'title', label: 'Nome da campanha', type: 'short_text', required: true },
  {
    key: 'channel',
    label: 'Canal',
    type: 'choice',
    required: true,
    options: ['Instagram', 'E-mail'],
  },
];

describe.each(DRIVERS)('request forms per client, versioned (%s)', (driver) => {
  let app: TestApp;
  let rita: ContactViewer;
  let lia: ContactViewer;
  const save = (fields: unknown, basedOnVersion: number, clientId = 'bakery') =>
    saveTemplateVersion(
      app.db,
      CS,
      { clientId, kind: 'project', fields, basedOnVersion },
      policy,
      app.deps.clock(),
    );
  const templateEvents = async () =>
    (await app.db.select().from(events).where(eq(events.action, 'request_template.saved'))).length;
  beforeAll(async () => {
    ({ app, rita, lia } = await openRequestsApp(driver));
  });
  beforeEach(async () => {
    await app.db.delete(clientRequests);
    await app.db.delete(requestTemplates);
    await app.db.delete(events).where(eq(events.action, 'request_template.saved'));
  });
  afterAll(() => app.close());

  it('a client without a form of its own gets the policy’s default, in the contact’s language', async () => {
    const template = await templateInForce(app.db, rita, 'project', policy);
    expect(template.templateId).toBeNull();
    expect(template.fields.map((f) => [f.key, f.type, f.required])).toEqual([
      ['title', 'short_text', true],
      ['description', 'long_text', true],
      ['dueDate', 'date', false],
      ['reference', 'file', false],
    ]);
    expect(template.fields[0]?.label).toBe('Nome do projeto');
  });

  it('each save is the next version; a request keeps the version it was written against', async () => {
    expect(await save(BRIEF, 0)).toMatchObject({ ok: true, version: 1 });
    const draft = await postRequestForm(
      app.deps,
      rita,
      {
        target: { kind: 'project', newId: crypto.randomUUID() },
        raw: formValues({ title: 'Verão', channel: 'E-mail' }),
        send: false,
      },
      { origin: TEST_ORIGIN, ip: null },
      policy,
      app.deps.clock(),
    );
    if (!draft.ok) throw new Error('draft refused');
    const second = await save(
      [...BRIEF, { key: 'budget', label: 'Verba', type: 'short_text', required: false }],
      1,
    );
    expect(second).toMatchObject({ ok: true, version: 2 });
    expect((await templateInForce(app.db, rita, 'project', policy)).version).toBe(2);
    const reopened = await openRequestTarget(app.db, rita, { requestId: draft.requestId }, policy);
    expect(reopened.ok && reopened.request.templateVersion).toBe(1);
    expect(reopened.ok && reopened.request.fields.map((f) => f.key)).toEqual(['title', 'channel']);
    // The clinic's forms are its own.
    expect((await templateInForce(app.db, lia, 'project', policy)).templateId).toBeNull();
    expect(await templateEvents()).toBe(2);
  });

  it('refuses a form with a password field, marked on its row, nothing written', async () => {
    const refused = await save(
      [
        ...BRIEF,
        { key: 'access', label: 'Senha do Instagram', type: 'short_text', required: false },
      ],
      0,
    );
    expect(refused).toEqual({
      ok: false,
      error: 'invalid',
      problems: [{ row: 2, field: 'label', messageKey: 'requestTemplates.password' }],
    });
    const secret = await save(
      [{ key: 'apiSecret', label: 'Chave', type: 'short_text', required: true }],
      0,
    );
    expect(secret).toMatchObject({
      ok: false,
      problems: [{ row: 0, messageKey: 'requestTemplates.password' }],
    });
    expect(await app.db.select().from(requestTemplates)).toEqual([]);
    expect(await templateEvents()).toBe(0);
  });

  it('refuses repeated keys, a choice without options, a type it does not know and too many fields', async () => {
    const refused = await save(
      [
        { key: 'title', label: 'A', type: 'short_text', required: true },
        { key: 'title', label: 'B', type: 'choice', required: false, options: [] },
      ],
      0,
    );
    expect(refused.ok).toBe(false);
    if (refused.ok || refused.error !== 'invalid') return;
    expect(refused.problems).toEqual(
      expect.arrayContaining([
        { row: 1, field: 'key', messageKey: 'requestTemplates.keyTaken' },
        { row: 1, field: 'options', messageKey: 'requestTemplates.noOptions' },
      ]),
    );
    const wrongType = await save(
      [{ key: 'size', label: 'C', type: 'password', required: false }],
      0,
    );
    expect(wrongType).toMatchObject({ ok: false, problems: [{ row: 0, field: 'type' }] });
    const many = Array.from({ length: policy.clientSpace.requests.maxFields + 1 }, (_, i) => ({
      key: `f${i}`,
      label: `Campo ${i}`,
      type: 'short_text',
      required: false,
    }));
    expect(await save(many, 0)).toMatchObject({
      ok: false,
      problems: [{ row: null, messageKey: 'requestTemplates.tooMany' }],
    });
    expect(await app.db.select().from(requestTemplates)).toEqual([]);
  });

  it('two saves of the same version at once: one is version 1, the other a conflict', async () => {
    const results = await Promise.all([save(BRIEF, 0), save(BRIEF, 0)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: 'conflict' }]);
    expect(await app.db.select().from(requestTemplates)).toHaveLength(1);
    expect(await templateEvents()).toBe(1);
  });
});
