import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../src/policy/index.ts';
import { accessFor, decideAccess } from '../../../src/server/auth/access-rules.ts';

describe('accessFor', () => {
  it.each([
    ['/sign-in', 'public'],
    ['/sign-in/confirm', 'public'],
    ['/api/auth/sign-in', 'public'],
    ['/api/auth/confirm', 'public'],
    ['/api/health', 'public'],
    ['/api/auth/sign-out', 'signed_in'],
    ['/partner', 'signed_in'],
    ['/partner/profile', 'signed_in'],
    ['/admin/people', ['admin']],
    ['/api/people/123/roles', ['admin']],
    // Team partners read clients (each checked per client); only CS and admins register one.
    ['/clients', ['cs', 'paid_traffic', 'organic_traffic', 'design', 'admin']],
    ['/clients/abc/onboarding', ['cs', 'paid_traffic', 'organic_traffic', 'design', 'admin']],
    ['/api/clients/abc/team', ['cs', 'paid_traffic', 'organic_traffic', 'design', 'admin']],
    ['/clients/new', ['cs', 'admin']],
    // A partner's own scorecard: the policy's scorecard roles; every partner's: admins only.
    ['/scorecard', ['cs', 'paid_traffic', 'organic_traffic', 'design']],
    ['/admin/scorecard/demo-paid', ['admin']],
  ])('%s is %j', (path, access) => {
    expect(accessFor(path)).toEqual(access);
  });

  it('matches whole segments only: /sign-inside is not under /sign-in', () => {
    expect(accessFor('/sign-inside')).toBe('signed_in');
    expect(accessFor('/administrator')).toBe('signed_in');
  });

  it('closes any path nobody listed to visitors who are not signed in', () => {
    expect(accessFor('/something/new')).toBe('signed_in');
    expect(decideAccess(accessFor('/something/new'), null)).toBe('sign_in');
  });
});

describe('decideAccess', () => {
  it('lets anyone through a public path', () => {
    expect(decideAccess('public', null)).toBe('allow');
  });

  it('asks a visitor who is not signed in to sign in', () => {
    expect(decideAccess('signed_in', null)).toBe('sign_in');
    expect(decideAccess(['admin'], null)).toBe('sign_in');
  });

  it('lets any signed-in person through a signed-in path, even with no role', () => {
    expect(decideAccess('signed_in', [])).toBe('allow');
  });

  it.each(ROLES)('lets %s into admin pages only when it is admin', (role) => {
    expect(decideAccess(['admin'], [role])).toBe(role === 'admin' ? 'allow' : 'forbidden');
  });

  it('lets a person with several roles in when any role fits', () => {
    expect(decideAccess(['finance', 'admin'], ['cs', 'finance'])).toBe('allow');
  });
});
