import { describe, expect, it } from 'vitest';
import {
  changeKindOf,
  isValidPin,
  mayTalkToClient,
  mayWorkOnPiece,
} from '../../../src/server/approvals/approval-rules.ts';
import { contactMayAct } from '../../../src/server/approvals/contact-may-act.ts';
import { roundOutcome } from '../../../src/server/approvals/round-settlement.ts';

const piece = { clientCsId: 'cs-1', designerId: 'designer-1', designTeam: ['designer-3'] };

describe('who works on a piece', () => {
  it('lets admins, the client’s CS and the project’s designer in, and no one else', () => {
    expect(mayWorkOnPiece({ id: 'x', roles: ['admin'] }, piece)).toBe(true);
    expect(mayWorkOnPiece({ id: 'cs-1', roles: ['cs'] }, piece)).toBe(true);
    expect(mayWorkOnPiece({ id: 'cs-2', roles: ['cs'] }, piece)).toBe(false);
    expect(mayWorkOnPiece({ id: 'designer-1', roles: ['design'] }, piece)).toBe(true);
    expect(mayWorkOnPiece({ id: 'designer-2', roles: ['design'] }, piece)).toBe(false);
    // The designer's id under another role does not count.
    expect(mayWorkOnPiece({ id: 'designer-1', roles: ['paid_traffic'] }, piece)).toBe(false);
  });

  it('lets a designer on the client’s team in (as Design) on any of its projects', () => {
    expect(mayWorkOnPiece({ id: 'designer-3', roles: ['design'] }, piece)).toBe(true);
    expect(mayWorkOnPiece({ id: 'designer-3', roles: ['organic_traffic'] }, piece)).toBe(false);
    const unassigned = { ...piece, designerId: null, designTeam: [] };
    expect(mayWorkOnPiece({ id: 'designer-1', roles: ['design'] }, unassigned)).toBe(false);
  });

  it('keeps talking to the client to its CS and admins (the designer may not send)', () => {
    expect(mayTalkToClient({ id: 'cs-1', roles: ['cs'] }, piece)).toBe(true);
    expect(mayTalkToClient({ id: 'x', roles: ['admin'] }, piece)).toBe(true);
    expect(mayTalkToClient({ id: 'designer-1', roles: ['design'] }, piece)).toBe(false);
  });
});

describe('the outcome of a round', () => {
  const approved = (contactId: string) => ({ contactId, decision: 'approved' as const });
  const changes = (contactId: string) => ({ contactId, decision: 'changes_requested' as const });

  it('stays open until every recipient approves under "all"', () => {
    expect(roundOutcome('all', ['a', 'b'], [])).toBe('open');
    expect(roundOutcome('all', ['a', 'b'], [approved('a')])).toBe('open');
    expect(roundOutcome('all', ['a', 'b'], [approved('a'), approved('b')])).toBe('approved');
    // Nobody to ask is not an approval.
    expect(roundOutcome('all', [], [])).toBe('open');
  });

  it('is approved by the first approval under "any"', () => {
    expect(roundOutcome('any', ['a', 'b'], [approved('b')])).toBe('approved');
  });

  it('ends with changes as soon as anyone asks for them, under either rule', () => {
    expect(roundOutcome('any', ['a', 'b'], [approved('a'), changes('b')])).toBe(
      'changes_requested',
    );
    expect(roundOutcome('all', ['a', 'b'], [changes('a')])).toBe('changes_requested');
  });
});

describe('what a client may do and say', () => {
  it('acts only while the round is open and before deciding', () => {
    expect(contactMayAct('open', false)).toBe(true);
    expect(contactMayAct('open', true)).toBe(false);
    expect(contactMayAct('approved', false)).toBe(false);
    expect(contactMayAct('superseded', false)).toBe(false);
  });

  it('counts a change as text only when every client comment is on the text', () => {
    expect(changeKindOf(['text', 'text'])).toBe('targetingOrText');
    expect(changeKindOf(['text', 'image'])).toBe('post');
    expect(changeKindOf(['general'])).toBe('post');
    expect(changeKindOf([])).toBe('post');
  });

  it('takes a pin inside the image, both coordinates or neither', () => {
    expect(isValidPin(undefined, undefined)).toBe(true);
    expect(isValidPin(0, 1)).toBe(true);
    expect(isValidPin(1.0001, 0.5)).toBe(false);
    expect(isValidPin(-0.0001, 0.5)).toBe(false);
    expect(isValidPin(0.5, undefined)).toBe(false);
  });
});
