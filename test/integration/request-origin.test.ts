import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientRequests, pieces, requestFiles, requestTemplates } from '../../db/schema/index.ts';
import { loadPiecePage } from '../../src/server/approvals/piece-page.ts';
import type { Viewer } from '../../src/server/auth/viewer.ts';
import { insertOpenedRequest, triage } from '../support/client-requests.ts';
import { postJson, signIn } from '../support/sign-in.ts';
import { addPerson, openTeamsApp } from '../support/teams.ts';
import { readJson, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const FIELDS = [
  { key: 'title', label: 'Nome', type: 'short_text', required: true },
  { key: 'description', label: 'O que você precisa', type: 'long_text', required: true },
  { key: 'reference', label: 'Arquivo de referência', type: 'file', required: false },
];
const CS: Viewer = { id: 'demo-cs', roles: ['cs'] };
const PROJECT_DESIGNER: Viewer = { id: 'other-design', roles: ['design'] };
const STRANGER: Viewer = { id: 'third-design', roles: ['design'] };

/**
 * The request a piece came from, on the piece's page: what the client asked and their files,
 * for who sees the piece — the project's designer too — and for no one else (404).
 */
describe.each(DRIVERS)('the client’s request on the piece it became (%s)', (driver) => {
  let app: TestApp;
  let cookie: Map<string, string>;
  let stranger: string;
  // Each request gets its own version of the client's form (one version per kind and number).
  let templateVersion = 100;

  /** A sent request of the bakery with the default form's fields and a reference file. */
  async function requestWithFile(request: Parameters<typeof insertOpenedRequest>[1] = {}) {
    const id = await insertOpenedRequest(app, {
      answers: { title: 'Campanha', description: 'Três posts de inverno' },
      ...request,
    });
    const stored = await app.files.put(
      `requests/${id}/briefing.txt`,
      new TextEncoder().encode('briefing'),
      'text/plain',
    );
    await app.db.batch([
      app.db.insert(requestTemplates).values({
        id: `d2-template-${id}`,
        clientId: 'demo-client-bakery',
        kind: request.kind ?? 'project',
        version: ++templateVersion,
        fields: JSON.stringify(FIELDS),
        createdAt: app.deps.clock(),
      }),
      app.db
        .update(clientRequests)
        .set({ templateId: `d2-template-${id}` })
        .where(eq(clientRequests.id, id)),
      app.db.insert(requestFiles).values({
        id: `file-${id}`,
        requestId: id,
        fieldKey: 'reference',
        fileKey: stored.key,
        fileName: 'briefing.txt',
        contentType: 'text/plain',
        size: stored.size,
        sha256: stored.sha256,
        createdAt: app.deps.clock(),
      }),
    ]);
    return id;
  }
  const cs = () => cookie.get('cs') ?? '';
  const post = async (path: string, body: Record<string, unknown>) => {
    const answer = await app.request(path, postJson(body, { cookie: cs() }));
    expect(answer.status, path).toBe(200);
    return readJson(answer);
  };
  const newProject = async () =>
    (await post('/api/pieces/projects', { clientId: 'demo-client-bakery', name: 'Dia a dia' }))
      .id as string;
  const download = (who: string, pieceId: string, fileId: string) =>
    app.request(`/api/pieces/${pieceId}/request-files/${fileId}`, { headers: { cookie: who } });

  beforeAll(async () => {
    ({ app, cookie } = await openTeamsApp(driver));
    await addPerson(app, {
      id: 'third-design',
      email: 'terceiro.design@ponte.example',
      roles: ['design'],
    });
    stranger = await signIn(app, 'terceiro.design@ponte.example');
  });
  afterAll(() => app.close());

  it('each piece a project request started shows the request, its answers and its file; the project’s designer downloads it', async () => {
    const id = await requestWithFile({ title: 'Campanha de inverno' });
    const authorized = await triage(app, cookie.get('cs') ?? '', id, 'authorize', {
      pieces: 'Post 1\nPost 2',
      designerId: 'other-design',
    });
    expect(authorized.status).toBe(200);
    const { resultProjectId } = await readJson(authorized);
    const made = await app.db.select().from(pieces).where(eq(pieces.projectId, resultProjectId));
    expect(made).toHaveLength(2);
    for (const piece of made) {
      const page = await loadPiecePage(app.db, PROJECT_DESIGNER, piece.id);
      expect(page?.fromRequest).toMatchObject({ id, title: 'Campanha de inverno' });
      const answers = page?.fromRequest?.answers ?? [];
      expect(answers.map((a) => [a.key, a.value, a.files.map((f) => f.fileName)])).toEqual([
        ['title', 'Campanha', []],
        ['description', 'Três posts de inverno', []],
        ['reference', null, ['briefing.txt']],
      ]);
      for (const who of [cookie.get('cs'), cookie.get('otherDesign'), cookie.get('admin')]) {
        const answer = await download(who ?? '', piece.id, `file-${id}`);
        expect(answer.status).toBe(200);
        expect(answer.headers.get('content-disposition')).toMatch(/^attachment/);
        expect(await answer.text()).toBe('briefing');
      }
      // A designer neither on the project nor on the client's team: neither page nor file.
      expect(await loadPiecePage(app.db, STRANGER, piece.id)).toBeNull();
      expect((await download(stranger, piece.id, `file-${id}`)).status).toBe(404);
      // Another CS, and the request's page is still only for the client's CS.
      expect((await download(cookie.get('otherCs') ?? '', piece.id, `file-${id}`)).status).toBe(
        404,
      );
      expect(
        (
          await app.request(`/api/requests/${id}/files/file-${id}`, {
            headers: { cookie: cookie.get('otherDesign') ?? '' },
          })
        ).status,
      ).toBe(403);
    }
  });

  it('a piece request’s piece shows its request; the client’s design team downloads the file', async () => {
    const projectId = await newProject();
    const id = await requestWithFile({ kind: 'piece', projectId, title: 'Cartaz' });
    expect((await triage(app, cs(), id, 'authorize')).status).toBe(200);
    expect((await loadPiecePage(app.db, CS, id))?.fromRequest?.id).toBe(id);
    expect((await download(cookie.get('design') ?? '', id, `file-${id}`)).status).toBe(200);
    expect((await download(stranger, id, `file-${id}`)).status).toBe(404);
  });

  it('another request’s file, or a piece from no request: 404, and such a piece shows none', async () => {
    const projectId = await newProject();
    const first = await requestWithFile({ kind: 'piece', projectId });
    const second = await requestWithFile({ kind: 'piece', projectId });
    await triage(app, cs(), first, 'authorize');
    await triage(app, cs(), second, 'authorize');
    expect((await download(cs(), first, `file-${second}`)).status).toBe(404);
    const plain = await post('/api/pieces', { projectId, title: 'Sem pedido', kind: 'banner' });
    expect((await loadPiecePage(app.db, CS, plain.id))?.fromRequest).toBeNull();
    expect((await download(cs(), plain.id, `file-${first}`)).status).toBe(404);
    expect((await download(cs(), 'no-such-piece', `file-${first}`)).status).toBe(404);
  });
});
