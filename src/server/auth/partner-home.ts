import { readingListForRoles } from '../../handbook/reading-lists.ts';
import { accessFor, decideAccess } from './access-rules.ts';
import type { Viewer } from './viewer.ts';

/**
 * The partner home: what the handbook asks a person to read, and which work pages they may
 * open. The cards ask the access table, so a card shows exactly when its page lets them in.
 */
export function partnerHomeFor(viewer: Pick<Viewer, 'roles'>) {
  const mayOpen = (path: string) => decideAccess(accessFor(path), viewer.roles) === 'allow';
  return {
    mustRead: readingListForRoles(viewer.roles),
    mayOpen: {
      review: mayOpen('/review/invoices'),
      clients: mayOpen('/clients'),
      pieces: mayOpen('/pieces'),
      people: mayOpen('/admin/people'),
    },
  };
}
