import { Hono } from 'hono';
import { findPieceRequestFileFor } from '../../src/server/client-requests/request-origin.ts';
import { TRIAGE_REFUSALS } from '../../src/server/client-requests/triage-refusals.ts';
import type { ApiEnv } from '../http/api-env.ts';
import { signedIn } from '../http/client-info.ts';
import { fileHeaders } from '../http/file-headers.ts';
import { refuseWith } from '../http/respond.ts';

/**
 * The files of the client's request a piece came from, for who sees the piece (its designer
 * too, who may not open the request itself): under /api/pieces, whose access they share.
 */
export const pieceRequestFileRoutes = new Hono<ApiEnv>()
  // Downloaded, never shown inline: it is the client's upload.
  .get('/:id/request-files/:fileId', async (c) => {
    const { db, files } = c.get('deps');
    const file = await findPieceRequestFileFor(db, signedIn(c).user, {
      pieceId: c.req.param('id'),
      fileId: c.req.param('fileId'),
    });
    const object = file ? await files.get(file.fileKey) : null;
    if (!file || !object) return refuseWith(c, TRIAGE_REFUSALS, 'not_found');
    return c.body(object.body, 200, fileHeaders('attachment', file));
  });
