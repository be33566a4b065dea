import type { PartnerRole, Policy } from './schema.ts';

/** Whether a partner in one role may open a task for a partner in another (the routing matrix). */
export function mayRequestTask(
  policy: Pick<Policy, 'taskRouting'>,
  from: PartnerRole,
  to: PartnerRole,
): boolean {
  return policy.taskRouting.mayRequestFrom[from]?.includes(to) ?? false;
}
