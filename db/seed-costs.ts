import { and, eq, not, sql } from 'drizzle-orm';
import { COST_NORMS_SAVED } from '../src/server/campaign-costs/cost-norms.ts';
import type { Database } from './client.ts';
import { insertWhen } from './insert-when.ts';
import { type CostMetric, clientCostNorms, events, type NormPlacement } from './schema/index.ts';

type DemoNorm = { metric: CostMetric; placement: NormPlacement; maxMinorUnits: number };

/**
 * Demo values, not advice: the demo clients' own cost norms in BRL (the bakery runs traffic
 * and reach, the clinic lead generation). Written with no author (`updatedBy` null), which the
 * norms page shows as demo values until someone saves the client's norms.
 */
export const DEMO_COST_NORMS: Record<string, DemoNorm[]> = {
  'demo-client-bakery': [
    { metric: 'CPC', placement: 'feed', maxMinorUnits: 120 },
    { metric: 'CPC', placement: 'stories', maxMinorUnits: 80 },
    { metric: 'CPM', placement: 'feed', maxMinorUnits: 2500 },
    { metric: 'CPM', placement: 'stories', maxMinorUnits: 1500 },
    { metric: 'CPL', placement: 'any', maxMinorUnits: 1500 },
  ],
  'demo-client-clinic': [
    { metric: 'CPC', placement: 'any', maxMinorUnits: 250 },
    { metric: 'CPM', placement: 'any', maxMinorUnits: 3000 },
    { metric: 'CPL', placement: 'any', maxMinorUnits: 4000 },
  ],
};

/**
 * Seeds the demo clients' norms in one batch. Idempotent, and a client whose norms someone
 * saved keeps exactly theirs — even an all-blank set, which leaves no row: the save's history
 * event is what says a person chose (no demo norm slips back into a set a person chose).
 */
export async function seedDemoCosts(db: Database, now: Date): Promise<void> {
  const rows = Object.entries(DEMO_COST_NORMS).flatMap(([clientId, norms]) => {
    const savedBySomeone = sql`exists (select 1 from ${events} where ${and(
      eq(events.subjectType, 'client'),
      eq(events.subjectId, clientId),
      eq(events.action, COST_NORMS_SAVED),
    )})`;
    return norms.map((norm) =>
      insertWhen(
        db,
        clientCostNorms,
        { ...norm, clientId, currency: 'BRL', updatedBy: null, updatedAt: now },
        not(savedBySomeone),
      ).onConflictDoNothing(),
    );
  });
  const [first, ...rest] = rows;
  if (first) await db.batch([first, ...rest]);
}
