import { eq } from 'drizzle-orm';
import {
  events,
  outbox,
  type SurveyTrigger,
  satisfactionSurveys,
  taskRequests,
} from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { generateSecretToken, hashToken } from '../../src/server/auth/tokens.ts';
import { surveyExpiresAt } from '../../src/server/satisfaction/survey-rules.ts';
import { stampIssuedAt } from '../../src/server/satisfaction/survey-stamp.ts';
import { postJson } from './sign-in.ts';
import type { TestApp } from './test-app.ts';

/** A survey as the job leaves it (e-mail aside), inserted directly; returns its id and token. */
export async function insertSurvey(
  app: Pick<TestApp, 'db' | 'deps'>,
  survey: {
    contactId?: string;
    clientId?: string;
    trigger?: SurveyTrigger;
    subjectId?: string;
    createdAt?: Date;
  } = {},
) {
  const id = crypto.randomUUID();
  const token = generateSecretToken();
  const createdAt = survey.createdAt ?? app.deps.clock();
  await app.db.insert(satisfactionSurveys).values({
    id,
    clientId: survey.clientId ?? 'demo-client-bakery',
    contactId: survey.contactId ?? 'demo-contact-bakery-owner',
    trigger: survey.trigger ?? 'check_in',
    subjectId: survey.subjectId ?? crypto.randomUUID(),
    tokenHash: hashToken(token),
    createdAt,
    expiresAt: surveyExpiresAt(createdAt, policy),
  });
  return { id, token };
}

/** The page's signed time, as a page drawn `msAgo` before the test clock would carry it. */
export function stampFor(app: Pick<TestApp, 'deps'>, surveyId: string, msAgo = 60_000) {
  const issued = new Date(app.deps.clock().getTime() - msAgo);
  return stampIssuedAt(surveyId, issued, app.deps.formSecret);
}

/** The contact's POST from the survey page (JSON, as a script of the page would send it). */
export function answer(
  app: Pick<TestApp, 'request'>,
  token: string,
  body: { score?: string; comment?: string; stamp?: string },
  headers: Record<string, string> = {},
) {
  return app.request(`/api/satisfaction/${token}`, postJson(body, { headers }));
}

/** Everything an answer may write, to prove that a refused one wrote nothing. */
export async function answerTrace(app: Pick<TestApp, 'db'>, surveyId: string) {
  const [survey] = await app.db
    .select()
    .from(satisfactionSurveys)
    .where(eq(satisfactionSurveys.id, surveyId));
  return {
    survey,
    events: (await app.db.select().from(events).where(eq(events.subjectId, surveyId))).length,
    tasks: (await app.db.select().from(taskRequests)).length,
    mails: (await app.db.select().from(outbox)).length,
  };
}
