import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { clients } from '../../db/schema/index.ts';

/** A client's stored next pipeline deadline, as the writers keep it (its instant, kind and rules key). */
export async function readStoredPipelineDue(db: Database, clientId: string) {
  const [row] = await db
    .select({
      dueAt: clients.pipelineDueAt,
      kind: clients.pipelineDueKind,
      key: clients.pipelineRulesKey,
    })
    .from(clients)
    .where(eq(clients.id, clientId));
  return row;
}
