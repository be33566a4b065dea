import { describe, expect, it } from 'vitest';
import { navigationFor } from '../../../src/server/pages/app-navigation.ts';

const keys = (items: ReturnType<typeof navigationFor>) => items.map((item) => item.key);
const current = (items: ReturnType<typeof navigationFor>) =>
  items.filter((item) => item.current).map((item) => item.key);

describe('navigationFor', () => {
  it('lists only the sections the access table lets each role open', () => {
    expect(keys(navigationFor(['finance'], '/partner'))).toEqual([
      'home',
      'invoices',
      'review',
      'tasks',
    ]);
    expect(keys(navigationFor(['cs'], '/partner'))).toEqual([
      'home',
      'invoices',
      'clients',
      'pieces',
      'tasks',
      'requests',
      'scorecard',
    ]);
    expect(keys(navigationFor(['admin'], '/partner'))).toContain('people');
    expect(keys(navigationFor(['admin'], '/partner'))).toContain('requests');
    expect(keys(navigationFor(['design'], '/partner'))).not.toContain('review');
    expect(keys(navigationFor(['design'], '/partner'))).not.toContain('requests');
  });

  it('offers a partner their own scorecard, and admins (not finance) the team’s', () => {
    for (const role of ['cs', 'paid_traffic', 'organic_traffic', 'design'] as const) {
      expect(keys(navigationFor([role], '/partner'))).toContain('scorecard');
      expect(keys(navigationFor([role], '/partner'))).not.toContain('teamScorecard');
    }
    expect(keys(navigationFor(['admin'], '/partner'))).toContain('teamScorecard');
    expect(keys(navigationFor(['admin'], '/partner'))).not.toContain('scorecard');
    expect(keys(navigationFor(['finance'], '/partner'))).not.toContain('teamScorecard');
    expect(current(navigationFor(['admin'], '/admin/scorecard/demo-paid'))).toEqual([
      'teamScorecard',
    ]);
    expect(current(navigationFor(['paid_traffic'], '/scorecard'))).toEqual(['scorecard']);
  });

  it('marks the longest section a page is under, and only that one', () => {
    const cs = (path: string) => current(navigationFor(['cs'], path));
    expect(cs('/partner')).toEqual(['home']);
    expect(cs('/partner/invoices')).toEqual(['invoices']);
    expect(cs('/clients/demo-client-bakery/onboarding')).toEqual(['clients']);
    expect(cs('/pieces/demo-piece-launch')).toEqual(['pieces']);
    expect(cs('/requests/some-request')).toEqual(['requests']);
  });

  it('marks nothing for a page outside the sections, or a look-alike prefix', () => {
    expect(current(navigationFor(['cs'], '/partner/profile'))).toEqual(['home']);
    expect(current(navigationFor(['cs'], '/clientsx'))).toEqual([]);
    expect(current(navigationFor(['cs'], '/sign-in'))).toEqual([]);
  });
});
