import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pieceVersions } from '../../db/schema/index.ts';
import { EMBEDDED_FILE_CSP } from '../../functions/http/security-headers.ts';
import { policy } from '../../src/policy/index.ts';
import { loadApprovalPage } from '../../src/server/approvals/approval-page.ts';
import { loadPiecePage } from '../../src/server/approvals/piece-page.ts';
import {
  approvalToken,
  asClient,
  HOUR,
  openApprovalsApp,
  PNG,
  versionForm,
} from '../support/approvals.ts';
import { pdf } from '../support/invoices.ts';
import { postJson } from '../support/sign-in.ts';
import { countRoundTrips, readJson, SAME_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const CS = { id: 'demo-cs', roles: ['cs' as const] };
const RITA = 'rita@paoquente.example';
const JOAO = 'joao@paoquente.example';

/**
 * What changed between versions, on the agency's page and the client's link: an e-mail piece
 * (no internal review before the client: the comparison is the subject here), version 1 sent
 * to Rita and João, Rita asked for changes; version 2 went to Rita only; version 3 (a PDF) to
 * João only. Each contact compares with the version they were last sent, and no link reaches
 * a version its contact was never sent.
 */
describe.each(DRIVERS)('what changed between versions (%s)', (driver) => {
  let app: TestApp;
  let cs: string;
  let pieceId: string;
  let ritaV1: string;
  let ritaV2: string;
  let joaoV1: string;
  let joaoV3: string;

  const upload = async (body: Uint8Array, text: string, name = 'peca.png', type = 'image/png') => {
    const response = await app.request(`/api/pieces/${pieceId}/versions`, {
      ...versionForm(body, { text }, name, type),
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
  const create = async (path: string, body: object) =>
    (await readJson(await app.request(path, postJson(body, { cookie: cs })))).id as string;
  const page = (token: string) =>
    loadApprovalPage(app.db, policy, { token, ip: null }, app.deps.clock());
  const file = (token: string, number: number | string) =>
    app.request(`/api/approval/${token}/versions/${number}/file`);

  beforeAll(async () => {
    ({ app, cs } = await openApprovalsApp(driver));
    const projectId = await create('/api/pieces/projects', {
      clientId: 'demo-client-bakery',
      name: 'Newsletter',
    });
    pieceId = await create('/api/pieces', {
      projectId,
      title: 'Newsletter de março',
      kind: 'email',
    });
    await upload(PNG, 'Pão quentinho toda manhã! #padaria');
    await send('demo-contact-bakery-owner', 'demo-contact-bakery-marketing');
    ritaV1 = await approvalToken(app, RITA);
    joaoV1 = await approvalToken(app, JOAO);
    const asked = await asClient(app, ritaV1, '/decision', {
      decision: 'changes_requested',
      message: 'Troquem a cor e o texto.',
    });
    expect(asked.status).toBe(200);
    await upload(PNG, 'Pão de fermentação natural toda manhã! #padaria');
    await send('demo-contact-bakery-owner');
    ritaV2 = await approvalToken(app, RITA);
    await upload(
      pdf('v3'),
      'Pão de fermentação natural toda tarde!',
      'peca.pdf',
      'application/pdf',
    );
    await send('demo-contact-bakery-marketing');
    joaoV3 = await approvalToken(app, JOAO);
  });
  afterAll(() => app.close());

  it('shows Rita version 1 beside version 2, the caption word by word, in one round trip', async () => {
    const { result, roundTrips } = await countRoundTrips(app, () => page(ritaV2));
    expect(roundTrips).toBe(driver === 'libsql' ? 1 : null);
    if (result.refusal) throw new Error('the link should open');
    const comparison = result.comparison;
    expect(comparison?.previous).toMatchObject({ number: 1, isPdf: false, width: 60 });
    expect(comparison?.current).toMatchObject({ number: 2, isPdf: false, height: 40 });
    expect(comparison?.overlay).toBe(true);
    expect(comparison?.captionDiff.filter((part) => part.change !== 'kept')).toEqual([
      { change: 'removed', text: 'quentinho ' },
      { change: 'added', text: 'de fermentação natural ' },
    ]);
    // Nothing of the file's storage reaches the page's data.
    expect(JSON.stringify(comparison)).not.toContain('pieces/');
  });

  it('compares João’s version 3 with version 1, the last he was sent: never with version 2', async () => {
    const result = await page(joaoV3);
    if (result.refusal) throw new Error('the link should open');
    expect(result.comparison?.previous.number).toBe(1);
    expect(result.comparison?.current).toMatchObject({ number: 3, isPdf: true });
    expect(result.comparison?.overlay).toBe(false);
  });

  it('shows no comparison on a link to a contact’s first version', async () => {
    for (const token of [ritaV1, joaoV1]) {
      const result = await page(token);
      if (result.refusal) throw new Error('the link should open');
      expect(result.comparison).toBeNull();
    }
  });

  it('serves a contact the versions they were sent, as the link’s own file is served', async () => {
    const [v1] = await app.db.select().from(pieceVersions);
    const old = await file(ritaV2, 1);
    expect(old.status).toBe(200);
    expect(old.headers.get('Content-Type')).toBe('image/png');
    expect(old.headers.get('Cache-Control')).toBe('no-store');
    expect(old.headers.get('Referrer-Policy')).toBe('no-referrer');
    expect(new Uint8Array(await old.arrayBuffer())).toEqual(PNG);
    expect(v1?.number).toBe(1);
    expect((await file(ritaV2, 2)).status).toBe(200);
    const pdfFile = await file(joaoV3, 3);
    expect(pdfFile.status).toBe(200);
    expect(pdfFile.headers.get('Content-Security-Policy')).toBe(EMBEDDED_FILE_CSP);
    expect((await file(joaoV3, 1)).status).toBe(200);
  });

  it('answers 404 for a version the contact was never sent, or none, whatever the number', async () => {
    for (const [token, number] of [
      [ritaV2, 3],
      [ritaV1, 3],
      [joaoV3, 2],
      [joaoV1, 2],
      [ritaV2, 4],
      [ritaV2, 0],
      [ritaV2, '01'],
      [ritaV2, '1.0'],
      [ritaV2, '-1'],
      [ritaV2, 'abc'],
      [ritaV2, '99999999999999999999'],
    ] as const) {
      const refused = await file(token, number);
      expect(refused.status, `${number}`).toBe(404);
      expect(refused.headers.get('Cache-Control')).toBe('no-store');
    }
  });

  it('refuses the earlier versions through a revoked link, and through a forged one', async () => {
    const revoked = await app.request(
      `/api/pieces/${pieceId}/links/demo-contact-bakery-marketing/revoke`,
      postJson({}, { cookie: cs }),
    );
    expect(revoked.status).toBe(200);
    expect((await file(joaoV3, 1)).status).toBe(410);
    expect((await file('a'.repeat(32), 1)).status).toBe(404);
  });

  it('shows the agency the current version beside the one before it, sent or not', async () => {
    const { result, roundTrips } = await countRoundTrips(app, () =>
      loadPiecePage(app.db, CS, pieceId),
    );
    expect(roundTrips).toBe(driver === 'libsql' ? 1 : null);
    expect(result?.comparison?.previous).toMatchObject({ number: 2, isPdf: false });
    expect(result?.comparison?.current).toMatchObject({ number: 3, isPdf: true });
    expect(result?.comparison?.captionDiff.map((part) => part.change)).toContain('removed');
  });
});
