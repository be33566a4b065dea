import type { Database } from '../../../db/client.ts';
import { type Locale, localeOf } from '../../i18n/index.ts';
import type { Policy } from '../../policy/index.ts';
import { countLinkFailure } from '../rate-limits/link-failures.ts';
import { deliveryOf, findSurveyByToken } from './survey-lookup.ts';
import { parseScore, type SurveyState, surveyState } from './survey-rules.ts';
import { stampIssuedAt } from './survey-stamp.ts';

export type SurveyPage =
  | { state: 'unknown' }
  // Too many links that did not open from this address: wait, as for the other client links.
  | { state: 'rate_limited'; retryAfterMinutes: number }
  | {
      state: SurveyState;
      locale: Locale;
      contactName: string;
      clientName: string;
      delivery: ReturnType<typeof deliveryOf>;
      // The rating the e-mailed link chose (or the one given), preselected on the page.
      chosen: number | null;
      // The signed moment this page was drawn: its POST counts only some seconds later.
      stamp: string;
    };

/**
 * The survey page of a token. It only reads the survey: opening it (a person, a link scanner,
 * a prefetch) records nothing of it; the e-mailed rating comes preselected from `?score=`. A
 * token that is not ours counts against the visitor's address, like the other client links.
 */
export async function loadSurveyPage(
  db: Database,
  rules: Pick<Policy, 'rateLimits'>,
  input: { token: string; score: string | null; formSecret: string | undefined; ip: string | null },
  now: Date,
): Promise<SurveyPage> {
  const survey = await findSurveyByToken(db, input.token);
  if (!survey) {
    const verdict = await countLinkFailure(db, rules, input.ip, now);
    return verdict.allowed ? { state: 'unknown' } : { state: 'rate_limited', ...verdict };
  }
  const state = surveyState(survey, now);
  return {
    state,
    locale: localeOf(survey.contactLocale),
    contactName: survey.contactName,
    clientName: survey.clientName,
    delivery: deliveryOf(survey),
    chosen: state === 'answered' ? survey.score : parseScore(input.score),
    stamp: state === 'open' ? stampIssuedAt(survey.id, now, input.formSecret) : '',
  };
}
