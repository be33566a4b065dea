import type { Policy } from '../../policy/index.ts';

export type SatisfactionPolicy = Pick<Policy, 'satisfaction'>;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whether a contact last asked at `lastAskedAt` (null: never) may be asked again now: at most
 * once in policy.satisfaction.minDaysBetweenAsks days. Exactly that many days later, yes.
 */
export function mayAskAgain(lastAskedAt: Date | null, now: Date, rules: SatisfactionPolicy) {
  if (!lastAskedAt) return true;
  return now.getTime() - lastAskedAt.getTime() >= rules.satisfaction.minDaysBetweenAsks * DAY_MS;
}

/** The earliest ask that still throttles a new one now (asked at or after it: not again yet). */
export function throttleSince(now: Date, rules: SatisfactionPolicy): Date {
  return new Date(now.getTime() - rules.satisfaction.minDaysBetweenAsks * DAY_MS + 1);
}

/** When a survey created now stops taking an answer. */
export function surveyExpiresAt(createdAt: Date, rules: SatisfactionPolicy): Date {
  return new Date(createdAt.getTime() + rules.satisfaction.linkDays * DAY_MS);
}

/** The oldest delivery the job still asks about (older ones it missed are not asked late). */
export function triggerSince(now: Date, rules: SatisfactionPolicy): Date {
  return new Date(now.getTime() - rules.satisfaction.triggerLookbackDays * DAY_MS);
}

/** The scores a contact may give. */
export const SCORES = [1, 2, 3, 4, 5] as const;

/** A score from a form or an address: a whole number 1 to 5, else null. */
export function parseScore(value: unknown): number | null {
  if (typeof value !== 'string' || !/^[1-5]$/.test(value.trim())) return null;
  return Number(value.trim());
}

/** A score that opens a task for the client's CS at once. */
export function isLowScore(score: number, rules: SatisfactionPolicy): boolean {
  return score <= rules.satisfaction.lowScoreAtMost;
}

/**
 * Whether the page was open long enough before its POST: a person reads and clicks, a
 * scanner posts at once. Exactly the policy's seconds is enough; a stamp from the future is not.
 */
export function stayedLongEnough(issuedAt: Date, now: Date, rules: SatisfactionPolicy): boolean {
  const waited = now.getTime() - issuedAt.getTime();
  return waited >= rules.satisfaction.minSecondsOnPage * 1000;
}

export type SurveyState = 'open' | 'answered' | 'voided' | 'expired';

/** Where a survey stands now: answered and voided stay so; an open one expires at its time. */
export function surveyState(
  survey: { answeredAt: Date | null; voidedAt: Date | null; expiresAt: Date },
  now: Date,
): SurveyState {
  if (survey.answeredAt) return 'answered';
  if (survey.voidedAt) return 'voided';
  return now.getTime() >= survey.expiresAt.getTime() ? 'expired' : 'open';
}
