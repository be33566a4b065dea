import { describe, expect, it } from 'vitest';
import { PIECE_STATUSES } from '../../db/schema/index.ts';
import {
  opensInSpace,
  SPACE_COLUMNS,
  spaceColumnOf,
  spaceViewOf,
} from '../../src/server/client-space/space-board-columns.ts';

describe('the client space board’s columns', () => {
  it('shows the agency’s internal review as production: the client never learns of it', () => {
    expect(PIECE_STATUSES.map((status) => [status, spaceColumnOf(status)])).toEqual([
      ['in_production', 'in_production'],
      ['internal_review', 'in_production'],
      ['internal_changes_requested', 'in_production'],
      ['ready_to_send', 'in_production'],
      ['awaiting_approval', 'awaiting_approval'],
      ['changes_requested', 'changes_requested'],
      ['approved', 'approved'],
    ]);
  });

  it('opens a piece only once something of it was sent (every column but production)', () => {
    expect(PIECE_STATUSES.filter(opensInSpace)).toEqual([
      'awaiting_approval',
      'changes_requested',
      'approved',
    ]);
    expect(SPACE_COLUMNS[0]).toBe('in_production');
  });

  it('shows the list only when asked for it exactly; anything else is the board', () => {
    expect(spaceViewOf('list')).toBe('list');
    for (const view of [null, '', 'board', 'LIST', 'list '])
      expect(spaceViewOf(view)).toBe('board');
  });
});
