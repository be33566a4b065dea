import { type Policy, policySchema } from './schema.ts';

/** Validates policy data, failing with every problem named by its path, so an editor can fix it. */
export function parsePolicy(input: unknown): Policy {
  const result = policySchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `- ${issue.path.join('.') || '(root)'}: ${issue.message}`,
  );
  throw new Error(`The agency policy is invalid:\n${problems.join('\n')}`);
}
