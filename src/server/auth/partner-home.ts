import { readingListForRoles } from '../../handbook/reading-lists.ts';
import type { Role } from '../../policy/index.ts';
import { accessFor, decideAccess } from './access-rules.ts';
import type { Viewer } from './viewer.ts';

/**
 * The partner home: what the handbook asks a person to read, which work pages they may
 * open, and which of the home's "what needs me today" blocks are theirs. Every card and block
 * asks the access table, so it shows exactly when the page it links to lets them in; a block
 * also needs the role whose work it is (an admin may open /clients, but the deadlines are CS's).
 */
export function partnerHomeFor(viewer: Pick<Viewer, 'roles'>) {
  const mayOpen = (path: string) => decideAccess(accessFor(path), viewer.roles) === 'allow';
  const holds = (...roles: Role[]) => roles.some((role) => viewer.roles.includes(role));
  return {
    mustRead: readingListForRoles(viewer.roles),
    mayOpen: {
      review: mayOpen('/review/invoices'),
      clients: mayOpen('/clients'),
      pieces: mayOpen('/pieces'),
      people: mayOpen('/admin/people'),
    },
    blocks: {
      // Invoices to review, divergences, approved invoices to pay: whoever reviews them.
      finance: mayOpen('/review/invoices'),
      // Overdue and due-today deadlines, open questionnaires: the CS in charge of the clients.
      clientDeadlines: holds('cs') && mayOpen('/clients'),
      // Pieces awaiting the client and changes requested, on a CS's clients.
      clientPieces: holds('cs') && mayOpen('/pieces'),
      // Pieces in production and changes requested, on the projects given to a designer.
      designPieces: holds('design') && mayOpen('/pieces'),
      // Requests to act on: CS is asked by every role.
      tasksToMe: holds('cs') && mayOpen('/tasks'),
      // Traffic asks Design and CS for work, and follows it.
      myRequests: holds('paid_traffic', 'organic_traffic') && mayOpen('/tasks'),
    },
  };
}

export type HomeBlocks = ReturnType<typeof partnerHomeFor>['blocks'];
