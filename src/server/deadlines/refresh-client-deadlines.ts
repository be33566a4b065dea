import type { Database } from '../../../db/client.ts';
import { clients } from '../../../db/schema/index.ts';
import type { DeadlinePolicy } from './deadline-rules.ts';
import { foldedStages, isStale, keepPipelineDue, unfoldStages } from './stored-deadline.ts';

// Clients recomputed per batch (two statements each), and batches per run: a Worker's cron
// invocation may send about a thousand statements to D1, shared with the other jobs, so a
// policy change reaches a large agency over a few minutes' runs (readers compute a stale
// row meanwhile, never showing a wrong one).
const CLIENTS_PER_BATCH = 50;
const BATCHES_PER_RUN = 4;

/**
 * The scheduled job that stores again each client's next pipeline deadline whose stored one
 * is stale (never computed, or computed with another policy). One read and one write per
 * batch of clients.
 */
export async function refreshClientDeadlines(
  db: Database,
  rules: DeadlinePolicy,
  batches = BATCHES_PER_RUN,
) {
  let refreshed = 0;
  for (let run = 0; run < batches; run++) {
    const stale = await db
      .select({ id: clients.id, serviceEndsOn: clients.serviceEndsOn, stages: foldedStages() })
      .from(clients)
      .where(isStale(rules))
      .limit(CLIENTS_PER_BATCH);
    const [first, ...rest] = stale.flatMap((client) =>
      keepPipelineDue(db, client, unfoldStages(client.stages), rules),
    );
    if (!first) break;
    await db.batch([first, ...rest]);
    refreshed += stale.length;
    if (stale.length < CLIENTS_PER_BATCH) break;
  }
  return { refreshed };
}
