import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { policyValueAt } from '../../../src/components/handbook/handbook-context.ts';
import { policy } from '../../../src/policy/index.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const PAGES = [
  'src/content/docs/roles/cs.mdx',
  'src/content/docs/en/roles/cs.mdx',
  'src/content/docs/roles/paid-traffic.mdx',
  'src/content/docs/en/roles/paid-traffic.mdx',
];
const pathsIn = (text: string) =>
  [...text.matchAll(/<PolicyValue path="([^"]+)"/g)].map((match) => match[1] ?? '');

// The CS and paid-traffic pages describe the client timeline with the policy's own numbers:
// every number they name is read from the policy when the page is built, never typed.
describe('the role pages on the client timeline', () => {
  it.each(PAGES)(
    '%s names the monthly report deadline from the policy, and every value exists',
    (page) => {
      const text = readFileSync(resolve(ROOT, page), 'utf8');
      const paths = pathsIn(text);
      expect(paths).toContain('timeline.monthlyReport.dueOnBusinessDay');
      for (const path of paths) expect(() => policyValueAt(policy, path)).not.toThrow();
    },
  );

  it.each(PAGES.slice(0, 2))(
    '%s gives the reminder day and the acknowledgement reminder',
    (page) => {
      const paths = pathsIn(readFileSync(resolve(ROOT, page), 'utf8'));
      expect(paths).toEqual(
        expect.arrayContaining([
          'timeline.monthlyReport.remindOnBusinessDay',
          'timeline.acknowledgement.reminderAfterDays',
          'businessHours.closesAt',
        ]),
      );
    },
  );
});
