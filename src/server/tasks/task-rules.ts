import {
  addDaysToIsoDate,
  isoDateInZone,
  mayRequestTask,
  PARTNER_ROLES,
  type PartnerRole,
  type Policy,
} from '../../policy/index.ts';

export type TaskRuleProblem =
  | { error: 'routing'; from: PartnerRole; to: PartnerRole }
  | { error: 'lead_time'; earliest: string };

/**
 * Whether a request may be opened: the routing matrix must allow the requester's role to
 * ask the assignee's, and the due date must leave the policy's minimum lead time (counted
 * in calendar days from today in the agency's time zone). Null when it may.
 */
export function checkTaskRequest(
  request: { from: PartnerRole; to: PartnerRole; dueOn: string },
  rules: Pick<Policy, 'taskRouting'> & { agency: Pick<Policy['agency'], 'timeZone'> },
  now: Date,
): TaskRuleProblem | null {
  if (!mayRequestTask(rules, request.from, request.to)) {
    return { error: 'routing', from: request.from, to: request.to };
  }
  const earliest = addDaysToIsoDate(
    isoDateInZone(now, rules.agency.timeZone),
    rules.taskRouting.minimumLeadTimeDays,
  );
  if (request.dueOn < earliest) return { error: 'lead_time', earliest };
  return null;
}

/** The role a person asks in, among theirs, for a given assignee role: the first the matrix allows. */
export function requestingRole(
  roles: readonly string[],
  to: PartnerRole,
  rules: Pick<Policy, 'taskRouting'>,
): PartnerRole | null {
  const partnerRoles = roles.filter(
    (role): role is PartnerRole => role in rules.taskRouting.mayRequestFrom,
  );
  return partnerRoles.find((role) => mayRequestTask(rules, role, to)) ?? partnerRoles[0] ?? null;
}

/**
 * The roles a person may ask, through any of their roles, in the policy's order: what the
 * task form offers (the API still checks each request). Empty for someone who may ask no one.
 */
export function askableRoles(
  roles: readonly string[],
  rules: Pick<Policy, 'taskRouting'>,
): PartnerRole[] {
  return PARTNER_ROLES.filter((to) => {
    const from = requestingRole(roles, to, rules);
    return from !== null && mayRequestTask(rules, from, to);
  });
}
