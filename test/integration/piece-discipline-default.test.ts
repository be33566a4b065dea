import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pieces } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { openApprovalsApp } from '../support/approvals.ts';
import { postJson } from '../support/sign-in.ts';
import { readJson, SAME_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

/**
 * The board's "new piece" form leaves the department empty ("as the policy says for this
 * kind") unless its creator chooses one: the piece gets the policy's department for its kind,
 * not the first one the form lists.
 */
describe.each(DRIVERS)('a new piece’s department (%s)', (driver) => {
  let app: TestApp;
  let cs: string;
  let projectId: string;
  const byKind = policy.approvals.disciplineByKind;
  const bannerBefore = byKind.banner;

  /** The board's plain form, as a browser without JavaScript posts it. */
  const postForm = (fields: Record<string, string>) =>
    app.request('/api/pieces', {
      method: 'POST',
      headers: { ...SAME_ORIGIN, Accept: 'text/html', Cookie: cs },
      body: new URLSearchParams({
        projectId,
        dueOn: '',
        returnTo: '/pieces',
        formId: 'piece',
        ...fields,
      }),
    });
  const disciplineOf = async (title: string) =>
    (await app.db.select().from(pieces).where(eq(pieces.title, title)))[0]?.discipline;

  beforeAll(async () => {
    ({ app, cs } = await openApprovalsApp(driver));
    ({ id: projectId } = await readJson(
      await app.request(
        '/api/pieces/projects',
        postJson({ clientId: 'demo-client-bakery', name: 'Departamentos' }, { cookie: cs }),
      ),
    ));
    // A policy whose banners are traffic's: design is the form's first department.
    byKind.banner = 'traffic';
  });
  afterAll(async () => {
    byKind.banner = bannerBefore;
    await app.close();
  });

  it('gives the kind’s department from the policy when the form says "as the policy says"', async () => {
    expect((await postForm({ title: 'Banner A', kind: 'banner', discipline: '' })).status).toBe(
      303,
    );
    expect(await disciplineOf('Banner A')).toBe('traffic');
    expect((await postForm({ title: 'Post A', kind: 'social_post', discipline: '' })).status).toBe(
      303,
    );
    expect(await disciplineOf('Post A')).toBe('design');
  });

  it('keeps a department chosen on the form, and the policy’s when the field is left out', async () => {
    expect(
      (await postForm({ title: 'Banner B', kind: 'banner', discipline: 'design' })).status,
    ).toBe(303);
    expect(await disciplineOf('Banner B')).toBe('design');
    const json = await app.request(
      '/api/pieces',
      postJson({ projectId, title: 'Banner C', kind: 'banner' }, { cookie: cs }),
    );
    expect(json.status).toBe(200);
    expect(await disciplineOf('Banner C')).toBe('traffic');
  });

  it('refuses a department that does not exist with a 400 on the field; nothing written', async () => {
    const before = await app.db.select().from(pieces);
    const refused = await app.request(
      '/api/pieces',
      postJson(
        { projectId, title: 'Banner D', kind: 'banner', discipline: 'sales' },
        { cookie: cs },
      ),
    );
    expect(refused.status).toBe(400);
    expect(Object.keys((await readJson(refused)).error.fields)).toEqual(['discipline']);
    expect(await app.db.select().from(pieces)).toEqual(before);
  });
});
