import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  approvalDecisions,
  clientRequests,
  contactNotifications,
  events,
  outbox,
  pieceComments,
  pieces,
  projects,
  requestFiles,
  requestMessages,
  requestTemplates,
} from '../../db/schema/index.ts';
import { createTranslator } from '../../src/i18n/index.ts';
import { policy } from '../../src/policy/index.ts';
import { loadRequestFormPage } from '../../src/server/client-requests/request-form-page.ts';
import { loadRequestPage } from '../../src/server/client-requests/request-pages.ts';
import { loadSpaceRequestPage } from '../../src/server/client-requests/request-pages-space.ts';
import { loadRequestTemplatesPage } from '../../src/server/client-requests/template-editor.ts';
import { loadSpacePiecePage } from '../../src/server/client-space/space-piece.ts';
import { openSentPiece } from '../support/approvals.ts';
import { insertOpenedRequest, triage } from '../support/client-requests.ts';
import { postJson } from '../support/sign-in.ts';
import { contactViewerOf, spaceCookieOf } from '../support/space-contact-session.ts';
import { readJson, SAME_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const RITA = 'demo-contact-bakery-owner';
const MARINA = 'demo-contact-clinic-director';
const OTHER_CS = { id: 'other-cs', roles: ['cs' as const] };

/**
 * Every #18 page and route, given the bakery's ids by someone of another client (Marina, the
 * clinic's contact) or by a CS who is not the bakery's: 404 as for an id that does not exist,
 * localized, and nothing written.
 */
describe.each(DRIVERS)('the client space keeps each client to itself (%s)', (driver) => {
  let app: TestApp;
  let cs: string;
  let otherCs: string;
  let marina: string;
  let pieceId: string;
  let projectId: string;
  let commentId: string;
  let requestId: string;
  let draftId: string;
  let fileId: string;

  /** Every table a refused call could have written to. */
  const everything = async () => ({
    comments: await app.db.select().from(pieceComments),
    decisions: await app.db.select().from(approvalDecisions),
    requests: await app.db.select().from(clientRequests),
    messages: await app.db.select().from(requestMessages),
    templates: await app.db.select().from(requestTemplates),
    files: await app.db.select().from(requestFiles),
    projects: await app.db.select().from(projects),
    notifications: await app.db.select().from(contactNotifications),
    events: (await app.db.select().from(events)).length,
    mails: (await app.db.select().from(outbox)).length,
  });
  const expectNotFound = async (response: Response, what: string) => {
    expect(response.status, what).toBe(404);
    const body = await readJson(response);
    expect(body.error.code, what).toBe('not_found');
    expect(body.error.message, what).toBe(createTranslator('pt-BR')('errors.notFound'));
  };
  const get = (path: string, cookie: string) =>
    app.request(path, { headers: { ...SAME_ORIGIN, Cookie: cookie } });

  beforeAll(async () => {
    ({ app, cs, otherCs, pieceId } = await openSentPiece(driver));
    const [piece] = await app.db.select().from(pieces).where(eq(pieces.id, pieceId));
    projectId = piece?.projectId as string;
    const shown = await app.request(
      `/api/pieces/projects/${projectId}/visibility`,
      postJson({ visible: 'true' }, { cookie: cs }),
    );
    expect(shown.status).toBe(200);
    const rita = await spaceCookieOf(app, RITA);
    marina = await spaceCookieOf(app, MARINA);
    const comment = await app.request(
      `/api/space/pieces/${pieceId}/comments`,
      postJson({ target: 'general', body: 'Gostei' }, { cookie: rita }),
    );
    commentId = (await readJson(comment)).id;
    requestId = await insertOpenedRequest(app, { title: 'Campanha de inverno' });
    await triage(app, cs, requestId, 'ask', { message: 'Para quando?' });
    draftId = await insertOpenedRequest(app, { status: 'draft', title: 'Rascunho' });
    fileId = crypto.randomUUID();
    await app.db.insert(requestFiles).values({
      id: fileId,
      requestId,
      fieldKey: 'reference',
      fileKey: 'requests/isolation-test',
      fileName: 'briefing.pdf',
      contentType: 'application/pdf',
      size: 10,
      sha256: '0'.repeat(64),
      createdAt: app.deps.clock(),
    });
  });
  afterAll(() => app.close());

  it('a contact of another client: the piece’s page, file and every action are 404, nothing written', async () => {
    const viewer = await contactViewerOf(app, MARINA);
    expect(await loadSpacePiecePage(app.db, viewer, pieceId, app.deps.clock())).toBeNull();
    const before = await everything();
    const base = `/api/space/pieces/${pieceId}`;
    const file = await get(`${base}/versions/1/file`, marina);
    expect(file.status).toBe(404);
    for (const [path, body] of [
      ['/viewed', {}],
      ['/comments', { target: 'general', body: 'Não é meu' }],
      [`/comments/${commentId}`, { body: 'Troquei' }],
      [`/comments/${commentId}/delete`, {}],
      ['/decision', { decision: 'approved' }],
    ] as const) {
      await expectNotFound(
        await app.request(`${base}${path}`, postJson(body, { cookie: marina })),
        path,
      );
    }
    expect(await everything()).toEqual(before);
  });

  it('a contact of another client: the requests’ pages, the draft, the form and the conversation are 404, nothing written', async () => {
    const viewer = await contactViewerOf(app, MARINA);
    expect(await loadSpaceRequestPage(app.db, viewer, requestId)).toBeNull();
    expect(await loadSpaceRequestPage(app.db, viewer, draftId)).toBeNull();
    expect(await loadRequestFormPage(app.db, viewer, { requestId: draftId }, policy)).toBeNull();
    expect(
      await loadRequestFormPage(app.db, viewer, { kind: 'piece', projectId }, policy),
    ).toBeNull();
    const before = await everything();
    await expectNotFound(
      await app.request(
        `/api/space/requests/${requestId}/messages`,
        postJson({ message: 'Resposta de outro cliente' }, { cookie: marina }),
      ),
      'messages',
    );
    for (const id of [requestId, draftId]) {
      await expectNotFound(
        await app.request(
          `/api/space/requests/${id}`,
          postJson({ title: 'Sobrescrito', action: 'save' }, { cookie: marina }),
        ),
        `save ${id}`,
      );
    }
    await expectNotFound(
      await app.request(
        '/api/space/requests',
        postJson(
          { kind: 'piece', projectId, newId: crypto.randomUUID(), title: 'Peça', action: 'send' },
          { cookie: marina },
        ),
      ),
      'a piece in the bakery’s project',
    );
    expect(await everything()).toEqual(before);
  });

  it('a CS who is not the client’s: the request, its file, every triage, the forms and the project switch are 404, nothing written', async () => {
    expect(await loadRequestPage(app.db, OTHER_CS, requestId)).toBeNull();
    expect(
      await loadRequestTemplatesPage(app.db, OTHER_CS, 'demo-client-bakery', 'pt-BR', policy),
    ).toBeNull();
    const before = await everything();
    const file = await get(`/api/requests/${requestId}/files/${fileId}`, otherCs);
    expect(file.status).toBe(404);
    for (const [action, body] of [
      ['authorize', {}],
      ['start-at-risk', {}],
      ['ask', { message: 'Outra pergunta' }],
      ['decline', { reason: 'Não' }],
    ] as const) {
      await expectNotFound(await triage(app, otherCs, requestId, action, body), action);
    }
    await expectNotFound(
      await app.request(
        '/api/request-templates/demo-client-bakery',
        postJson(
          {
            kind: 'project',
            basedOnVersion: 0,
            key: ['title'],
            label: ['Nome'],
            type: ['short_text'],
          },
          { cookie: otherCs },
        ),
      ),
      'templates',
    );
    await expectNotFound(
      await app.request(
        `/api/pieces/projects/${projectId}/visibility`,
        postJson({ visible: 'false' }, { cookie: otherCs }),
      ),
      'visibility',
    );
    expect(await everything()).toEqual(before);
  });

  it('the client’s own CS and contact still reach all of it (the 404s above are not a broken fixture)', async () => {
    expect(
      await loadRequestPage(app.db, { id: 'demo-cs', roles: ['cs'] }, requestId),
    ).not.toBeNull();
    const rita = await contactViewerOf(app, RITA);
    expect(await loadSpaceRequestPage(app.db, rita, requestId)).not.toBeNull();
    expect(await loadSpacePiecePage(app.db, rita, pieceId, app.deps.clock())).not.toBeNull();
    const file = await get(
      `/api/space/pieces/${pieceId}/versions/1/file`,
      await spaceCookieOf(app, RITA),
    );
    expect(file.status).toBe(200);
  });
});
