import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvalLinks, events, pieces } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { approvalToken, openApprovalsApp, PNG, versionForm } from '../support/approvals.ts';
import { approveInternally } from '../support/internal-review.ts';
import { postJson } from '../support/sign-in.ts';
import { readJson, SAME_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

/** Starting a piece, checking its versions and sending it to the client's contacts. */
describe.each(DRIVERS)('client approvals (%s)', (driver) => {
  let app: TestApp;
  let cs: string;
  let design: string;
  let otherCs: string;
  let pieceId: string;
  let rita: string;
  let joao: string;

  beforeAll(async () => {
    ({ app, cs, design, otherCs } = await openApprovalsApp(driver));
  });
  afterAll(() => app.close());

  it('lets CS start a project with a designer and a piece; Design sees it, another CS does not', async () => {
    const project = await app.request(
      '/api/pieces/projects',
      postJson(
        { clientId: 'demo-client-bakery', name: 'Campanha de verão', designerId: 'demo-design' },
        { cookie: cs },
      ),
    );
    expect(project.status).toBe(200);
    const { id: projectId } = await readJson(project);
    const notDesigner = await app.request(
      '/api/pieces/projects',
      postJson(
        { clientId: 'demo-client-bakery', name: 'X', designerId: 'demo-finance' },
        { cookie: cs },
      ),
    );
    expect(notDesigner.status).toBe(400);
    const piece = await app.request(
      '/api/pieces',
      postJson(
        { projectId, title: 'Post de lançamento', kind: 'social_post', dueOn: '2026-03-10' },
        { cookie: cs },
      ),
    );
    expect(piece.status).toBe(200);
    pieceId = (await readJson(piece)).id;
    const badKind = await app.request(
      '/api/pieces',
      postJson({ projectId, title: 'X', kind: 'billboard' }, { cookie: cs }),
    );
    expect(badKind.status).toBe(400);
    // Design uploads to a project given to them; another CS cannot reach the piece.
    expect(
      (
        await app.request(`/api/pieces/${pieceId}/versions`, {
          // A name that shows as "relatoriotab.png" and saves as .bat: cleaned on upload.
          ...versionForm(PNG, {}, 'relatorio\u202Efdp.bat'),
          headers: { ...SAME_ORIGIN, cookie: design },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await app.request(`/api/pieces/${pieceId}/versions`, {
          ...versionForm(PNG),
          headers: { ...SAME_ORIGIN, cookie: otherCs },
        })
      ).status,
    ).toBe(404);
  });

  it('checks a version by its bytes and size, never its name', async () => {
    const upload = (bytes: Uint8Array) =>
      app.request(`/api/pieces/${pieceId}/versions`, {
        ...versionForm(bytes),
        headers: { ...SAME_ORIGIN, cookie: cs },
      });
    const notImage = await upload(new TextEncoder().encode('just text, named peca.png'));
    expect(notImage.status).toBe(415);
    expect((await readJson(notImage)).error.message).toMatch(/PNG, JPEG/);
    const huge = new Uint8Array(policy.approvals.maxUploadBytes + 1);
    huge.set(PNG);
    expect((await upload(huge)).status).toBe(413);
    const [piece] = await app.db.select().from(pieces).where(eq(pieces.id, pieceId));
    expect(piece?.latestVersion).toBe(1);
  });

  it('lets only CS send for approval: a personal link per contact, by e-mail', async () => {
    // A social post is agreed inside the agency first (see internal-review.test.ts).
    await approveInternally(app, pieceId);
    const byDesign = await app.request(
      `/api/pieces/${pieceId}/send`,
      postJson({ contactIds: ['demo-contact-bakery-owner'] }, { cookie: design }),
    );
    expect(byDesign.status).toBe(403);
    const none = await app.request(
      `/api/pieces/${pieceId}/send`,
      postJson({ contactIds: ['demo-contact-clinic-director'] }, { cookie: cs }),
    );
    expect(none.status).toBe(400);
    const sent = await app.request(
      `/api/pieces/${pieceId}/send`,
      postJson(
        { contactIds: ['demo-contact-bakery-owner', 'demo-contact-bakery-marketing'], rule: 'all' },
        { cookie: cs },
      ),
    );
    expect(sent.status).toBe(200);
    rita = await approvalToken(app, 'rita@paoquente.example');
    joao = await approvalToken(app, 'joao@paoquente.example');
    expect(rita).not.toBe(joao);
    const [piece] = await app.db.select().from(pieces).where(eq(pieces.id, pieceId));
    expect(piece?.status).toBe('awaiting_approval');
    const links = await app.db.select().from(approvalLinks);
    // Only the hash is kept.
    expect(JSON.stringify(links)).not.toContain(rita);
  });

  it('stores and serves a PNG named relatorio<U+202E>fdp.bat as relatoriofdp.png (RFC 8187)', async () => {
    const expected = `inline; filename="relatoriofdp.png"; filename*=UTF-8''relatoriofdp.png`;
    const agency = await app.request(`/api/pieces/${pieceId}/versions/1/file`, {
      headers: { Cookie: cs },
    });
    expect(agency.headers.get('Content-Disposition')).toBe(expected);
    const client = await app.request(`/api/approval/${rita}/file`, { method: 'HEAD' });
    expect(client.headers.get('Content-Disposition')).toBe(expected);
    const added = await app.db.select().from(events).where(eq(events.action, 'version_added'));
    expect(added[0]?.data).toMatchObject({ fileName: 'relatoriofdp.png' });
  });
});
