import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { clientMilestones, onboardings } from '../../../db/schema/index.ts';
import { createTranslator, localeOf } from '../../i18n/index.ts';
import type { Policy } from '../../policy/index.ts';
import { recordEvent } from '../audit/record-event.ts';
import { stalePipelineDue } from '../deadlines/stored-deadline.ts';
import { composeMail } from '../mail/compose-mail.ts';
import { queueMail } from '../mail/outbox.ts';
import { checkSection } from './answer-rules.ts';
import { countFiles } from './onboarding-answers.ts';
import { markOnboardingOpened, type OpenOnboarding } from './onboarding-links.ts';

/** The pipeline milestone a submitted questionnaire records; the strategy and launch deadlines run from it. */
export const QUESTIONNAIRE_RECEIVED = 'questionnaire_received';

export type SubmitResult =
  | { ok: true }
  | { ok: false; error: 'submitted' | 'consent_required' }
  | { ok: false; error: 'incomplete'; sections: string[] };

/** The sections that still have something to fix, in order. */
export function sectionsToFix(onboarding: OpenOnboarding): string[] {
  const fileCounts = countFiles(onboarding);
  return onboarding.questionnaire.sections
    .filter(
      (section) => Object.keys(checkSection(section, onboarding.answers, fileCounts)).length > 0,
    )
    .map((section) => section.id);
}

/**
 * Submits the questionnaire, once: with the contact's consent to the privacy notice, it
 * becomes read-only, the client's pipeline records "questionnaire received", and the CS is
 * e-mailed — all in one batch. A second submit (double click, another contact) changes
 * nothing and sends nothing.
 */
export async function submitOnboarding(
  db: Database,
  onboarding: OpenOnboarding,
  submit: { consent: boolean; origin: string; ip: string | null },
  rules: Pick<Policy, 'onboarding'>,
  now: Date,
): Promise<SubmitResult> {
  if (onboarding.status !== 'open') return { ok: false, error: 'submitted' };
  const sections = sectionsToFix(onboarding);
  if (sections.length > 0) return { ok: false, error: 'incomplete', sections };
  if (!submit.consent) return { ok: false, error: 'consent_required' };
  const { client, contact } = onboarding;
  const locale = localeOf(client.csLocale);
  const t = createTranslator(locale);
  const mail = composeMail({
    lang: locale,
    subject: t('mail.onboardingSubmitted.subject', { client: client.name }),
    paragraphs: [
      t('mail.onboardingSubmitted.greeting', { name: client.csName }),
      t('mail.onboardingSubmitted.body', { contact: contact.name, client: client.name }),
    ],
    action: {
      label: t('mail.onboardingSubmitted.action'),
      url: `${submit.origin}/clients/${client.id}/onboarding`,
    },
    footer: t('mail.footer'),
  });
  const [updated] = await db.batch([
    db
      .update(onboardings)
      .set({
        status: 'submitted',
        submittedAt: now,
        submittedByContactId: contact.id,
        consentAt: now,
        consentByContactId: contact.id,
        consentNoticeVersion: rules.onboarding.privacyNoticeVersion,
      })
      .where(and(eq(onboardings.id, onboarding.onboardingId), eq(onboardings.status, 'open')))
      .returning({ id: onboardings.id }),
    // Both keyed so that a racing second submit adds no milestone and no second e-mail.
    db
      .insert(clientMilestones)
      .values({ clientId: client.id, kind: QUESTIONNAIRE_RECEIVED, occurredAt: now })
      .onConflictDoNothing(),
    // The stage starts the strategy and launch deadlines: the client's stored next deadline is
    // computed again (by its readers, then the refresh job).
    stalePipelineDue(db, client.id),
    queueMail(
      db,
      {
        idempotencyKey: `onboarding-submitted:${onboarding.onboardingId}`,
        to: client.csEmail,
        ...mail,
      },
      now,
    ),
    recordEvent(
      db,
      {
        actorId: null,
        action: 'onboarding_submitted',
        subjectType: 'client',
        subjectId: client.id,
        ip: submit.ip,
        data: {
          contactId: contact.id,
          consentNoticeVersion: rules.onboarding.privacyNoticeVersion,
        },
      },
      now,
    ),
    markOnboardingOpened(db, onboarding.linkId, now),
  ]);
  return updated.length > 0 ? { ok: true } : { ok: false, error: 'submitted' };
}
