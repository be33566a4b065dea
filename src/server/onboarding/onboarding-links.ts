import { and, eq, gt, isNull, type SQL, sql } from 'drizzle-orm';
import { aliased } from '../../../db/aliased.ts';
import type { Database } from '../../../db/client.ts';
import { prebuiltRead, prebuiltWrite } from '../../../db/prebuilt-read.ts';
import {
  clientContacts,
  clients,
  onboardingAnswers,
  onboardingFiles,
  onboardingLinks,
  onboardingSectionSaves,
  onboardings,
  users,
} from '../../../db/schema/index.ts';
import { type Locale, localeOf } from '../../i18n/index.ts';
import { onboardingQuestionnaire, type Questionnaire } from '../../questionnaires/index.ts';
import { hashToken, looksLikeToken } from '../auth/tokens.ts';
import { csMailColumns } from '../mail/mail-recipients.ts';
import type { Answers } from './answer-rules.ts';

// An onboarding link: opened by its token, marked opened by what the contact does, listed for CS.

export type LinkProblem = 'invalid' | 'revoked' | 'expired';

/** Everything a link's pages and endpoints need, read in one round trip. */
export type OpenOnboarding = {
  linkId: string;
  onboardingId: string;
  status: 'open' | 'submitted';
  submittedAt: Date | null;
  consentAt: Date | null;
  questionnaire: Questionnaire;
  contact: { id: string; name: string; locale: Locale };
  client: { id: string; name: string; csName: string; csEmail: string; csLocale: string };
  answers: Answers;
  savedSections: Set<string>;
  files: { id: string; questionId: string; name: string; size: number; contentType: string }[];
};

/**
 * The link with its onboarding, contact, client and CS: one row, by the link's hash. Printed
 * once (see prebuiltRead): every autosave of the contact's reads it first.
 */
const readLink = prebuiltRead((db) =>
  db
    .select({
      expiresAt: aliased(onboardingLinks.expiresAt, 'expires_at'),
      revokedAt: aliased(onboardingLinks.revokedAt, 'revoked_at'),
      onboardingId: aliased(onboardings.id, 'onboarding_id'),
      status: aliased(onboardings.status, 'status'),
      submittedAt: aliased(onboardings.submittedAt, 'submitted_at'),
      consentAt: aliased(onboardings.consentAt, 'consent_at'),
      version: aliased(onboardings.questionnaireVersion, 'version'),
      contactId: aliased(clientContacts.id, 'contact_id'),
      contactName: aliased(clientContacts.name, 'contact_name'),
      contactLocale: aliased(clientContacts.locale, 'contact_locale'),
      mayAnswer: aliased(clientContacts.mayAnswerQuestionnaires, 'may_answer'),
      clientId: aliased(clients.id, 'client_id'),
      clientName: aliased(clients.name, 'client_name'),
      ...csMailColumns,
    })
    .from(onboardingLinks)
    .innerJoin(onboardings, eq(onboardings.id, onboardingLinks.onboardingId))
    .innerJoin(clientContacts, eq(clientContacts.id, onboardingLinks.contactId))
    .innerJoin(clients, eq(clients.id, onboardings.clientId))
    .innerJoin(users, eq(users.id, clients.csUserId))
    .where(eq(onboardingLinks.id, sql.placeholder('linkId'))),
);

/**
 * Opens an onboarding by the token of a link, in one batch: the link with its contact,
 * client and CS; the answers, saved sections and files. Reads only. The answers are only
 * returned when the link is valid.
 */
