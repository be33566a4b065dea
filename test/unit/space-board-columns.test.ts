import { describe, expect, it } from 'vitest';
import { PIECE_STATUSES } from '../../db/schema/index.ts';
import {
  opensInSpace,
  pageCountOf,
  pageNumberOf,
  SPACE_COLUMNS,
  spaceBoardRequestOf,
  spaceColumnOf,
  spaceListHref,
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

  it('reads a page number from 1; anything else is the first page', () => {
    expect(pageNumberOf('1')).toBe(1);
    expect(pageNumberOf('2')).toBe(2);
    expect(pageNumberOf('999999')).toBe(999999);
    for (const page of [null, '', '0', '-1', '01', '1.5', 'two', '1e3', '1000000'])
      expect(pageNumberOf(page)).toBe(1);
  });

  it('counts the pages a list fills: at least one, a partial last page included', () => {
    expect(pageCountOf(0, 25)).toBe(1);
    expect(pageCountOf(1, 25)).toBe(1);
    expect(pageCountOf(25, 25)).toBe(1);
    expect(pageCountOf(26, 25)).toBe(2);
    expect(pageCountOf(500, 25)).toBe(20);
  });

  it('reads the board’s address: the columns, or the list of all or of one known column at a page', () => {
    const request = (query: string) => spaceBoardRequestOf(new URLSearchParams(query));
    expect(request('')).toEqual({ view: 'board' });
    expect(request('column=approved&page=3')).toEqual({ view: 'board' });
    expect(request('view=list')).toEqual({ view: 'list', column: null, page: 1 });
    expect(request('view=list&column=approved&page=3')).toEqual({
      view: 'list',
      column: 'approved',
      page: 3,
    });
    // An unknown column is the whole list, never a column the SQL does not know.
    expect(request('view=list&column=internal_review')).toEqual({
      view: 'list',
      column: null,
      page: 1,
    });
  });

  it('links a column’s “see all” and the list’s pages back to the addresses it reads', () => {
    expect(spaceListHref(null)).toBe('/space?view=list');
    expect(spaceListHref('awaiting_approval')).toBe('/space?view=list&column=awaiting_approval');
    expect(spaceListHref('approved', 2)).toBe('/space?view=list&column=approved&page=2');
    const href = spaceListHref('changes_requested', 4);
    expect(spaceBoardRequestOf(new URL(href, 'https://x.example').searchParams)).toEqual({
      view: 'list',
      column: 'changes_requested',
      page: 4,
    });
  });
});
