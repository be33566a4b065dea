import type { Policy } from '../../policy/index.ts';

const HOUR_MS = 3_600_000;

/** The deadlines a received questionnaire starts: the strategy, then the launch (policy hours). */
export function newClientDeadlinesFrom(
  questionnaireReceivedAt: Date,
  rules: Pick<Policy['newClientDeadlines'], 'strategyWithinHours' | 'launchWithinHours'>,
) {
  const from = questionnaireReceivedAt.getTime();
  return {
    strategyDueAt: new Date(from + rules.strategyWithinHours * HOUR_MS),
    launchDueAt: new Date(from + rules.launchWithinHours * HOUR_MS),
  };
}
