import { describe, expect, it } from 'vitest';
import {
  hasServiceEnded,
  mayEnterSpace,
} from '../../../src/server/client-space/contact-access-rules.ts';
import {
  decideSpaceAccess,
  spaceAccessFor,
} from '../../../src/server/client-space/space-access.ts';

const ZONE = 'America/Sao_Paulo';

describe('who reaches a path of the client space', () => {
  it('keeps sign-in public, the choice and sign-out for any space session, the rest for a contact', () => {
    expect(spaceAccessFor('/space/sign-in')).toBe('public');
    expect(spaceAccessFor('/space/sign-in/confirm')).toBe('public');
    expect(spaceAccessFor('/api/space/auth/sign-in')).toBe('public');
    expect(spaceAccessFor('/api/space/auth/confirm')).toBe('public');
    expect(spaceAccessFor('/space/choose')).toBe('session');
    expect(spaceAccessFor('/api/space/auth/choose')).toBe('session');
    expect(spaceAccessFor('/api/space/auth/sign-out-everywhere')).toBe('session');
    expect(spaceAccessFor('/space')).toBe('contact');
    expect(spaceAccessFor('/space/requests/1')).toBe('contact');
    expect(spaceAccessFor('/api/space/pieces/1')).toBe('contact');
  });

  it('leaves every other path to the partner table, whole segments only', () => {
    expect(spaceAccessFor('/spaces')).toBeNull();
    expect(spaceAccessFor('/api/spaceship')).toBeNull();
    expect(spaceAccessFor('/sign-in')).toBeNull();
    expect(spaceAccessFor('/space/sign-in-twice')).toBe('contact');
  });

  it('sends the signed-out to sign in and an unchosen session to the choice', () => {
    const chosen = { contact: { contactId: 'c' } };
    const unchosen = { contact: null };
    expect(decideSpaceAccess('public', null)).toBe('allow');
    expect(decideSpaceAccess('session', null)).toBe('sign_in');
    expect(decideSpaceAccess('contact', null)).toBe('sign_in');
    expect(decideSpaceAccess('session', unchosen)).toBe('allow');
    expect(decideSpaceAccess('contact', unchosen)).toBe('choose');
    expect(decideSpaceAccess('contact', chosen)).toBe('allow');
  });
});

describe("a client's service and the space", () => {
  it('counts the last day as served, in agency time, and the next day as ended', () => {
    // 2026-03-11 00:00 in São Paulo is 03:00 UTC.
    expect(hasServiceEnded('2026-03-10', new Date('2026-03-11T02:59:59.999Z'), ZONE)).toBe(false);
    expect(hasServiceEnded('2026-03-10', new Date('2026-03-11T03:00:00.000Z'), ZONE)).toBe(true);
    expect(hasServiceEnded(null, new Date('2099-01-01T00:00:00.000Z'), ZONE)).toBe(false);
  });

  it('lets in only a contact with access on and a client still served', () => {
    const now = new Date('2026-03-11T12:00:00.000Z');
    expect(mayEnterSpace({ mayUseSpace: true, serviceEndsOn: null }, now, ZONE)).toBe(true);
    expect(mayEnterSpace({ mayUseSpace: false, serviceEndsOn: null }, now, ZONE)).toBe(false);
    expect(mayEnterSpace({ mayUseSpace: true, serviceEndsOn: '2026-03-11' }, now, ZONE)).toBe(true);
    expect(mayEnterSpace({ mayUseSpace: true, serviceEndsOn: '2026-03-10' }, now, ZONE)).toBe(
      false,
    );
  });
});
