import { demoPng } from '../../db/demo-png.ts';
import { approveInternally } from './internal-review.ts';
import { latestMailMatch, postJson, signIn } from './sign-in.ts';
import { openAppWithOtherCs } from './teams.ts';
import { readJson, SAME_ORIGIN, type TestApp } from './test-app.ts';
import type { Driver } from './test-databases.ts';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const PNG = demoPng(60, 40, [200, 120, 40]);

/** The multipart form that uploads a version of a piece. */
export function versionForm(
  bytes: Uint8Array,
  extra: Record<string, string> = {},
  fileName = 'peca.png',
  type = 'image/png',
): RequestInit {
  const form = new FormData();
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], fileName, { type }));
  form.set('text', 'Pão quentinho toda manhã! #padaria');
  for (const [name, value] of Object.entries(extra)) form.set(name, value);
  return { method: 'POST', headers: SAME_ORIGIN, body: form };
}

/** The token of the newest approval link e-mailed to an address. */
export async function approvalToken(app: TestApp, to: string): Promise<string> {
  const token = await latestMailMatch(app, to, /\/approval\/([a-z2-7]{32})/);
  if (!token) throw new Error(`no approval link for ${to}`);
  return token;
}

/** A client contact's POST through their approval link. */
export function asClient(app: TestApp, token: string, path: string, body: unknown) {
  return app.request(`/api/approval/${token}${path}`, postJson(body));
}

/** The demo agency and another CS, with CS, Design and the other CS signed in. */
export async function openApprovalsApp(driver: Driver) {
  const opened = await openAppWithOtherCs(driver);
  return { ...opened, design: await signIn(opened.app, 'design@ponte.example') };
}

/** {@link openApprovalsApp}, then {@link sendPieceForApproval}: a piece awaiting Rita and João. */
export async function openSentPiece(driver: Driver) {
  const opened = await openApprovalsApp(driver);
  return { ...opened, ...(await sendPieceForApproval(opened.app, opened.cs, opened.design)) };
}

async function expectOk(response: Response, what: string) {
  if (response.status !== 200) throw new Error(`${what}: ${response.status}`);
  return readJson(response);
}

/**
 * The state the first approval tests build: CS starts a project with Design on the bakery,
 * Design uploads the first version of a social post, the head of design approves it inside
 * the agency (a social post's step before the client), CS sends it to Rita and João (rule
 * "all"). Returns the piece and each contact's link token.
 */
export async function sendPieceForApproval(app: TestApp, cs: string, design: string) {
  const { id: projectId } = await expectOk(
    await app.request(
      '/api/pieces/projects',
      postJson(
        { clientId: 'demo-client-bakery', name: 'Campanha de verão', designerId: 'demo-design' },
        { cookie: cs },
      ),
    ),
    'project',
  );
  const { id: pieceId } = await expectOk(
    await app.request(
      '/api/pieces',
      postJson(
        { projectId, title: 'Post de lançamento', kind: 'social_post', dueOn: '2026-03-10' },
        { cookie: cs },
      ),
    ),
    'piece',
  );
  await expectOk(
    await app.request(`/api/pieces/${pieceId}/versions`, {
      ...versionForm(PNG),
      headers: { ...SAME_ORIGIN, cookie: design },
    }),
    'version',
  );
  await approveInternally(app, pieceId);
  await expectOk(
    await app.request(
      `/api/pieces/${pieceId}/send`,
      postJson(
        { contactIds: ['demo-contact-bakery-owner', 'demo-contact-bakery-marketing'], rule: 'all' },
        { cookie: cs },
      ),
    ),
    'send',
  );
  return {
    pieceId: pieceId as string,
    rita: await approvalToken(app, 'rita@paoquente.example'),
    joao: await approvalToken(app, 'joao@paoquente.example'),
  };
}
