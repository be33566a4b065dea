import { and, desc, eq, like } from 'drizzle-orm';
import { createD1Database } from '../../db/client.ts';
import { openLocalBindings } from '../../db/local-bindings.ts';
import { outbox, sessions } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { sendForApproval } from '../../src/server/approvals/approval-rounds.ts';
import { SESSION_COOKIE } from '../../src/server/auth/session-cookie.ts';
import { issueSessionToken } from '../../src/server/auth/sessions.ts';
import { sendOnboarding } from '../../src/server/onboarding/send-onboarding.ts';
import { sendTimelineNotices } from '../../src/server/timeline/timeline-notices.ts';
import { insertDemoSurvey } from './demo-survey.ts';

const CS = { id: 'demo-cs', name: 'Carla Campos', ip: null };

/**
 * Straight into a local state (before the Worker serves it): the links a client would get
 * by e-mail — an approval link for the demo piece, an onboarding link for the clinic — and
 * signed-in sessions of the demo partners, for the scripts that measure the built Worker.
 */
export async function prepareDemoVisitors(state: string, now = new Date()) {
  const local = await openLocalBindings(state);
  try {
    const db = createD1Database(local.DB);
    const user = { id: CS.id, roles: ['cs' as const] };
    const origin = 'http://localhost';
    await sendForApproval(
      db,
      policy,
      {
        pieceId: 'demo-piece-launch',
        contactIds: ['demo-contact-bakery-owner'],
        actor: CS,
        user,
        origin,
      },
      now,
    );
    // The demo banner at version 2 (seedDemoComparison): its link shows what changed.
    await sendForApproval(
      db,
      policy,
      {
        pieceId: 'demo-piece-menu',
        contactIds: ['demo-contact-bakery-owner'],
        actor: CS,
        user,
        origin,
      },
      now,
    );
    await sendOnboarding(
      db,
      policy,
      {
        clientId: 'demo-client-clinic',
        contactIds: ['demo-contact-clinic-director'],
        actor: CS,
        user,
        origin,
      },
      now,
    );
    // The demo minutes asking Rita's acknowledgement (db/seed-timeline-acks.ts): their e-mail.
    await sendTimelineNotices(db, policy, now, origin);
    // Rita gets two links at once: each is found by its piece's title in the subject.
    const tokenIn = async (to: string, pattern: RegExp, subject = '') => {
      const [mail] = await db
        .select({ text: outbox.text })
        .from(outbox)
        .where(and(eq(outbox.toAddress, to), like(outbox.subject, `%${subject}%`)))
        .orderBy(desc(outbox.createdAt));
      return pattern.exec(mail?.text ?? '')?.[1] ?? '';
    };
    const signIn = async (userId: string) => {
      const session = issueSessionToken();
      await db
        .insert(sessions)
        .values({ id: session.id, userId, createdAt: now, lastVerifiedAt: now });
      return `${SESSION_COOKIE}=${session.token}`;
    };
    const partnerCookie = await signIn('demo-paid');
    return {
      approvalToken: await tokenIn(
        'rita@paoquente.example',
        /\/approval\/([a-z2-7]{32})/,
        'Post de lançamento',
      ),
      comparisonToken: await tokenIn(
        'rita@paoquente.example',
        /\/approval\/([a-z2-7]{32})/,
        'Banner do cardápio',
      ),
      onboardingToken: await tokenIn('marina@sorrisoleve.example', /\/onboarding\/([a-z2-7]{32})/),
      timelineAckToken: await tokenIn(
        'rita@paoquente.example',
        /\/timeline-ack\/([a-z2-7]{32})/,
        'Reunião de planejamento',
      ),
      partnerCookie,
      // Rita's satisfaction question (#21), its page opened as from the e-mail.
      surveyToken: await insertDemoSurvey(db, now),
      // A session per role, for the scripts that look at the partner area as each role sees it.
      roleCookies: {
        admin: await signIn('demo-admin'),
        finance: await signIn('demo-finance'),
        cs: await signIn('demo-cs'),
        design: await signIn('demo-design'),
        paid: partnerCookie,
      },
    };
  } finally {
    await local.dispose();
  }
}
