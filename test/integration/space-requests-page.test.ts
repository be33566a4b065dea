import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestMessages } from '../../db/schema/index.ts';
import {
  loadRequestPage,
  loadRequestsPage,
} from '../../src/server/client-requests/request-pages.ts';
import {
  loadSpaceRequestPage,
  loadSpaceRequestsPage,
} from '../../src/server/client-requests/request-pages-space.ts';
import { insertOpenedRequest, readRequest, triage } from '../support/client-requests.ts';
import { postJson } from '../support/sign-in.ts';
import { contactViewerOf, spaceCookieOf } from '../support/space-contact-session.ts';
import { openAppWithOtherCs } from '../support/teams.ts';
import { readJson, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const RITA = 'demo-contact-bakery-owner';
const JOAO = 'demo-contact-bakery-marketing';
const CLINIC = 'demo-contact-clinic-director';
const CS = { id: 'demo-cs', roles: ['cs' as const] };
const OTHER_CS = { id: 'other-cs', roles: ['cs' as const] };

/** The contact's side of requests: what they see of each, the conversation, and whose they are. */
describe.each(DRIVERS)('space requests pages (%s)', (driver) => {
  let app: TestApp;
  let cs: string;
  let authorized: string;
  let declined: string;
  let hidden: string;
  let draft: string;
  let clinic: string;

  const say = (cookie: string, id: string, message: string) =>
    app.request(`/api/space/requests/${id}/messages`, postJson({ message }, { cookie }));
  const messagesOf = async (id: string) =>
    (await app.db.select().from(requestMessages).where(eq(requestMessages.requestId, id))).length;

  beforeAll(async () => {
    ({ app, cs } = await openAppWithOtherCs(driver));
    authorized = await insertOpenedRequest(app, { title: 'Campanha de inverno' });
    await triage(app, cs, authorized, 'authorize');
    declined = await insertOpenedRequest(app, { title: 'Outdoor na avenida' });
    await triage(app, cs, declined, 'decline', { reason: 'Não fazemos mídia exterior.' });
    hidden = await insertOpenedRequest(app, { title: 'Projeto interno' });
    await triage(app, cs, hidden, 'start-at-risk', { hideFromClient: true });
    draft = await insertOpenedRequest(app, {
      status: 'draft',
      contactId: JOAO,
      contactName: 'João Lima',
    });
    clinic = await insertOpenedRequest(app, {
      clientId: 'demo-client-clinic',
      contactId: CLINIC,
      contactName: 'Marina Costa',
    });
  });
  afterAll(() => app.close());

  it('the contact sees the authorized request with its project and the declined one with its reason', async () => {
    const rita = await contactViewerOf(app, RITA);
    const { rows } = await loadSpaceRequestsPage(app.db, rita);
    expect(rows.map((r) => r.id).sort()).toEqual([authorized, declined, hidden].sort());
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(authorized)).toMatchObject({
      status: 'authorized',
      became: { kind: 'project', name: 'Campanha de inverno', href: '/space' },
    });
    // Started at risk but hidden from the client: named, never linked.
    expect(byId.get(hidden)).toMatchObject({ status: 'at_risk', became: { href: null } });
    const page = await loadSpaceRequestPage(app.db, rita, declined);
    expect(page?.request).toMatchObject({
      status: 'declined',
      declineReason: 'Não fazemos mídia exterior.',
    });
    expect(page?.mayWrite).toBe(false);
  });

  it('a draft is its author’s alone; another client’s request is a 404 for a contact and a CS', async () => {
    const rita = await contactViewerOf(app, RITA);
    const joao = await contactViewerOf(app, JOAO);
    const marina = await contactViewerOf(app, CLINIC);
    expect(await loadSpaceRequestPage(app.db, rita, draft)).toBeNull();
    expect((await loadSpaceRequestPage(app.db, joao, draft))?.request.status).toBe('draft');
    expect(await loadSpaceRequestPage(app.db, marina, authorized)).toBeNull();
    expect(await loadSpaceRequestPage(app.db, rita, clinic)).toBeNull();
    expect((await loadSpaceRequestsPage(app.db, marina)).rows.map((r) => r.id)).toEqual([clinic]);
    expect(await loadRequestPage(app.db, OTHER_CS, authorized)).toBeNull();
    expect(await loadRequestPage(app.db, CS, draft)).toBeNull();
    expect((await loadRequestsPage(app.db, OTHER_CS)).waiting).toEqual([]);
    const own = await loadRequestsPage(app.db, CS);
    expect(own.waiting.map((r) => r.id)).toEqual([clinic]);
    expect(own.others.map((r) => r.id).sort()).toEqual([authorized, declined, hidden].sort());
  });

  it('a question, then the contact answers in the space: the request is back with CS', async () => {
    const id = await insertOpenedRequest(app);
    await triage(app, cs, id, 'ask', { message: 'Qual o público?' });
    app.setNow(new Date(app.deps.clock().getTime() + 60_000));
    const rita = await spaceCookieOf(app, RITA);
    const answer = await say(rita, id, 'Famílias do bairro');
    expect(answer.status).toBe(200);
    expect(await readJson(answer)).toEqual({ status: 'opened' });
    expect((await readRequest(app, id)).status).toBe('opened');
    const page = await loadRequestPage(app.db, CS, id);
    expect(page?.messages.map((m) => [m.authorName, m.fromAgency])).toEqual([
      ['Carla Campos', true],
      ['Rita Moraes', false],
    ]);
  });

  it('refusals in the space: closed 409, another client 404, empty 400 — nothing written', async () => {
    const rita = await spaceCookieOf(app, RITA);
    const closed = await say(rita, declined, 'Por quê?');
    expect(closed.status).toBe(409);
    expect((await readJson(closed)).error.message).toMatch(/Recusado/);
    expect((await say(rita, clinic, 'Oi')).status).toBe(404);
    expect((await say(rita, draft, 'Oi')).status).toBe(404);
    const empty = await say(rita, authorized, '  ');
    expect(empty.status).toBe(400);
    expect(await messagesOf(declined)).toBe(0);
    expect(await messagesOf(clinic)).toBe(0);
    expect(await messagesOf(authorized)).toBe(0);
  });
});
