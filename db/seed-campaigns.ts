import { addDaysToIsoDate, isoDateInZone, policy } from '../src/policy/index.ts';
import type { Database } from './client.ts';
import { campaignDayMetrics, campaignImports } from './schema/index.ts';

const CLIENT = 'demo-client-bakery';
const IMPORT = 'demo-import-bakery';
const DAYS = 30;

type DemoCampaign = {
  name: string;
  placement: 'feed' | 'stories';
  // Centavos spent, impressions, link clicks and leads on an ordinary day.
  spend: number;
  impressions: number;
  clicks: number;
  leads?: number;
  objective: 'traffic' | 'reach' | 'leads';
};

/** The bakery's campaigns (demo values): traffic in the feed and stories, reach, leads. */
const CAMPAIGNS: DemoCampaign[] = [
  {
    name: 'Pão de queijo | Tráfego',
    placement: 'feed',
    spend: 6000,
    impressions: 5200,
    clicks: 60,
    objective: 'traffic',
  },
  {
    name: 'Pão de queijo | Tráfego',
    placement: 'stories',
    spend: 3000,
    impressions: 4100,
    clicks: 45,
    objective: 'traffic',
  },
  {
    name: 'Café da manhã | Alcance',
    placement: 'feed',
    spend: 4000,
    impressions: 20000,
    clicks: 50,
    objective: 'reach',
  },
  {
    name: 'Encomendas | Leads',
    placement: 'feed',
    spend: 5000,
    impressions: 3000,
    clicks: 50,
    leads: 4,
    objective: 'leads',
  },
];

/**
 * Demo values, not figures of a real account: the bakery's last 30 days of campaigns up to the
 * day before `now` (agency time), imported once, so the campaigns page has charts and the daily
 * check a breach — the feed traffic's CPC above the bakery's norm on the last two days. A small
 * wobble day by day keeps the lines from being flat. Idempotent: rows that exist stay.
 */
export async function seedDemoCampaigns(db: Database, now: Date): Promise<void> {
  const yesterday = addDaysToIsoDate(isoDateInZone(now, policy.agency.timeZone), -1);
  const first = addDaysToIsoDate(yesterday, 1 - DAYS);
  const days = Array.from({ length: DAYS }, (_, i) => addDaysToIsoDate(first, i));
  const rows = days.flatMap((day, d) =>
    CAMPAIGNS.map((campaign, c) => {
      const wobble = 1 + (((d * 7 + c * 3) % 9) - 4) / 40;
      // The last two days the feed traffic pays more for each click.
      const dearer = c === 0 && d >= DAYS - 2 ? 1.6 : 1;
      return db
        .insert(campaignDayMetrics)
        .values({
          clientId: CLIENT,
          day,
          campaignName: campaign.name,
          placement: campaign.placement,
          importId: IMPORT,
          currency: 'BRL',
          spendMinorUnits: Math.round(campaign.spend * wobble * dearer),
          impressions: campaign.impressions,
          linkClicks: campaign.clicks,
          results: campaign.leads ?? campaign.clicks,
          resultIndicator: campaign.leads ? 'leads' : 'actions:link_click',
          resultsAreLeads: Boolean(campaign.leads),
          objective: campaign.objective,
        })
        .onConflictDoNothing();
    }),
  );
  await db.batch([
    db
      .insert(campaignImports)
      .values({
        id: IMPORT,
        clientId: CLIENT,
        source: 'csv',
        fileName: 'demo.csv',
        currency: 'BRL',
        firstDay: first,
        lastDay: yesterday,
        rowCount: rows.length,
        importedBy: 'demo-paid',
        importedAt: now,
      })
      .onConflictDoNothing(),
    ...rows,
  ]);
}
