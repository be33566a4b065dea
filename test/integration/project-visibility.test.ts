import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, projects } from '../../db/schema/index.ts';
import { openApprovalsApp } from '../support/approvals.ts';
import { postJson } from '../support/sign-in.ts';
import { readJson, SAME_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

/** The agency's switch per project: whether the client follows it in the client space (#18). */
describe.each(DRIVERS)('project visible to the client (%s)', (driver) => {
  let app: TestApp;
  let cs: string;
  let otherCs: string;
  let design: string;
  let projectId: string;

  const visibility = (id: string, visible: unknown, cookie: string) =>
    app.request(`/api/pieces/projects/${id}/visibility`, postJson({ visible }, { cookie }));
  const isVisible = async () =>
    (await app.db.select().from(projects).where(eq(projects.id, projectId)))[0]?.visibleToClient;
  const eventsOf = (action: string) =>
    app.db
      .select()
      .from(events)
      .where(and(eq(events.subjectId, projectId), eq(events.action, action)));

  beforeAll(async () => {
    ({ app, cs, otherCs, design } = await openApprovalsApp(driver));
    const created = await app.request(
      '/api/pieces/projects',
      postJson({ clientId: 'demo-client-bakery', name: 'Natal' }, { cookie: cs }),
    );
    ({ id: projectId } = await readJson(created));
  });
  afterAll(() => app.close());

  it('starts hidden: the agency chooses what the client follows', async () => {
    expect(await isVisible()).toBe(false);
  });

  it('refuses anyone but the client’s CS or an admin as if the project were not there, writing nothing', async () => {
    for (const cookie of [otherCs, design]) {
      const refused = await visibility(projectId, 'true', cookie);
      expect(refused.status).toBe(404);
    }
    expect((await visibility('no-such-project', 'true', cs)).status).toBe(404);
    const bad = await visibility(projectId, 'maybe', cs);
    expect(bad.status).toBe(400);
    expect(await isVisible()).toBe(false);
    expect(await eventsOf('project_shown_to_client')).toHaveLength(0);
  });

  it('lets the client’s CS show it, with one audit event; showing it again changes nothing', async () => {
    const shown = await visibility(projectId, 'true', cs);
    expect(shown.status).toBe(200);
    expect(await readJson(shown)).toEqual({ visible: true, changed: true });
    expect(await isVisible()).toBe(true);
    const again = await visibility(projectId, 'true', cs);
    expect(await readJson(again)).toEqual({ visible: true, changed: false });
    const [event, ...more] = await eventsOf('project_shown_to_client');
    expect(more).toHaveLength(0);
    expect(event?.data).toMatchObject({ projectName: 'Natal', clientId: 'demo-client-bakery' });
  });

  it('hides it once when twenty clicks arrive at once: one event', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => visibility(projectId, 'false', cs)),
    );
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(await isVisible()).toBe(false);
    expect(await eventsOf('project_hidden_from_client')).toHaveLength(1);
  });

  it('works as a plain form: back to the client’s board with a notice', async () => {
    const response = await app.request(`/api/pieces/projects/${projectId}/visibility`, {
      method: 'POST',
      headers: { ...SAME_ORIGIN, Accept: 'text/html', Cookie: cs },
      body: new URLSearchParams({ visible: 'true' }),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/pieces?client=demo-client-bakery#projects');
    expect(await isVisible()).toBe(true);
  });
});