export async function openOnboardingByToken(
  db: Database,
  token: string,
  now: Date,
  // Autosave needs only the link, not the answers so far. Opening never marks the link
  // opened: a mail scanner's fetch is not the contact (see markOnboardingOpened).
  options: { withContents?: boolean } = {},
): Promise<{ ok: true; onboarding: OpenOnboarding } | { ok: false; error: LinkProblem }> {
  if (!looksLikeToken(token)) return { ok: false, error: 'invalid' };
  const linkId = hashToken(token);
  const onboardingOfLink = sql`(select ${onboardingLinks.onboardingId} from ${onboardingLinks} where ${onboardingLinks.id} = ${linkId})`;
  const linkQuery = readLink(db, { linkId });
  const [links, answerRows, saveRows, fileRows] =
    options.withContents === false
      ? [(await db.batch([linkQuery]))[0], [], [], []]
      : await db.batch([
          linkQuery,
          db
            .select()
            .from(onboardingAnswers)
            .where(sql`${onboardingAnswers.onboardingId} = ${onboardingOfLink}`),
          db
            .select()
            .from(onboardingSectionSaves)
            .where(sql`${onboardingSectionSaves.onboardingId} = ${onboardingOfLink}`),
          db
            .select({
              id: onboardingFiles.id,
              questionId: onboardingFiles.questionId,
              name: onboardingFiles.name,
              size: onboardingFiles.size,
              contentType: onboardingFiles.contentType,
            })
            .from(onboardingFiles)
            .where(sql`${onboardingFiles.onboardingId} = ${onboardingOfLink}`)
            .orderBy(onboardingFiles.uploadedAt),
        ]);
  const link = links[0];
  if (!link) return { ok: false, error: 'invalid' };
  // A contact who may no longer answer has, in effect, a revoked link.
  if (link.revokedAt || !link.mayAnswer) return { ok: false, error: 'revoked' };
  if (link.expiresAt.getTime() <= now.getTime()) return { ok: false, error: 'expired' };
  const questionnaire = onboardingQuestionnaire(link.version);
  if (!questionnaire) return { ok: false, error: 'invalid' };
  return {
    ok: true,
    onboarding: {
      linkId,
      onboardingId: link.onboardingId,
      status: link.status,
      submittedAt: link.submittedAt,
      consentAt: link.consentAt,
      questionnaire,
      contact: {
        id: link.contactId,
        name: link.contactName,
        locale: localeOf(link.contactLocale),
      },
      client: {
        id: link.clientId,
        name: link.clientName,
        csName: link.csName,
        csEmail: link.csEmail,
        csLocale: link.csLocale,
      },
      answers: Object.fromEntries(answerRows.map((row) => [row.questionId, row.value])),
      savedSections: new Set(saveRows.map((row) => row.sectionId)),
      files: fileRows,
    },
  };
}

/**
 * Marks a link opened (first and last time), only from something the contact did: the POST
 * their page sends once it is shown, or a save. A GET never does, so a mail scanner fetching
 * the link does not show on the CS page as the contact having opened it. A write for a batch,
 * printed once (see prebuiltWrite): every autosave carries it.
 */
export function markOnboardingOpened(db: Database, linkId: string, now: Date) {
  return markOpened(db, { linkId, now });
}

// The call's instant as the timestamp columns store it (a bare placeholder would reach the
// driver as a Date, which D1 refuses).
const openedAt = sql`${sql.param(sql.placeholder('now'), onboardingLinks.lastOpenedAt)}`;

const markOpened = prebuiltWrite((db) =>
  db
    .update(onboardingLinks)
    .set({
      firstOpenedAt: sql`coalesce(${onboardingLinks.firstOpenedAt}, ${openedAt})`,
      lastOpenedAt: openedAt,
    })
    .where(
      and(
        eq(onboardingLinks.id, sql.placeholder('linkId')),
        isNull(onboardingLinks.revokedAt),
        gt(onboardingLinks.expiresAt, openedAt),
      ),
    ),
);

/**
 * The links of a client's contacts, for the CS page: sent, opened, revoked, expired. The
 * onboarding may be given as a subquery, so a page reads them in its one batch.
 */
export function listOnboardingLinks(db: Database, onboardingId: string | SQL) {
  return db
    .select({
      contactId: onboardingLinks.contactId,
      createdAt: onboardingLinks.createdAt,
      expiresAt: onboardingLinks.expiresAt,
      revokedAt: onboardingLinks.revokedAt,
      firstOpenedAt: onboardingLinks.firstOpenedAt,
      lastOpenedAt: onboardingLinks.lastOpenedAt,
    })
    .from(onboardingLinks)
    .where(eq(onboardingLinks.onboardingId, onboardingId))
    .orderBy(onboardingLinks.createdAt);
}
