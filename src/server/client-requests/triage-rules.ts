import { addBusinessHours, type Policy } from '../../policy/index.ts';

type TriageClock = Pick<Policy, 'businessHours' | 'holidays' | 'clientSpace'> & {
  agency: Pick<Policy['agency'], 'timeZone'>;
};

/**
 * When CS must have triaged a request sent at `submittedAt`: the policy's business hours
 * later, counting only the agency's open hours on business days (one business day by
 * default), so a request sent on Friday evening is due on Monday evening, not on Saturday.
 */
export function triageDueAt(submittedAt: Date, rules: TriageClock): Date {
  return addBusinessHours(submittedAt, rules.clientSpace.triage.businessHours, rules);
}
