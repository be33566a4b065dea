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
