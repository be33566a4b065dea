import type { Database } from '../../db/client.ts';
import { satisfactionSurveys } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { generateSecretToken, hashToken } from '../../src/server/auth/tokens.ts';
import { surveyExpiresAt } from '../../src/server/satisfaction/survey-rules.ts';

/** A satisfaction question for Rita about the bakery's first week, as the job e-mails it; its token. */
export async function insertDemoSurvey(db: Database, now: Date): Promise<string> {
  const token = generateSecretToken();
  await db.insert(satisfactionSurveys).values({
    id: crypto.randomUUID(),
    clientId: 'demo-client-bakery',
    contactId: 'demo-contact-bakery-owner',
    trigger: 'check_in',
    subjectId: `demo-client-bakery:${now.getTime()}`,
    tokenHash: hashToken(token),
    createdAt: now,
    expiresAt: surveyExpiresAt(now, policy),
  });
  return token;
}
