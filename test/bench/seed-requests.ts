import type { Database } from '../../db/client.ts';
import { clientRequests, REQUEST_STATUSES, requestTemplates } from '../../db/schema/index.ts';
import { insertChunked } from './seed-chunks.ts';
import { SPACE_BENCH_VIEWER } from './seed-space.ts';

/** How many requests the space's bench client sent: a few years of weekly requests. */
const SPACE_REQUESTS = 300;

/**
 * The space's bench client's requests (#18), for its request lists: 300, every status in turn
 * (a sixth are its contact's drafts), an hour apart; the client's CS is `bench-cs-0`.
 */
export async function seedBenchRequests(db: Database, now: Date) {
  const templateId = 'bench-space-template';
  await db.insert(requestTemplates).values({
    id: templateId,
    clientId: SPACE_BENCH_VIEWER.clientId,
    kind: 'piece',
    version: 1,
    fields: '[]',
    createdAt: now,
  });
  await insertChunked(
    db,
    clientRequests,
    Array.from({ length: SPACE_REQUESTS }, (_, i) => {
      const status = REQUEST_STATUSES[i % REQUEST_STATUSES.length] ?? 'opened';
      const at = new Date(now.getTime() - i * 3_600_000);
      return {
        id: `bench-space-request-${i}`,
        clientId: SPACE_BENCH_VIEWER.clientId,
        contactId: SPACE_BENCH_VIEWER.contactId,
        contactName: SPACE_BENCH_VIEWER.name,
        templateId,
        kind: 'piece' as const,
        status,
        title: `Pedido do espaço ${i}`,
        answers: '{}',
        createdAt: at,
        updatedAt: at,
        submittedAt: status === 'draft' ? null : at,
        triageDueAt: status === 'opened' ? new Date(at.getTime() + 86_400_000) : null,
      };
    }),
  );
}
