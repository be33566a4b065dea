import type { PieceStatus } from '../../../db/schema/index.ts';

/** The board's columns in the client space, in the order a piece moves through them. */
export const SPACE_COLUMNS = [
  'in_production',
  'awaiting_approval',
  'changes_requested',
  'approved',
] as const;
export type SpaceColumn = (typeof SPACE_COLUMNS)[number];

/**
 * Where a contact sees a piece: the agency's internal review (#17) is still production to
 * the client — they are never told a version waits inside the agency.
 */
export function spaceColumnOf(status: PieceStatus): SpaceColumn {
  switch (status) {
    case 'awaiting_approval':
    case 'changes_requested':
    case 'approved':
      return status;
    default:
      return 'in_production';
  }
}

/** A piece in production is shown dimmed and does not open: nothing of it was sent yet. */
export const opensInSpace = (status: PieceStatus) => spaceColumnOf(status) !== 'in_production';

/** The board's two views: columns by status (the default), or one list. */
export const spaceViewOf = (view: string | null): 'board' | 'list' =>
  view === 'list' ? 'list' : 'board';

/**
 * What the board's address asks for: the columns (each with its first cards), or the list —
 * of every piece or of one column (a column's "see all") — at a page counted from 1. Anything
 * unknown falls back to the whole list's first page rather than an error: the address is the
 * contact's own navigation, not an input to refuse.
 */
export type SpaceBoardRequest =
  | { view: 'board' }
  | { view: 'list'; column: SpaceColumn | null; page: number };

export function spaceBoardRequestOf(params: URLSearchParams): SpaceBoardRequest {
  if (spaceViewOf(params.get('view')) === 'board') return { view: 'board' };
  const column = params.get('column');
  return {
    view: 'list',
    column: SPACE_COLUMNS.find((known) => known === column) ?? null,
    page: pageNumberOf(params.get('page')),
  };
}

/** A page number from the address: a whole number from 1, else the first page. */
export function pageNumberOf(param: string | null): number {
  if (param === null || !/^[1-9][0-9]{0,5}$/.test(param)) return 1;
  return Number(param);
}

/** How many pages a list of `total` rows fills (at least one, shown empty when it has none). */
export const pageCountOf = (total: number, pageSize: number) =>
  Math.max(1, Math.ceil(total / pageSize));

/** The address of the list view, of one column or all, at a page (the first page unnumbered). */
export function spaceListHref(column: SpaceColumn | null, page = 1): string {
  const params = new URLSearchParams({ view: 'list' });
  if (column) params.set('column', column);
  if (page > 1) params.set('page', String(page));
  return `/space?${params}`;
}
