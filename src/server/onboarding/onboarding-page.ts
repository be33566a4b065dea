import type { Database } from '../../../db/client.ts';
import type { Policy } from '../../policy/index.ts';
import { refuseClientLink } from '../rate-limits/link-failures.ts';
import { completedSections, sectionStatuses } from './answer-rules.ts';
import { checkAnswersOf } from './check-answers.ts';
import { countFiles } from './onboarding-answers.ts';
import { type OpenOnboarding, openOnboardingByToken } from './onboarding-links.ts';
import { sectionsToFix } from './submit-onboarding.ts';

type Link = { token: string; ip: string | null };

/**
 * Opens a link's questionnaire for its pages. Showing a page records nothing (mail scanners
 * fetch it too); a link that does not open counts against the visitor's address, as in the API.
 */
async function openForPage(db: Database, rules: Pick<Policy, 'rateLimits'>, link: Link, now: Date) {
  const opened = await openOnboardingByToken(db, link.token, now);
  if (opened.ok) return { refusal: null, onboarding: opened.onboarding } as const;
  return { refusal: await refuseClientLink(db, rules, link.ip, opened.error, now) } as const;
}

/** The sections a contact has finished (answered or saved), in the questionnaire's order. */
function doneSections(onboarding: OpenOnboarding) {
  return completedSections(
    onboarding.questionnaire,
    onboarding.answers,
    countFiles(onboarding),
    onboarding.savedSections,
  );
}

/**
 * A link's front page: the refusal, the section an open questionnaire resumes at (the first
 * not done, else the review), or a submitted questionnaire for the thanks. One round trip
 * when the link opens.
 */
export async function loadOnboardingPage(
  db: Database,
  rules: Pick<Policy, 'rateLimits'>,
  link: Link,
  now: Date,
) {
  const opened = await openForPage(db, rules, link, now);
  if (opened.refusal) return opened;
  const { onboarding } = opened;
  if (onboarding.status !== 'open') return { refusal: null, onboarding, resumeAt: null } as const;
  const done = doneSections(onboarding);
  const next = onboarding.questionnaire.sections.find((s) => !done.includes(s.id));
  return { refusal: null, onboarding, resumeAt: next?.id ?? 'review' } as const;
}

/**
 * One section of a link's questionnaire, or its review: the refusal; that it was submitted
 * (the page then goes to the thanks); or the section with what is done, each section's
 * status for the task list and, on the review, every answer to check and the sections still
 * to fix. `section` is undefined for an unknown section (a 404).
 */
export async function loadOnboardingSectionPage(
  db: Database,
  rules: Pick<Policy, 'rateLimits'>,
  link: Link & { section: string },
  now: Date,
) {
  const opened = await openForPage(db, rules, link, now);
  if (opened.refusal) return opened;
  const { onboarding } = opened;
  if (onboarding.status === 'submitted') return { refusal: null, submitted: true } as const;
  const { sections } = onboarding.questionnaire;
  const section = sections.find((s) => s.id === link.section);
  const isReview = link.section === 'review';
  const locale = onboarding.contact.locale;
  return {
    refusal: null,
    submitted: false,
    onboarding,
    section,
    index: section ? sections.indexOf(section) : -1,
    isReview,
    found: Boolean(section) || isReview,
    done: doneSections(onboarding),
    statuses: sectionStatuses(
      onboarding.questionnaire,
      onboarding.answers,
      countFiles(onboarding),
      onboarding.savedSections,
    ),
    toFix: isReview ? sectionsToFix(onboarding) : [],
    checkAnswers: isReview ? checkAnswersOf(onboarding, link.token, locale) : [],
  } as const;
}
