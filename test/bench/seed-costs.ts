import type { Database } from '../../db/client.ts';
import {
  campaignDayMetrics,
  campaignImports,
  clientCostNorms,
  clients,
  costBreachAcknowledgements,
} from '../../db/schema/index.ts';
import { addDaysToIsoDate, isoDateInZone, policy } from '../../src/policy/index.ts';
import type { Viewer } from '../../src/server/auth/viewer.ts';
import { insertChunked } from './seed-chunks.ts';

/** The client whose campaigns page the bench measures. */
export const COSTS_BENCH_CLIENT = 'bench-costs-client';
/** Its CS (an admin reads the same statements; the CS is the usual reader). */
export const COSTS_BENCH_VIEWER: Viewer = { id: 'demo-admin', roles: ['admin'] };
/** The figure (#20): a client's metrics page with 90 days × 20 campaigns. */
const DAYS = 90;
const CAMPAIGNS = 20;

/**
 * A client with 90 days of figures for 20 campaigns, each in the feed and in stories, up to
 * yesterday (one import per day, as the daily check has them), its own norms for CPC and CPM,
 * and a tenth of the campaigns above their CPC norm, half of those acknowledged.
 */
export async function seedBenchCosts(db: Database, now: Date) {
  const today = isoDateInZone(now, policy.agency.timeZone);
  await db.insert(clients).values({
    id: COSTS_BENCH_CLIENT,
    name: 'Cliente das campanhas',
    csUserId: 'demo-cs',
    createdAt: now,
  });
  await db.insert(clientCostNorms).values(
    (['feed', 'stories'] as const).flatMap((placement) =>
      (['CPC', 'CPM'] as const).map((metric) => ({
        clientId: COSTS_BENCH_CLIENT,
        metric,
        placement,
        currency: 'BRL',
        maxMinorUnits: metric === 'CPC' ? 300 : 2500,
        updatedAt: now,
      })),
    ),
  );
  const days = Array.from({ length: DAYS }, (_, i) => addDaysToIsoDate(today, i - DAYS));
  await insertChunked(
    db,
    campaignImports,
    days.map((day) => ({
      id: `bench-costs-import-${day}`,
      clientId: COSTS_BENCH_CLIENT,
      source: 'csv' as const,
      currency: 'BRL',
      firstDay: day,
      lastDay: day,
      rowCount: CAMPAIGNS * 2,
      importedAt: now,
    })),
  );
  await insertChunked(
    db,
    campaignDayMetrics,
    days.flatMap((day, d) =>
      Array.from({ length: CAMPAIGNS }, (_, c) =>
        (['feed', 'stories'] as const).map((placement) => ({
          clientId: COSTS_BENCH_CLIENT,
          day,
          campaignName: `Campanha ${String(c + 1).padStart(2, '0')}`,
          placement,
          importId: `bench-costs-import-${day}`,
          currency: 'BRL',
          // Every tenth campaign above its CPC norm (R$ 4,00 a click against R$ 3,00).
          spendMinorUnits: c % 10 === 0 ? 8000 : 4000 + ((c * 37 + d * 11) % 1000),
          impressions: 2000 + ((c * 53 + d * 7) % 500),
          linkClicks: 20,
          results: c % 4 === 0 ? 3 : 0,
          resultsAreLeads: c % 4 === 0,
          // Every fourth a leads campaign, the rest traffic (the check compares each on one metric).
          objective: c % 4 === 0 ? ('leads' as const) : ('traffic' as const),
        })),
      ).flat(),
    ),
  );
  await db.insert(costBreachAcknowledgements).values({
    clientId: COSTS_BENCH_CLIENT,
    day: days.at(-1) ?? today,
    campaignName: 'Campanha 01',
    placement: 'feed',
    metric: 'CPC',
    action: 'budget',
    acknowledgedBy: 'demo-cs',
    acknowledgedAt: now,
  });
}
