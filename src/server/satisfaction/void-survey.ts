import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { satisfactionSurveys } from '../../../db/schema/index.ts';
import { type Locale, localeOf } from '../../i18n/index.ts';
import type { Policy } from '../../policy/index.ts';
import { recordEventWhen } from '../audit/record-event.ts';
import { countLinkFailure } from '../rate-limits/link-failures.ts';
import { findSurveyByToken } from './survey-lookup.ts';

/**
 * The hidden link of the survey e-mail was followed: only a link scanner does that (people
 * never see it), so the survey is voided and can no longer be answered, by anyone. An answered
 * survey stays answered. Returns the contact's language for the page, or null for no survey.
 */
export async function voidSurveyByScanner(
  db: Database,
  rules: Pick<Policy, 'rateLimits'>,
  token: string,
  ip: string | null,
  now: Date,
): Promise<{ locale: Locale } | null> {
  const survey = await findSurveyByToken(db, token);
  if (!survey) {
    // Not ours: counted against the address like any client link that did not open.
    await countLinkFailure(db, rules, ip, now);
    return null;
  }
  const open = and(
    eq(satisfactionSurveys.id, survey.id),
    isNull(satisfactionSurveys.answeredAt),
    isNull(satisfactionSurveys.voidedAt),
  );
  await db.batch([
    recordEventWhen(
      db,
      {
        actorId: null,
        action: 'satisfaction_voided',
        subjectType: 'satisfaction_survey',
        subjectId: survey.id,
        ip,
        data: { clientId: survey.clientId },
      },
      now,
      sql`exists (select 1 from ${satisfactionSurveys} where ${open})`,
    ),
    db.update(satisfactionSurveys).set({ voidedAt: now }).where(open),
  ]);
  return { locale: localeOf(survey.contactLocale) };
}
