import { describe, expect, it } from 'vitest';
import { mayBeAsked, maySeeClient } from '../../../src/server/clients/team-rules.ts';

const bakery = {
  client: { csUserId: 'cs-1' },
  team: [
    { userId: 'paid-1', role: 'paid_traffic' as const },
    { userId: 'design-1', role: 'design' as const },
  ],
};

describe('who sees a client', () => {
  it('lets admins, its CS in charge and its team in, and no one else', () => {
    expect(maySeeClient({ id: 'x', roles: ['admin'] }, bakery)).toBe(true);
    expect(maySeeClient({ id: 'cs-1', roles: ['cs'] }, bakery)).toBe(true);
    expect(maySeeClient({ id: 'paid-1', roles: ['paid_traffic'] }, bakery)).toBe(true);
    expect(maySeeClient({ id: 'design-1', roles: ['design'] }, bakery)).toBe(true);
    expect(maySeeClient({ id: 'cs-2', roles: ['cs'] }, bakery)).toBe(false);
    expect(maySeeClient({ id: 'paid-2', roles: ['paid_traffic'] }, bakery)).toBe(false);
    expect(maySeeClient({ id: 'fin', roles: ['finance'] }, bakery)).toBe(false);
  });

  it('sees nothing of a client with no team but its CS', () => {
    const alone = { client: { csUserId: 'cs-1' }, team: [] };
    expect(maySeeClient({ id: 'paid-1', roles: ['paid_traffic'] }, alone)).toBe(false);
  });
});

describe('who a task about a client may go to', () => {
  it('sends a named person’s task only to someone on the team in that role', () => {
    expect(mayBeAsked(bakery, 'paid_traffic', 'paid-1')).toBe(true);
    expect(mayBeAsked(bakery, 'paid_traffic', 'paid-2')).toBe(false);
    // On the team, but in another role.
    expect(mayBeAsked(bakery, 'design', 'paid-1')).toBe(false);
  });

  it('sends a task to the whole role only when someone on the team holds it', () => {
    expect(mayBeAsked(bakery, 'design', null)).toBe(true);
    expect(mayBeAsked(bakery, 'organic_traffic', null)).toBe(false);
  });

  it('sends CS tasks to the CS in charge and no other CS', () => {
    expect(mayBeAsked(bakery, 'cs', null)).toBe(true);
    expect(mayBeAsked(bakery, 'cs', 'cs-1')).toBe(true);
    expect(mayBeAsked(bakery, 'cs', 'cs-2')).toBe(false);
  });
});
