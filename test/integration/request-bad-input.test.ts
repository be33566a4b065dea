import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientContacts,
  clientRequests,
  events,
  outbox,
  projects,
  requestFiles,
  requestMessages,
  requestTemplates,
} from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { defaultTemplateFields } from '../../src/server/client-requests/template-store.ts';
import { insertOpenedRequest, triage } from '../support/client-requests.ts';
import { postJson } from '../support/sign-in.ts';
import { spaceCookieOf } from '../support/space-contact-session.ts';
import { openAppWithOtherCs } from '../support/teams.ts';
import { readJson, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const RITA = 'demo-contact-bakery-owner';
const limits = policy.clientSpace.requests;
const longer = (max: number) => 'a'.repeat(max + 1);

type Case = { what: string; path: () => string; body: unknown; as: 'rita' | 'cs'; status: number };

/**
 * Every input of the client space's requests (#18), given a value of the wrong type, too long,
 * missing, or an id that was never issued: a 4xx in the person's language (pt-BR here, never a
 * message key), and nothing written anywhere.
 */
describe.each(DRIVERS)('bad input to the client space’s requests (%s)', (driver) => {
  let app: TestApp;
  let cookies: Record<Case['as'], string>;
  let opened: string;
  let draft: string;
  let projectId: string;

  const everything = async () => ({
    requests: await app.db.select().from(clientRequests),
    messages: await app.db.select().from(requestMessages),
    templates: await app.db.select().from(requestTemplates),
    files: await app.db.select().from(requestFiles),
    projects: await app.db.select().from(projects),
    contacts: await app.db.select().from(clientContacts),
    events: (await app.db.select().from(events)).length,
    mails: (await app.db.select().from(outbox)).length,
  });
  /** A new request's post: the form's own fields, then what the case changes. */
  const newRequest = (changes: Record<string, unknown>) => ({
    kind: 'project',
    newId: crypto.randomUUID(),
    action: 'save',
    title: 'Site',
    ...changes,
  });

  const cases: Case[] = [
    // The request form, new or a draft.
    ...[
      ['a kind that does not exist', { kind: 'banner' }],
      ['a forged new id', { newId: 'not-a-uuid' }],
      ['an action that does not exist', { action: 'publish' }],
      ['a project id too long', { kind: 'piece', projectId: 'p'.repeat(101) }],
      ['a title too long', { title: longer(limits.maxShortTextChars) }],
      ['a description too long', { description: longer(limits.maxLongTextChars) }],
      ['a date that is no calendar day', { dueDate: '2026-02-30' }],
      ['a date in words', { dueDate: 'amanhã' }],
      ['a title that is a number', { title: 42 }],
      ['a title that is a list', { title: ['Um', 'Dois'] }],
      ['a file field given text', { reference: 'briefing.pdf' }],
      ['sending without the required description', { action: 'send' }],
    ].map(
      ([what, changes]): Case => ({
        what: `request form: ${what}`,
        path: () => '/api/space/requests',
        body: newRequest(changes as Record<string, unknown>),
        as: 'rita',
        status: 400,
      }),
    ),
    {
      what: 'request form: a piece in a project id never issued',
      path: () => '/api/space/requests',
      body: newRequest({ kind: 'piece', projectId: 'forged-project' }),
      as: 'rita',
      status: 404,
    },
    {
      what: 'draft: a forged request id',
      path: () => '/api/space/requests/forged-request',
      body: { title: 'Site', action: 'save' },
      as: 'rita',
      status: 404,
    },
    {
      what: 'draft: a version that is no number',
      path: () => `/api/space/requests/${draft}`,
      body: { title: 'Site', action: 'save', savedAt: 'ontem' },
      as: 'rita',
      status: 400,
    },
    // The contact's message in a request's conversation.
    ...[
      ['missing', {}],
      ['only spaces', { message: '   ' }],
      ['too long', { message: longer(limits.maxMessageChars) }],
      ['a number', { message: 7 }],
      ['a list', { message: ['a', 'b'] }],
    ].map(
      ([what, body]): Case => ({
        what: `contact's message: ${what}`,
        path: () => `/api/space/requests/${opened}/messages`,
        body,
        as: 'rita',
        status: 400,
      }),
    ),
    {
      what: "contact's message: a forged request id",
      path: () => '/api/space/requests/forged-request/messages',
      body: { message: 'Oi' },
      as: 'rita',
      status: 404,
    },
    // CS's triage.
    ...[
      ['ask', 'missing', {}],
      ['ask', 'too long', { message: longer(limits.maxMessageChars) }],
      ['ask', 'a number', { message: 3 }],
      ['decline', 'missing', {}],
      ['decline', 'only spaces', { reason: '  ' }],
      ['decline', 'too long', { reason: longer(limits.maxDeclineReasonChars) }],
      ['authorize', 'a designer id too long', { designerId: 'd'.repeat(65) }],
      ['authorize', 'a designer who is not one', { designerId: 'demo-finance' }],
      ['authorize', 'a designer id never issued', { designerId: 'forged-designer' }],
    ].map(
      ([action, what, body]): Case => ({
        what: `triage ${action}: ${what}`,
        path: () => `/api/requests/${opened}/${action}`,
        body,
        as: 'cs',
        status: 400,
      }),
    ),
    {
      what: 'triage: a forged request id',
      path: () => '/api/requests/forged-request/authorize',
      body: {},
      as: 'cs',
      status: 404,
    },
    // The agency's form editor.
    ...[
      ['a kind that does not exist', { kind: 'banner' }],
      ['a version that is no number', { basedOnVersion: 'um' }],
      ['a field type that does not exist', { type: ['password'] }],
      ['a label too long', { label: [longer(limits.maxLabelChars)] }],
      ['a help too long', { help: [longer(limits.maxHelpChars)] }],
      ['a key that is no key', { key: ['Nome do projeto!'] }],
      ['a field that asks for a password', { key: ['senha'], label: ['Senha do Instagram'] }],
      [
        'more fields than the policy allows',
        {
          key: Array.from({ length: limits.maxFields + 1 }, (_, i) => `f${i}`),
          label: Array.from({ length: limits.maxFields + 1 }, (_, i) => `Campo ${i}`),
          type: Array.from({ length: limits.maxFields + 1 }, () => 'short_text'),
        },
      ],
    ].map(
      ([what, changes]): Case => ({
        what: `form editor: ${what}`,
        path: () => '/api/request-templates/demo-client-bakery',
        body: {
          kind: 'project',
          basedOnVersion: 0,
          key: ['title'],
          label: ['Nome'],
          type: ['short_text'],
          ...(changes as object),
        },
        as: 'cs',
        status: 400,
      }),
    ),
    {
      what: 'form editor: a client id never issued',
      path: () => '/api/request-templates/forged-client',
      body: { kind: 'project', basedOnVersion: 0, key: ['title'], label: ['Nome'] },
      as: 'cs',
      status: 404,
    },
    // The project switch and the contact's settings.
    {
      what: 'project switch: neither true nor false',
      path: () => `/api/pieces/projects/${projectId}/visibility`,
      body: { visible: 'maybe' },
      as: 'cs',
      status: 400,
    },
    {
      what: 'project switch: a project id never issued',
      path: () => '/api/pieces/projects/forged-project/visibility',
      body: { visible: 'true' },
      as: 'cs',
      status: 404,
    },
    {
      what: 'settings: a way of telling that does not exist',
      path: () => '/api/space/preferences/notify-mode',
      body: { notifyMode: 'weekly' },
      as: 'rita',
      status: 400,
    },
  ];

  beforeAll(async () => {
    let cs: string;
    ({ app, cs } = await openAppWithOtherCs(driver));
    cookies = { rita: await spaceCookieOf(app, RITA), cs };
    opened = await insertOpenedRequest(app, { title: 'Campanha de inverno' });
    draft = await insertOpenedRequest(app, { status: 'draft', title: 'Rascunho' });
    // The client's form (the helper's has no fields): the policy's default one.
    await app.db
      .update(requestTemplates)
      .set({ fields: JSON.stringify(defaultTemplateFields('project', 'pt-BR', policy)) });
    const created = await app.request(
      '/api/pieces/projects',
      postJson(
        { clientId: 'demo-client-bakery', name: 'Campanha', designerId: 'demo-design' },
        { cookie: cs },
      ),
    );
    projectId = (await readJson(created)).id;
    // The request is asked a question, so the contact may answer (the message cases).
    expect((await triage(app, cs, opened, 'ask', { message: 'Para quando?' })).status).toBe(200);
  });
  afterAll(() => app.close());

  it.each(cases.map((c) => [c.what, c] as const))('%s', async (_, input) => {
    const before = await everything();
    const response = await app.request(
      input.path(),
      postJson(input.body, { cookie: cookies[input.as] }),
    );
    expect(response.status).toBe(input.status);
    const body = await readJson(response);
    // Localized: a sentence in Portuguese, not a message key.
    expect(body.error.message).toMatch(/\s/);
    expect(body.error.message).not.toMatch(/^[a-z]+(\.[a-zA-Z_]+)+$/);
    for (const message of Object.values(body.error.fields ?? {}))
      expect(message).not.toMatch(/^[a-z]+(\.[a-zA-Z_]+)+$/);
    expect(await everything()).toEqual(before);
  });
});
