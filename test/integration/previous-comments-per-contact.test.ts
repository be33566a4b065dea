import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policy } from '../../src/policy/index.ts';
import { loadApprovalPage } from '../../src/server/approvals/approval-page.ts';
import {
  approvalToken,
  asClient,
  HOUR,
  openApprovalsApp,
  PNG,
  versionForm,
} from '../support/approvals.ts';
import { postJson } from '../support/sign-in.ts';
import { countRoundTrips, readJson, SAME_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const RITA = 'rita@paoquente.example';
const JOAO = 'joao@paoquente.example';

/**
 * The comments "on the version before" on a client's link are those on the version the
 * comparison shows them: the newest earlier one sent to THIS contact. A split send — version 1
 * to Rita and João, version 2 to Rita only, version 3 to João only — gives João version 1's
 * comments with the agency's answers, never Rita's on version 2, which he was never sent.
 * An e-mail piece: no internal review before the client, the sends are the subject here.
 */
describe.each(DRIVERS)('comments on the version sent before, per contact (%s)', (driver) => {
  let app: TestApp;
  let cs: string;
  let pieceId: string;
  let ritaV2: string;
  let joaoV3: string;
  let joaoComment: string;

  const upload = async (text: string) => {
    const response = await app.request(`/api/pieces/${pieceId}/versions`, {
      ...versionForm(PNG, { text }),
      headers: { ...SAME_ORIGIN, cookie: cs },
    });
    expect(response.status).toBe(200);
  };
  const send = async (...contactIds: string[]) => {
    app.setNow(new Date(app.deps.clock().getTime() + HOUR));
    const response = await app.request(
      `/api/pieces/${pieceId}/send`,
      postJson({ contactIds, rule: 'any' }, { cookie: cs }),
    );
    expect(response.status).toBe(200);
  };
  const agency = (path: string, body: object) =>
    app.request(`/api/pieces/${pieceId}${path}`, postJson(body, { cookie: cs }));
  const comment = async (token: string, body: string) =>
    (await readJson(await asClient(app, token, '/comments', { body }))).id as string;
  const page = async (token: string) => {
    const result = await loadApprovalPage(app.db, policy, { token, ip: null }, app.deps.clock());
    if (result.refusal) throw new Error(`link refused: ${result.refusal.problem}`);
    return result;
  };
  const threadsBefore = (result: Awaited<ReturnType<typeof page>>) =>
    result.approval.previousThreads
      .map((thread) => ({
        version: thread.versionNumber,
        body: thread.body,
        resolved: thread.resolvedAt !== null,
        answers: thread.replies.map((reply) => reply.body),
      }))
      .toSorted((a, b) => a.body.localeCompare(b.body));

  beforeAll(async () => {
    ({ app, cs } = await openApprovalsApp(driver));
    const projectId = (
      await readJson(
        await app.request(
          '/api/pieces/projects',
          postJson({ clientId: 'demo-client-bakery', name: 'Newsletter' }, { cookie: cs }),
        ),
      )
    ).id as string;
    pieceId = (
      await readJson(
        await app.request(
          '/api/pieces',
          postJson({ projectId, title: 'Newsletter de abril', kind: 'email' }, { cookie: cs }),
        ),
      )
    ).id as string;
    await upload('Versão um');
    await send('demo-contact-bakery-owner', 'demo-contact-bakery-marketing');
    joaoComment = await comment(await approvalToken(app, JOAO), 'Logo maior');
    await comment(await approvalToken(app, RITA), 'Mais claro');
    expect((await agency(`/comments/${joaoComment}/replies`, { reply: 'Logo +20%' })).status).toBe(
      200,
    );
    expect((await agency(`/comments/${joaoComment}/resolve`, {})).status).toBe(200);
    await upload('Versão dois');
    await send('demo-contact-bakery-owner');
    ritaV2 = await approvalToken(app, RITA);
    await comment(ritaV2, 'Agora a fonte');
    await upload('Versão três');
    await send('demo-contact-bakery-marketing');
    joaoV3 = await approvalToken(app, JOAO);
  });
  afterAll(() => app.close());

  it('shows João, on version 3, the comments on version 1 — the comparison’s version — in one round trip', async () => {
    const { result, roundTrips } = await countRoundTrips(app, () => page(joaoV3));
    expect(roundTrips).toBe(driver === 'libsql' ? 1 : null);
    expect(result.comparison?.previous.number).toBe(1);
    expect(threadsBefore(result)).toEqual([
      { version: 1, body: 'Logo maior', resolved: true, answers: ['Logo +20%'] },
      { version: 1, body: 'Mais claro', resolved: false, answers: [] },
    ]);
    expect(JSON.stringify(result)).not.toContain('Agora a fonte');
  });

  it('shows Rita, on version 2, the comments on version 1, the version her comparison shows', async () => {
    const result = await page(ritaV2);
    expect(result.comparison?.previous.number).toBe(1);
    expect(threadsBefore(result).map((thread) => [thread.version, thread.body])).toEqual([
      [1, 'Logo maior'],
      [1, 'Mais claro'],
    ]);
  });
});
