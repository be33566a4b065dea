import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  contactNotifications,
  events,
  pieces,
  projects,
  requestFiles,
  requestMessages,
} from '../../db/schema/index.ts';
import { insertOpenedRequest, readRequest, triage } from '../support/client-requests.ts';
import { postJson, signIn } from '../support/sign-in.ts';
import { openAppWithOtherCs } from '../support/teams.ts';
import { readJson, SAME_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

/** CS's triage of a client's request: each transition, what it writes, and each refusal. */
describe.each(DRIVERS)('request triage (%s)', (driver) => {
  let app: TestApp;
  let cs: string;
  let otherCs: string;
  let admin: string;

  const count = async () => ({
    projects: (await app.db.select().from(projects)).length,
    pieces: (await app.db.select().from(pieces)).length,
    messages: (await app.db.select().from(requestMessages)).length,
    news: (await app.db.select().from(contactNotifications)).length,
    events: (await app.db.select().from(events)).length,
  });
  const newsOf = (id: string) =>
    app.db.select().from(contactNotifications).where(eq(contactNotifications.subjectId, id));

  beforeAll(async () => {
    ({ app, cs, otherCs } = await openAppWithOtherCs(driver));
    admin = await signIn(app, 'admin@ponte.example');
  });
  afterAll(() => app.close());

  it('authorize creates the project once, visible and given to the designer, and tells the contact', async () => {
    const id = await insertOpenedRequest(app, { title: 'Campanha de inverno' });
    const answer = await triage(app, cs, id, 'authorize', { designerId: 'demo-design' });
    expect(answer.status).toBe(200);
    const { status, resultProjectId } = await readJson(answer);
    expect(status).toBe('authorized');
    const [project] = await app.db.select().from(projects).where(eq(projects.id, resultProjectId));
    expect(project).toMatchObject({
      clientId: 'demo-client-bakery',
      name: 'Campanha de inverno',
      designerId: 'demo-design',
      visibleToClient: true,
      createdBy: 'demo-cs',
    });
    expect(await readRequest(app, id)).toMatchObject({
      status: 'authorized',
      resultProjectId,
      decidedBy: 'demo-cs',
    });
    expect((await newsOf(id)).map((n) => [n.contactId, n.kind])).toEqual([
      ['demo-contact-bakery-owner', 'request_authorized'],
    ]);

    const before = await count();
    const again = await triage(app, cs, id, 'authorize');
    expect(again.status).toBe(409);
    const refusal = await readJson(again);
    expect(refusal.error.code).toBe('wrong_status');
    expect(refusal.error.message).toMatch(/Autorizado/);
    expect(await count()).toEqual(before);
  });

  it('hidden from the client when CS asks so', async () => {
    const id = await insertOpenedRequest(app);
    const { resultProjectId } = await readJson(
      await triage(app, cs, id, 'authorize', { hideFromClient: true }),
    );
    const [project] = await app.db.select().from(projects).where(eq(projects.id, resultProjectId));
    expect(project?.visibleToClient).toBe(false);
  });

  it('start at risk creates the work; authorize later confirms it without a second project', async () => {
    const id = await insertOpenedRequest(app);
    const started = await readJson(await triage(app, cs, id, 'start-at-risk'));
    expect(started.status).toBe('at_risk');
    const before = await count();
    const confirmed = await readJson(await triage(app, cs, id, 'authorize'));
    expect(confirmed).toEqual({ status: 'authorized', resultProjectId: started.resultProjectId });
    const after = await count();
    expect(after.projects).toBe(before.projects);
    expect((await newsOf(id)).map((n) => n.kind).sort()).toEqual([
      'request_at_risk',
      'request_authorized',
    ]);
    // At risk may not ask (the work runs) and may not start again.
    const other = await insertOpenedRequest(app);
    await triage(app, cs, other, 'start-at-risk');
    expect((await triage(app, cs, other, 'ask', { message: 'E aí?' })).status).toBe(409);
    expect((await triage(app, cs, other, 'start-at-risk')).status).toBe(409);
  });

  it('a piece request becomes a piece in production in the chosen project', async () => {
    const { id: projectId } = await readJson(
      await app.request(
        '/api/pieces/projects',
        postJson({ clientId: 'demo-client-bakery', name: 'Dia a dia' }, { cookie: cs }),
      ),
    );
    const id = await insertOpenedRequest(app, { kind: 'piece', projectId, title: 'Post de sexta' });
    const answer = await readJson(await triage(app, cs, id, 'authorize'));
    expect(answer).toEqual({ status: 'authorized', resultProjectId: projectId });
    const [piece] = await app.db.select().from(pieces).where(eq(pieces.id, id));
    expect(piece).toMatchObject({ projectId, title: 'Post de sexta', status: 'in_production' });
  });

  it('ask puts the question in the conversation; a question may follow another; then decline', async () => {
    const id = await insertOpenedRequest(app);
    expect(
      (await readJson(await triage(app, cs, id, 'ask', { message: 'Qual o prazo?' }))).status,
    ).toBe('question');
    expect((await triage(app, admin, id, 'ask', { message: 'E o orçamento?' })).status).toBe(200);
    const messages = await app.db
      .select()
      .from(requestMessages)
      .where(eq(requestMessages.requestId, id));
    expect(messages.map((m) => [m.authorUserId, m.body]).sort()).toEqual([
      ['demo-admin', 'E o orçamento?'],
      ['demo-cs', 'Qual o prazo?'],
    ]);
    const declined = await triage(app, cs, id, 'decline', { reason: 'Fora do escopo do contrato' });
    expect(declined.status).toBe(200);
    expect(await readRequest(app, id)).toMatchObject({
      status: 'declined',
      declineReason: 'Fora do escopo do contrato',
    });
    expect((await newsOf(id)).map((n) => n.kind).sort()).toEqual([
      'request_declined',
      'request_question',
      'request_question',
    ]);
  });

  it('a decline without a reason and a question without text are refused in the field, nothing written', async () => {
    const id = await insertOpenedRequest(app);
    const before = await count();
    const decline = await triage(app, cs, id, 'decline', { reason: '   ' });
    expect(decline.status).toBe(400);
    expect((await readJson(decline)).error.fields.reason).toMatch(/motivo/);
    const ask = await triage(app, cs, id, 'ask', {});
    expect(ask.status).toBe(400);
    expect((await readJson(ask)).error.fields.message).toMatch(/pergunta/);
    const designer = await triage(app, cs, id, 'authorize', { designerId: 'demo-cs' });
    expect(designer.status).toBe(400);
    expect(await count()).toEqual(before);
    expect((await readRequest(app, id)).status).toBe('opened');
  });

  it('a closed request refuses every action with 409; a draft, an unknown id and another CS get 404', async () => {
    const declined = await insertOpenedRequest(app, { status: 'declined' });
    const draft = await insertOpenedRequest(app, { status: 'draft' });
    const opened = await insertOpenedRequest(app);
    const before = await count();
    for (const action of ['authorize', 'start-at-risk', 'ask', 'decline'] as const) {
      const body = { message: 'Oi?', reason: 'Não' };
      expect((await triage(app, cs, declined, action, body)).status).toBe(409);
      expect((await triage(app, cs, draft, action, body)).status).toBe(404);
      expect((await triage(app, cs, 'no-such-request', action, body)).status).toBe(404);
      expect((await triage(app, otherCs, opened, action, body)).status).toBe(404);
    }
    expect(await count()).toEqual(before);
    expect((await readRequest(app, opened)).status).toBe('opened');
  });

  it('a file of the request downloads for its CS; another CS, a draft’s file or another id: 404', async () => {
    const id = await insertOpenedRequest(app);
    const draft = await insertOpenedRequest(app, { status: 'draft' });
    const bytes = new TextEncoder().encode('briefing');
    const stored = await app.files.put(`requests/${id}/briefing.txt`, bytes, 'text/plain');
    for (const [fileId, requestId] of [
      ['file-1', id],
      ['file-2', draft],
    ] as const)
      await app.db.insert(requestFiles).values({
        id: fileId,
        requestId,
        fieldKey: 'reference',
        fileKey: stored.key,
        fileName: 'briefing.txt',
        contentType: 'text/plain',
        size: stored.size,
        sha256: stored.sha256,
        createdAt: app.deps.clock(),
      });
    const get = (cookie: string, path: string) => app.request(path, { headers: { cookie } });
    const ok = await get(cs, `/api/requests/${id}/files/file-1`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(await ok.text()).toBe('briefing');
    expect((await get(otherCs, `/api/requests/${id}/files/file-1`)).status).toBe(404);
    expect((await get(cs, `/api/requests/${draft}/files/file-2`)).status).toBe(404);
    expect((await get(cs, `/api/requests/${draft}/files/file-1`)).status).toBe(404);
  });

  it('a plain form returns to the request page with the notice', async () => {
    const id = await insertOpenedRequest(app);
    const answer = await app.request(`/api/requests/${id}/decline`, {
      method: 'POST',
      headers: {
        ...SAME_ORIGIN,
        cookie: cs,
        Accept: 'text/html',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ reason: 'Já temos isso em andamento' }),
    });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toMatch(new RegExp(`^/requests/${id}`));
  });
});
