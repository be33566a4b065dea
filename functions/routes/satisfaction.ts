import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { createTranslator, formatNumber, localeOf } from '../../src/i18n/index.ts';
import { policy } from '../../src/policy/index.ts';
import { answerSurvey } from '../../src/server/satisfaction/answer-survey.ts';
import { SATISFACTION_REFUSALS } from '../../src/server/satisfaction/satisfaction-refusals.ts';
import { surveyAnswerInput } from '../../src/server/satisfaction/survey-input.ts';
import { surveyPagePath } from '../../src/server/satisfaction/survey-mail.ts';
import type { ApiEnv } from '../http/api-env.ts';
import { clientIp, requestOrigin } from '../http/client-info.ts';
import { readInput } from '../http/read-input.ts';
import { done, refuseWith } from '../http/respond.ts';

/** Token in the path: the address must not travel on in a Referer, or sit in a cache. */
const tokenHeaders = createMiddleware<ApiEnv>(async (c, next) => {
  await next();
  c.header('Referrer-Policy', 'no-referrer');
  c.header('Cache-Control', 'no-store');
});

/**
 * A contact's answer to the satisfaction question, posted from its page (the e-mailed links
 * only open the page). No account: the single-use token in the path is the credential.
 */
export const satisfactionRoutes = new Hono<ApiEnv>()
  .use('/:token', tokenHeaders)
  .post('/:token', async (c) => {
    const input = await readInput(c, surveyAnswerInput);
    const { db, clock, formSecret } = c.get('deps');
    const token = c.req.param('token');
    const result = await answerSurvey(
      db,
      policy,
      { token, ...input },
      { formSecret, origin: requestOrigin(c), ip: clientIp(c) },
      clock(),
    );
    // Answered in the contact's language, whatever the browser says.
    if (result.locale) {
      c.set('locale', localeOf(result.locale));
      c.set('t', createTranslator(localeOf(result.locale)));
    }
    const page = surveyPagePath(token);
    if (!result.ok) {
      const max = formatNumber(policy.satisfaction.maxCommentChars, c.get('locale'));
      const minutes = result.retryAfterMinutes ?? 0;
      if (minutes) c.header('Retry-After', String(minutes * 60));
      return refuseWith(c, SATISFACTION_REFUSALS, result.error, {
        back: page,
        params: { max, minutes },
      });
    }
    return done(c, {
      location: page,
      body: { answered: true },
      notice: result.lowScoreTaskId ? 'satisfaction.thanksLow' : 'satisfaction.thanks',
    });
  });
