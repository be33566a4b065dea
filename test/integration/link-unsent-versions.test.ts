import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policy } from '../../src/policy/index.ts';
import { loadApprovalPage } from '../../src/server/approvals/approval-page.ts';
import {
  approvalToken,
  asClient,
  HOUR,
  openApprovalsApp,
  openSentPiece,
  PNG,
  versionForm,
} from '../support/approvals.ts';
import {
  approveInternally,
  decideInternally,
  HEAD_OF_DESIGN,
  sessionOf,
} from '../support/internal-review.ts';
import { postJson } from '../support/sign-in.ts';
import { countRoundTrips, readJson, SAME_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const RITA = 'rita@paoquente.example';
const JOAO = 'joao@paoquente.example';
const OWNER = 'demo-contact-bakery-owner';
const MARKETING = 'demo-contact-bakery-marketing';

/** Anything naming version 2: a decision on it, a newer version numbered 2, its caption. */
const SAYS_VERSION_2 = /"(number|versionNumber|latestVersion)":2\b/;

/**
 * A client's link learns nothing of versions its contact was never sent (#17): neither the
 * decisions (and messages) other contacts made on them, nor that one exists under a number.
 * Until a newer version is sent to this contact, the link says only that this one was
 * replaced and the agency will send the new one.
 */
describe.each(DRIVERS)('a link and the versions its contact was never sent (%s)', (driver) => {
  let app: TestApp;
  let cs: string;
  const open = async (token: string) => {
    const result = await loadApprovalPage(app.db, policy, { token, ip: null }, app.deps.clock());
    if (result.refusal) throw new Error(`link refused: ${result.refusal.problem}`);
    return result;
  };
  const later = () => app.setNow(new Date(app.deps.clock().getTime() + HOUR));
  const send = async (pieceId: string, ...contactIds: string[]) => {
    later();
    const response = await app.request(
      `/api/pieces/${pieceId}/send`,
      postJson({ contactIds, rule: 'any' }, { cookie: cs }),
    );
    expect(response.status).toBe(200);
    return app.deps.clock();
  };
  const upload = async (pieceId: string, text: string, cookie = cs) => {
    const response = await app.request(`/api/pieces/${pieceId}/versions`, {
      ...versionForm(PNG, { text }),
      headers: { ...SAME_ORIGIN, cookie },
    });
    expect(response.status).toBe(200);
  };
  const askChanges = async (token: string, message: string) =>
    expect(
      (await asClient(app, token, '/decision', { decision: 'changes_requested', message })).status,
    ).toBe(200);

  /**
   * A split send of an e-mail piece (no internal step): version 1 to Rita and João, version 2
   * to João only (he asks for changes on it), version 3 to both.
   */
  describe('a split send', () => {
    const ON_VERSION_2 = 'Só o João viu: troquem a foto da versão dois';
    const CAPTION_2 = 'Legenda que só o João recebeu';
    let pieceId: string;
    let ritaV1: string;
    let ritaV3: string;
    let joaoV3: string;
    let sentV3: Date;

    beforeAll(async () => {
      ({ app, cs } = await openApprovalsApp(driver));
      const create = async (path: string, body: object) =>
        (await readJson(await app.request(path, postJson(body, { cookie: cs })))).id as string;
      const projectId = await create('/api/pieces/projects', {
        clientId: 'demo-client-bakery',
        name: 'Newsletter',
      });
      pieceId = await create('/api/pieces', {
        projectId,
        title: 'Newsletter de maio',
        kind: 'email',
      });
      await upload(pieceId, 'Versão um');
      await send(pieceId, OWNER, MARKETING);
      ritaV1 = await approvalToken(app, RITA);
      await askChanges(await approvalToken(app, JOAO), 'Mais contraste na versão um');
      await upload(pieceId, CAPTION_2);
      await send(pieceId, MARKETING);
      await askChanges(await approvalToken(app, JOAO), ON_VERSION_2);
    });
    afterAll(() => app.close());

    it('tells Rita on version 1 that it was replaced, without the number of a version she was not sent', async () => {
      const result = await open(ritaV1);
      expect(result.approval.newerVersion).toEqual({ number: null, sentToYouAt: null });
      expect(result.approval.earlierDecisions).toEqual([]);
      const data = JSON.stringify(result);
      expect(data).not.toMatch(SAYS_VERSION_2);
      expect(data).not.toContain(ON_VERSION_2);
      expect(data).not.toContain(CAPTION_2);
    });

    it('shows Rita on version 3 the decisions on version 1 only — nothing of version 2 — in one round trip', async () => {
      await upload(pieceId, 'Versão três');
      sentV3 = await send(pieceId, OWNER, MARKETING);
      ritaV3 = await approvalToken(app, RITA);
      joaoV3 = await approvalToken(app, JOAO);
      const { result, roundTrips } = await countRoundTrips(app, () => open(ritaV3));
      expect(roundTrips).toBe(driver === 'libsql' ? 1 : null);
      expect(
        result.approval.earlierDecisions.map((d) => [d.versionNumber, d.contactName, d.message]),
      ).toEqual([[1, 'João Lima', 'Mais contraste na versão um']]);
      expect(result.comparison?.previous.number).toBe(1);
      const data = JSON.stringify(result);
      expect(data).not.toMatch(SAYS_VERSION_2);
      expect(data).not.toContain(ON_VERSION_2);
      expect(data).not.toContain(CAPTION_2);
    });

    it('shows João, who was sent version 2, his decision on it', async () => {
      const result = await open(joaoV3);
      expect(result.approval.earlierDecisions.map((d) => [d.versionNumber, d.message])).toEqual([
        [2, ON_VERSION_2],
        [1, 'Mais contraste na versão um'],
      ]);
    });

    it('tells Rita on version 1, once version 3 is sent to her, which version and when', async () => {
      expect((await open(ritaV1)).approval.newerVersion).toEqual({
        number: 3,
        sentToYouAt: sentV3,
      });
    });
  });

  /**
   * A social post: version 1 approved inside the agency and sent to Rita and João; Rita asks
   * for changes; version 2 is held for the internal review and refused there; version 3 is
   * approved inside and sent to Rita only.
   */
  describe('a version held inside the agency', () => {
    const REFUSAL = 'Recusada por dentro: fonte errada';
    const CAPTION_2 = 'Legenda da versão recusada';
    let pieceId: string;
    let rita: string;
    let joao: string;
    let sentV3: Date;

    beforeAll(async () => {
      let design: string;
      ({ app, cs, design, pieceId, rita, joao } = await openSentPiece(driver));
      await askChanges(rita, 'Pão maior, por favor');
      later();
      await upload(pieceId, CAPTION_2, design);
      const head = await sessionOf(app, HEAD_OF_DESIGN);
      const refused = await decideInternally(app, head, pieceId, {
        version: 2,
        decision: 'changes_requested',
        message: REFUSAL,
      });
      expect(refused.status).toBe(200);
    });
    afterAll(() => app.close());

    it('tells both contacts that version 1 was replaced, and nothing of version 2', async () => {
      for (const token of [rita, joao]) {
        const result = await open(token);
        expect(result.approval.newerVersion).toEqual({ number: null, sentToYouAt: null });
        const data = JSON.stringify(result);
        expect(data).not.toMatch(SAYS_VERSION_2);
        expect(data).not.toContain(REFUSAL);
        expect(data).not.toContain(CAPTION_2);
      }
    });

    it('names version 3 to Rita once it is sent to her; João, not sent it, still learns no number', async () => {
      await upload(pieceId, 'Versão três');
      await approveInternally(app, pieceId, 3);
      sentV3 = await send(pieceId, OWNER);
      expect((await open(rita)).approval.newerVersion).toEqual({ number: 3, sentToYouAt: sentV3 });
      const joaos = await open(joao);
      expect(joaos.approval.newerVersion).toEqual({ number: null, sentToYouAt: null });
      expect(JSON.stringify(joaos)).not.toMatch(/"(number|versionNumber)":3\b/);
    });

    it('shows Rita on version 3 version 1’s decisions and comparison, nothing of version 2', async () => {
      const result = await open(await approvalToken(app, RITA));
      expect(result.approval.version.number).toBe(3);
      expect(result.comparison?.previous.number).toBe(1);
      expect(result.approval.earlierDecisions.map((d) => [d.versionNumber, d.message])).toEqual([
        [1, 'Pão maior, por favor'],
      ]);
      const data = JSON.stringify(result);
      expect(data).not.toMatch(SAYS_VERSION_2);
      expect(data).not.toContain(REFUSAL);
      expect(data).not.toContain(CAPTION_2);
    });
  });
});
