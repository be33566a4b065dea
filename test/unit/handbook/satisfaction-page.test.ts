import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { policyValueAt } from '../../../src/components/handbook/handbook-context.ts';
import { policy } from '../../../src/policy/index.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const PAGES = [
  'src/content/docs/policies/satisfaction-and-refunds.mdx',
  'src/content/docs/en/policies/satisfaction-and-refunds.mdx',
];
const pathsIn = (text: string) =>
  [...text.matchAll(/<PolicyValue path="([^"]+)"/g)].map((match) => match[1] ?? '');

// The satisfaction and refunds page names the policy's numbers, read when the page is built.
describe('the satisfaction and refunds page', () => {
  it.each(PAGES)('%s reads every number it names from the policy', (page) => {
    const text = readFileSync(resolve(ROOT, page), 'utf8');
    const paths = pathsIn(text);
    expect(paths).toEqual(
      expect.arrayContaining([
        'satisfaction.minDaysBetweenAsks',
        'satisfaction.linkDays',
        'satisfaction.minSecondsOnPage',
        'satisfaction.lowScoreAtMost',
        'refunds.earlyWithinDays',
      ]),
    );
    for (const path of paths) expect(() => policyValueAt(policy, path)).not.toThrow();
    // No number of the policy typed by hand beside them.
    expect(text).not.toMatch(/\b(14|10) (dias|days)\b/);
  });
});
