import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { clientRequests, clients, requestFiles } from '../../../db/schema/index.ts';
import { mayTalkToClient } from '../approvals/approval-rules.ts';
import type { Viewer } from '../auth/viewer.ts';

/**
 * A file the contact attached to a sent request, for its client's CS or an admin (the page's
 * links): null for anyone else, a draft's file, or another request's file id.
 */
export async function findRequestFileFor(
  db: Database,
  viewer: Viewer,
  input: { requestId: string; fileId: string },
) {
  const [found] = await db
    .select({
      fileKey: requestFiles.fileKey,
      fileName: requestFiles.fileName,
      contentType: requestFiles.contentType,
      size: requestFiles.size,
      status: clientRequests.status,
      clientCsId: clients.csUserId,
    })
    .from(requestFiles)
    .innerJoin(clientRequests, eq(clientRequests.id, requestFiles.requestId))
    .innerJoin(clients, eq(clients.id, clientRequests.clientId))
    .where(and(eq(requestFiles.id, input.fileId), eq(requestFiles.requestId, input.requestId)));
  if (!found || found.status === 'draft' || !mayTalkToClient(viewer, found)) return null;
  return found;
}
