import type { Database } from '../../../db/client.ts';
import type { Viewer } from '../auth/viewer.ts';
import { listClientsFor } from '../clients/clients.ts';
import { thumbnailOf } from './piece-thumbnail.ts';
import { boardFrom, listDesigners, readBoard } from './pieces.ts';

/**
 * The board page, in one round trip: the pieces a person sees (of one client, or all), the
 * clients on it, and — for who plans work — the projects they may add pieces to, their own
 * clients and the designers a project may be given to. Each piece comes with its thumbnail.
 */
export async function loadBoardPage(db: Database, viewer: Viewer, clientId?: string) {
  const [pieceRows, projectRows, ownClients, designers] = await db.batch([
    ...readBoard(db, viewer, clientId),
    listClientsFor(db, viewer),
    listDesigners(db),
  ]);
  const board = boardFrom(viewer, [pieceRows, projectRows]);
  return {
    ...board,
    pieces: board.pieces.map((piece) => ({ ...piece, thumbnail: thumbnailOf(piece) })),
    clientsSeen: new Map(board.projects.map((p) => [p.clientId, p.clientName])),
    mayPlan: viewer.roles.includes('admin') || viewer.roles.includes('cs'),
    plannable: board.projects.filter((p) => p.mayAddPieces),
    ownClients,
    designers,
  };
}
