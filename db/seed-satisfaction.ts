import { policy } from '../src/policy/index.ts';
import { hashToken } from '../src/server/auth/tokens.ts';
import type { Database } from './client.ts';
import { satisfactionSurveys } from './schema/index.ts';

const DAY = 86_400_000;

/**
 * The demo's satisfaction answers (#21), for the scorecard to read: Marina answered the
 * clinic's 7-day check-in with a 4 ten days ago. Idempotent; its link is spent, so its token
 * (a fixed text, never e-mailed) opens nothing.
 */
export async function seedDemoSatisfaction(db: Database, now: Date): Promise<void> {
  const askedAt = new Date(now.getTime() - 10 * DAY);
  await db
    .insert(satisfactionSurveys)
    .values({
      id: 'demo-survey-clinic-check-in',
      clientId: 'demo-client-clinic',
      contactId: 'demo-contact-clinic-director',
      trigger: 'check_in',
      subjectId: 'demo-client-clinic',
      tokenHash: hashToken('demo-survey-clinic-check-in'),
      createdAt: askedAt,
      expiresAt: new Date(askedAt.getTime() + policy.satisfaction.linkDays * DAY),
      answeredAt: new Date(askedAt.getTime() + DAY),
      score: 4,
      comment: 'Equipe atenciosa; o primeiro relatório podia ter vindo antes.',
    })
    .onConflictDoNothing();
}
