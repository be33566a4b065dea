import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, pieces, projects } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { insertOpenedRequest, readRequest, triage } from '../support/client-requests.ts';
import { postJson, signIn } from '../support/sign-in.ts';
import { openAppWithOtherCs } from '../support/teams.ts';
import { readJson, SAME_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const { max, maxTitleChars } = policy.clientSpace.requests.startPieces;

/**
 * What an authorized request becomes: a project with the pieces CS names in production (of
 * the chosen kind, due when the client asked), or the piece of a piece request likewise.
 */
describe.each(DRIVERS)('request triage: the pieces it starts (%s)', (driver) => {
  let app: TestApp;
  let cs: string;
  let admin: string;

  const piecesOf = (projectId: string) =>
    app.db.select().from(pieces).where(eq(pieces.projectId, projectId)).orderBy(pieces.title);
  const count = async () => ({
    projects: (await app.db.select().from(projects)).length,
    pieces: (await app.db.select().from(pieces)).length,
    events: (await app.db.select().from(events)).length,
  });

  beforeAll(async () => {
    ({ app, cs } = await openAppWithOtherCs(driver));
    admin = await signIn(app, 'admin@ponte.example');
  });
  afterAll(() => app.close());

  it('authorize makes the project with each named piece in production, of the kind, due as asked', async () => {
    const id = await insertOpenedRequest(app, {
      title: 'Campanha de inverno',
      answers: { description: 'Posts', dueDate: '2027-01-15' },
    });
    const answer = await triage(app, cs, id, 'authorize', {
      pieces: 'Post de abertura\r\n\n  Banner do site  \nE-mail de lançamento\n',
      kind: 'social_post',
    });
    expect(answer.status).toBe(200);
    const { resultProjectId } = await readJson(answer);
    const made = await piecesOf(resultProjectId);
    expect(made.map((p) => [p.title, p.kind, p.status, p.dueOn, p.clientId])).toEqual([
      ['Banner do site', 'social_post', 'in_production', '2027-01-15', 'demo-client-bakery'],
      ['E-mail de lançamento', 'social_post', 'in_production', '2027-01-15', 'demo-client-bakery'],
      ['Post de abertura', 'social_post', 'in_production', '2027-01-15', 'demo-client-bakery'],
    ]);
  });

  it('without a list (a JSON caller), one piece named as the request; an invalid due date is none', async () => {
    const id = await insertOpenedRequest(app, {
      title: 'Vitrine de Natal',
      answers: { dueDate: '2027-02-30', kind: 'banner' },
    });
    const { resultProjectId } = await readJson(await triage(app, cs, id, 'start-at-risk'));
    expect((await piecesOf(resultProjectId)).map((p) => [p.title, p.kind, p.dueOn])).toEqual([
      ['Vitrine de Natal', 'banner', null],
    ]);
    // Confirming what started at risk makes nothing twice.
    const before = await count();
    expect((await triage(app, cs, id, 'authorize', { pieces: 'Outra' })).status).toBe(200);
    expect((await count()).pieces).toBe(before.pieces);
  });

  it('a piece request’s piece takes the due date asked and the kind CS chose', async () => {
    const { id: projectId } = await readJson(
      await app.request(
        '/api/pieces/projects',
        postJson({ clientId: 'demo-client-bakery', name: 'Dia a dia D2' }, { cookie: cs }),
      ),
    );
    const id = await insertOpenedRequest(app, {
      kind: 'piece',
      projectId,
      title: 'Cartaz da páscoa',
      answers: { dueDate: '2027-03-20' },
    });
    expect((await triage(app, cs, id, 'authorize', { kind: 'banner' })).status).toBe(200);
    const [piece] = await app.db.select().from(pieces).where(eq(pieces.id, id));
    expect(piece).toMatchObject({ kind: 'banner', dueOn: '2027-03-20', status: 'in_production' });
  });

  it('no piece, too many, a line too long, control characters, an unknown kind: the field says so, nothing written', async () => {
    const id = await insertOpenedRequest(app);
    const before = await count();
    const refusals: [Record<string, unknown>, string, RegExp][] = [
      [{ pieces: ' \n \r\n' }, 'pieces', /ao menos uma peça/],
      [
        { pieces: Array.from({ length: max + 1 }, (_, i) => `Peça ${i}`).join('\n') },
        'pieces',
        new RegExp(`No máximo ${max} peças`),
      ],
      [{ pieces: `Curta\n${'x'.repeat(maxTitleChars + 1)}` }, 'pieces', /no máximo \d+ caracteres/],
      [{ pieces: 'Post\tde abertura' }, 'pieces', /texto simples/],
      [{ pieces: 'Post\u0000' }, 'pieces', /texto simples/],
      [{ pieces: 'Post', kind: 'poster' }, 'kind', /./],
    ];
    for (const [body, field, message] of refusals) {
      for (const action of ['authorize', 'start-at-risk'] as const) {
        const answer = await triage(app, cs, id, action, body);
        expect(answer.status, JSON.stringify(body)).toBe(400);
        expect((await readJson(answer)).error.fields[field]).toMatch(message);
      }
    }
    expect(await count()).toEqual(before);
    expect((await readRequest(app, id)).status).toBe('opened');
  });

  it('the plain form’s empty list comes back to the page with the field’s error', async () => {
    const id = await insertOpenedRequest(app);
    const answer = await app.request(`/api/requests/${id}/authorize`, {
      method: 'POST',
      headers: {
        ...SAME_ORIGIN,
        cookie: cs,
        Accept: 'text/html',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ formId: 'authorize', pieces: '', kind: 'other' }),
    });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toMatch(new RegExp(`^/requests/${id}`));
    expect((await readRequest(app, id)).status).toBe('opened');
  });

  it('a double click and two people at once: one project, its pieces once', async () => {
    const id = await insertOpenedRequest(app);
    const before = await count();
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        triage(app, i % 2 ? cs : admin, id, i % 3 ? 'authorize' : 'start-at-risk', {
          pieces: 'Post 1\nPost 2\nPost 3',
        }),
      ),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(5);
    const after = await count();
    expect(after.projects).toBe(before.projects + 1);
    expect(after.pieces).toBe(before.pieces + 3);
    const { resultProjectId } = await readRequest(app, id);
    expect(await piecesOf(resultProjectId ?? '')).toHaveLength(3);
  });
});
