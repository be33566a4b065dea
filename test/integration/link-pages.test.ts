import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onboardings } from '../../db/schema/index.ts';
import { seedDemoPieces } from '../../db/seed-pieces.ts';
import { policy } from '../../src/policy/index.ts';
import { loadApprovalPage } from '../../src/server/approvals/approval-page.ts';
import { sendForApproval } from '../../src/server/approvals/approval-rounds.ts';
import {
  loadOnboardingPage,
  loadOnboardingSectionPage,
} from '../../src/server/onboarding/onboarding-page.ts';
import { sendOnboarding } from '../../src/server/onboarding/send-onboarding.ts';
import { latestMailMatch, seedPeople } from '../support/sign-in.ts';
import { countRoundTrips, createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const CS = { id: 'demo-cs', name: 'Carla Campos', ip: null };
const SENDER = { actor: CS, user: { id: CS.id, roles: ['cs' as const] }, origin: TEST_ORIGIN };
// Well formed (32 base32 letters) but issued to nobody.
const FORGED = 'a'.repeat(32);
const YEAR_LATER = 366 * 86_400_000;

describe.each(DRIVERS)('the client link pages’ data (%s)', (driver) => {
  let app: TestApp;
  let approvalToken: string;
  let onboardingToken: string;
  beforeAll(async () => {
    app = await createTestApp(driver);
    await seedPeople(app);
    const now = app.deps.clock();
    await seedDemoPieces(app.db, app.files, now);
    const contactIds = ['demo-contact-bakery-owner'];
    // Each token from the newest mail to Rita, so each right after its sending.
    const tokenIn = (pattern: RegExp) =>
      latestMailMatch(app, 'rita@paoquente.example', pattern).then((t) => t ?? '');
    const piece = { ...SENDER, pieceId: 'demo-piece-launch', contactIds };
    await sendForApproval(app.db, policy, piece, now);
    approvalToken = await tokenIn(/\/approval\/([a-z2-7]{32})/);
    const onboarding = { ...SENDER, clientId: 'demo-client-bakery', contactIds };
    await sendOnboarding(app.db, policy, onboarding, now);
    onboardingToken = await tokenIn(/\/onboarding\/([a-z2-7]{32})/);
    expect(approvalToken).not.toBe('');
    expect(onboardingToken).not.toBe('');
  });
  afterAll(() => app.close());
  const expectTrips = (roundTrips: number | null, libsql: number) =>
    expect(roundTrips).toBe(driver === 'libsql' ? libsql : null);

  describe('the approval page', () => {
    const load = (token: string, ip: string, later = 0) =>
      countRoundTrips(app, () =>
        loadApprovalPage(
          app.db,
          policy,
          { token, ip },
          new Date(app.deps.clock().getTime() + later),
        ),
      );

    it('gives an open link its piece in one round trip', async () => {
      const { result: page, roundTrips } = await load(approvalToken, '198.51.100.1');
      expectTrips(roundTrips, 1);
      if (page.refusal) throw new Error('refused');
      expect(page.approval.piece.id).toBe('demo-piece-launch');
      expect(page.approval.contact.name).toBeTruthy();
      expect(page.approvedCount).toBe(0);
    });

    it('refuses forged and expired links, counting each against the address', async () => {
      const forged = await load(FORGED, '198.51.100.2');
      expectTrips(forged.roundTrips, 2);
      expect(forged.result).toEqual({ refusal: { problem: 'invalid' } });
      const expired = await load(approvalToken, '198.51.100.2', YEAR_LATER);
      expect(expired.result).toEqual({ refusal: { problem: 'expired' } });
    });

    it('asks an address that failed too often to wait', async () => {
      const { max } = policy.rateLimits.clientLinkFailuresPerIp;
      for (let i = 0; i < max; i++) await load(FORGED, '198.51.100.3');
      const refusal = (await load(FORGED, '198.51.100.3')).result.refusal;
      expect(refusal?.problem).toBe('rate_limited');
    });
  });

  describe('the onboarding pages', () => {
    const link = (ip: string, token = onboardingToken) => ({ token, ip });
    const front = (ip: string, token?: string, later = 0) =>
      countRoundTrips(app, () =>
        loadOnboardingPage(
          app.db,
          policy,
          link(ip, token),
          new Date(app.deps.clock().getTime() + later),
        ),
      );
    const section = (name: string, ip: string, token?: string) =>
      countRoundTrips(app, () =>
        loadOnboardingSectionPage(
          app.db,
          policy,
          { ...link(ip, token), section: name },
          app.deps.clock(),
        ),
      );

    it('resumes an open questionnaire at its first section, in one round trip', async () => {
      const { result: page, roundTrips } = await front('198.51.100.4');
      expectTrips(roundTrips, 1);
      if (page.refusal) throw new Error('refused');
      expect(page.resumeAt).toBe(page.onboarding.questionnaire.sections[0]?.id);
    });

    it('gives a section, the review and an unknown section in one round trip each', async () => {
      const first = await section('nope', '198.51.100.4');
      if (first.result.refusal || first.result.submitted) throw new Error('not shown');
      expectTrips(first.roundTrips, 1);
      expect(first.result).toMatchObject({ found: false, isReview: false, index: -1 });
      const id = first.result.onboarding.questionnaire.sections[0]?.id ?? '';
      const opened = (await section(id, '198.51.100.4')).result;
      expect(opened).toMatchObject({ found: true, index: 0, done: [], toFix: [] });
      const review = (await section('review', '198.51.100.4')).result;
      if (review.refusal || review.submitted) throw new Error('not shown');
      expect(review).toMatchObject({ found: true, isReview: true, section: undefined });
      expect(review.toFix).toContain(id);
    });

    it('refuses forged and expired links', async () => {
      const forged = await front('198.51.100.5', FORGED);
      expectTrips(forged.roundTrips, 2);
      expect(forged.result).toEqual({ refusal: { problem: 'invalid' } });
      const expired = await front('198.51.100.5', onboardingToken, YEAR_LATER);
      expect(expired.result).toEqual({ refusal: { problem: 'expired' } });
      const forgedSection = (await section('review', '198.51.100.5', FORGED)).result;
      expect(forgedSection).toEqual({ refusal: { problem: 'invalid' } });
    });

    it('sends a submitted questionnaire’s sections to its thanks', async () => {
      await app.db
        .update(onboardings)
        .set({ status: 'submitted', submittedAt: app.deps.clock() })
        .where(eq(onboardings.clientId, 'demo-client-bakery'));
      const page = (await front('198.51.100.6')).result;
      expect(page).toMatchObject({ refusal: null, resumeAt: null });
      expect((await section('review', '198.51.100.6')).result).toEqual({
        refusal: null,
        submitted: true,
      });
    });
  });
});
