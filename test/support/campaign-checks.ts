import type {
  AdPlacement,
  CampaignObjective,
  CostMetric,
  NormPlacement,
} from '../../db/schema/index.ts';
import { campaignDayMetrics, campaignImports, clientCostNorms } from '../../db/schema/index.ts';
import { postJson, seedPeople, signIn } from './sign-in.ts';
import { addPerson, OTHER_CS } from './teams.ts';
import { createTestApp, type TestApp } from './test-app.ts';
import type { Driver } from './test-databases.ts';

export const BAKERY = 'demo-client-bakery';

/** A day's figures of one campaign as the tests write them (amounts in centavos). */
export type TestFigures = {
  day: string;
  campaignName?: string;
  placement?: AdPlacement;
  currency?: string;
  spend: number;
  impressions?: number;
  clicks?: number;
  leads?: number;
  // A campaign with leads is a leads campaign, else a traffic one, unless told.
  objective?: CampaignObjective | null;
};

/**
 * An import of `firstDay` to `lastDay` with its figures, straight in the database (the
 * importer's own tests cover how they get there).
 */
export async function importFigures(
  app: Pick<TestApp, 'db' | 'deps'>,
  clientId: string,
  period: { firstDay: string; lastDay: string },
  figures: TestFigures[],
) {
  const importId = crypto.randomUUID();
  const currency = figures[0]?.currency ?? 'BRL';
  await app.db.batch([
    app.db.insert(campaignImports).values({
      id: importId,
      clientId,
      source: 'csv',
      fileName: 'export.csv',
      currency,
      ...period,
      rowCount: figures.length,
      importedBy: 'demo-paid',
      importedAt: app.deps.clock(),
    }),
    ...figures.map((f) =>
      app.db
        .insert(campaignDayMetrics)
        .values({
          clientId,
          day: f.day,
          campaignName: f.campaignName ?? 'Pão de queijo',
          placement: f.placement ?? 'feed',
          importId,
          currency: f.currency ?? currency,
          spendMinorUnits: f.spend,
          impressions: f.impressions ?? 1000,
          linkClicks: f.clicks ?? 10,
          results: f.leads ?? 0,
          resultsAreLeads: (f.leads ?? 0) > 0,
          objective:
            f.objective === undefined ? ((f.leads ?? 0) > 0 ? 'leads' : 'traffic') : f.objective,
        })
        .onConflictDoUpdate({
          target: [
            campaignDayMetrics.clientId,
            campaignDayMetrics.day,
            campaignDayMetrics.campaignName,
            campaignDayMetrics.placement,
          ],
          set: { importId, spendMinorUnits: f.spend, linkClicks: f.clicks ?? 10 },
        }),
    ),
  ]);
}

/** The client's own norm for a metric and placement (BRL unless told). */
export function setNorm(
  app: Pick<TestApp, 'db' | 'deps'>,
  clientId: string,
  norm: { metric: CostMetric; placement: NormPlacement; maxMinorUnits: number; currency?: string },
) {
  return app.db.insert(clientCostNorms).values({
    clientId,
    currency: 'BRL',
    ...norm,
    updatedAt: app.deps.clock(),
  });
}

const PEOPLE: Record<string, string> = {
  admin: 'admin@ponte.example',
  cs: 'cs@ponte.example',
  paid: 'trafego.pago@ponte.example',
  organic: 'trafego.organico@ponte.example',
  design: 'design@ponte.example',
  otherCs: OTHER_CS.email,
  otherPaid: 'outro.pago@ponte.example',
};

/**
 * The demo agency at `now` with another CS and another paid-traffic partner (on no team),
 * everyone signed in then; `post` sends JSON as one of them.
 */
export async function openCostCheckApp(driver: Driver, now: Date) {
  const app = await createTestApp(driver);
  app.setNow(now);
  await seedPeople(app);
  await addPerson(app, OTHER_CS);
  await addPerson(app, {
    id: 'other-paid',
    email: PEOPLE.otherPaid ?? '',
    roles: ['paid_traffic'],
  });
  const cookie = new Map<string, string>();
  for (const [who, email] of Object.entries(PEOPLE)) cookie.set(who, await signIn(app, email));
  return {
    app,
    cookie,
    post: (path: string, body: unknown, who: string) =>
      app.request(path, postJson(body, { cookie: cookie.get(who) })),
  };
}

export type CostCheckApp = Awaited<ReturnType<typeof openCostCheckApp>>;
