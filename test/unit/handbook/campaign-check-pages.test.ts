import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { policyValueAt } from '../../../src/components/handbook/handbook-context.ts';
import { policy } from '../../../src/policy/index.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const pathsIn = (page: string) =>
  [...readFileSync(resolve(ROOT, page), 'utf8').matchAll(/<PolicyValue path="([^"]+)"/g)].map(
    (match) => match[1] ?? '',
  );

// The daily check's numbers are the policy's, read when the handbook is built, never typed.
describe('the handbook on the daily cost check', () => {
  it.each([
    'src/content/docs/roles/paid-traffic.mdx',
    'src/content/docs/en/roles/paid-traffic.mdx',
  ])('%s gives the due time, the reminder, what "running" means and the charts’ days', (page) => {
    const paths = pathsIn(page);
    expect(paths).toEqual(
      expect.arrayContaining([
        'businessHours.dailyAnalyticsBy',
        'campaignChecks.reminderAt',
        'campaignChecks.runningIfSpentWithinDays',
        'campaignChecks.chartDays',
        'newClientDeadlines.checkInDaysAfterLaunch',
      ]),
    );
    for (const path of paths) expect(() => policyValueAt(policy, path)).not.toThrow();
  });

  it.each([
    'src/content/docs/clients/cost-norms.mdx',
    'src/content/docs/en/clients/cost-norms.mdx',
  ])('%s names the check’s due time and reminder from the policy', (page) => {
    const paths = pathsIn(page);
    expect(paths).toEqual(
      expect.arrayContaining(['businessHours.dailyAnalyticsBy', 'campaignChecks.reminderAt']),
    );
    for (const path of paths) expect(() => policyValueAt(policy, path)).not.toThrow();
  });
});
