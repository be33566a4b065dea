// The cost rules of the daily check: what a day's figures cost per metric, which norm they
// are held to, and which are breaches. Pure: the caller passes the figures, norms and day.
import type {
  AdPlacement,
  CampaignObjective,
  CostMetric,
  clientCostNorms,
  NormPlacement,
} from '../../../db/schema/campaign-costs.ts';
import { COST_METRICS } from '../../../db/schema/campaign-costs.ts';
import { addDaysToIsoDate } from '../../policy/holidays.ts';
import type { Policy } from '../../policy/schema.ts';

/** One campaign's figures for one day and placement; amounts in minor units of `currency`. */
export type DayFigures = {
  day: string;
  campaignName: string;
  placement: AdPlacement;
  currency: string;
  spendMinorUnits: number;
  impressions: number;
  linkClicks: number;
  results: number;
  resultsAreLeads: boolean;
  // Null when neither the export's objective nor its result indicator said: not compared.
  objective: CampaignObjective | null;
};

export type ClientNormRow = Pick<
  typeof clientCostNorms.$inferSelect,
  'metric' | 'placement' | 'currency' | 'maxMinorUnits'
>;

/** The norm a figure is held to: the client's own where set, else the policy's. */
export type EffectiveNorm = {
  metric: CostMetric;
  placement: NormPlacement;
  currency: string;
  maxMinorUnits: number;
  source: 'client' | 'policy';
};

/** No norm at all, or one in another currency (then not compared; `currency` is the norm's). */
export type MissingNorm = { missing: 'none' } | { missing: 'other_currency'; currency: string };

export type NormLookup = (
  metric: CostMetric,
  placement: AdPlacement,
  currency: string,
) => EffectiveNorm | MissingNorm;

export const isMissingNorm = (norm: EffectiveNorm | MissingNorm): norm is MissingNorm =>
  'missing' in norm;

/**
 * A day's cost per metric, in minor units, rounded half up to the nearest minor unit — the
 * rounded cost is what the page shows and what is compared with the norm. CPM is per 1,000
 * impressions. Null when undefined: no clicks (CPC), no impressions (CPM), no results or
 * results that are not leads (CPL).
 */
export function costOf(figures: DayFigures, metric: CostMetric): number | null {
  const per = {
    CPC: { count: figures.linkClicks, scale: 1 },
    CPM: { count: figures.impressions, scale: 1000 },
    CPL: { count: figures.resultsAreLeads ? figures.results : 0, scale: 1 },
  }[metric];
  if (per.count <= 0) return null;
  return Math.round((figures.spendMinorUnits * per.scale) / per.count);
}

// A figure's placement looks for a norm of its own placement first, then one for any
// placement; figures not broken down by placement ('all') or elsewhere ('other') only the latter.
const NORM_PLACEMENTS_FOR: Record<AdPlacement, NormPlacement[]> = {
  feed: ['feed', 'any'],
  stories: ['stories', 'any'],
  other: ['any'],
  all: ['any'],
};

/**
 * Finds the norm for a metric and placement. The client's own norms come first (any of its
 * placements, most specific first): a client that set a norm meant it for its product. Then
 * the policy's general norms (a difficult-niche norm is a reference, used only when a client
 * sets it). The norm is chosen by metric and placement, then compared only in its currency:
 * figures in another currency get `other_currency`, never a converted or substituted norm.
 */
export function normLookup(
  clientNorms: readonly ClientNormRow[],
  policyNorms: Policy['costNorms'],
): NormLookup {
  const generalPolicyNorms = policyNorms.norms.filter((norm) => norm.niche === undefined);
  return (metric, placement, currency) => {
    let found: EffectiveNorm | undefined;
    for (const wanted of NORM_PLACEMENTS_FOR[placement]) {
      const own = clientNorms.find((n) => n.metric === metric && n.placement === wanted);
      if (own) {
        found = {
          metric,
          placement: wanted,
          currency: own.currency,
          maxMinorUnits: own.maxMinorUnits,
          source: 'client',
        };
        break;
      }
    }
    if (!found) {
      for (const wanted of NORM_PLACEMENTS_FOR[placement]) {
        const general = generalPolicyNorms.find(
          (n) => n.metric === metric && n.placement === wanted,
        );
        if (general) {
          found = {
            metric,
            placement: wanted,
            currency: policyNorms.currency,
            maxMinorUnits: general.maxMinorUnits,
            source: 'policy',
          };
          break;
        }
      }
    }
    if (!found) return { missing: 'none' };
    if (found.currency !== currency) return { missing: 'other_currency', currency: found.currency };
    return found;
  };
}

export type Breach = {
  day: string;
  campaignName: string;
  placement: AdPlacement;
  metric: CostMetric;
  costMinorUnits: number;
  norm: EffectiveNorm;
  overByMinorUnits: number;
  // Above the norm, in percent with one decimal (rounded half up).
  overByPercent: number;
  // Consecutive calendar days ending at `day` with the same campaign, placement and metric
  // above its norm; a day without figures breaks the run (campaigns report every day they run).
  daysInARow: number;
};

type Above = Omit<Breach, 'daysInARow'>;

function aboveNorm(figures: DayFigures, metric: CostMetric, lookup: NormLookup): Above | null {
  const cost = costOf(figures, metric);
  if (cost === null) return null;
  const norm = lookup(metric, figures.placement, figures.currency);
  if (isMissingNorm(norm) || cost <= norm.maxMinorUnits) return null;
  const overBy = cost - norm.maxMinorUnits;
  return {
    day: figures.day,
    campaignName: figures.campaignName,
    placement: figures.placement,
    metric,
    costMinorUnits: cost,
    norm,
    overByMinorUnits: overBy,
    overByPercent: Math.round((overBy * 1000) / norm.maxMinorUnits) / 10,
  };
}

/**
 * The one metric a campaign's objective is held to, as the document states its norms (traffic
 * by CPC, reach by CPM, leads by CPL): a leads campaign paying more per click is not in breach.
 * Null for a campaign whose objective is not known — it is compared with no norm.
 */
export function metricOfObjective(objective: CampaignObjective | null): CostMetric | null {
  if (objective === null) return null;
  return OBJECTIVE_METRIC[objective];
}

const OBJECTIVE_METRIC: Record<CampaignObjective, CostMetric> = {
  traffic: 'CPC',
  reach: 'CPM',
  leads: 'CPL',
};

const keyOf = (day: string, campaignName: string, placement: AdPlacement) =>
  `${day}\u0000${campaignName}\u0000${placement}`;

/**
 * The breaches on `day`: each campaign and placement whose cost in its objective's metric is
 * strictly above its norm (equal is not a breach), with how many days in a row, ordered by
 * campaign, placement and metric. `figures` may hold earlier days (for the run); other days
 * are not reported; figures without an objective are not compared.
 */
export function findBreaches(
  figures: readonly DayFigures[],
  lookup: NormLookup,
  day: string,
): Breach[] {
  const byKey = new Map(figures.map((f) => [keyOf(f.day, f.campaignName, f.placement), f]));
  const breaches: Breach[] = [];
  for (const today of figures) {
    if (today.day !== day) continue;
    const metric = metricOfObjective(today.objective);
    const breach = metric === null ? null : aboveNorm(today, metric, lookup);
    if (metric === null || !breach) continue;
    let daysInARow = 1;
    for (;;) {
      const earlierDay = addDaysToIsoDate(day, -daysInARow);
      const earlier = byKey.get(keyOf(earlierDay, today.campaignName, today.placement));
      if (!earlier || !aboveNorm(earlier, metric, lookup)) break;
      daysInARow += 1;
    }
    breaches.push({ ...breach, daysInARow });
  }
  return breaches.sort(
    (a, b) =>
      a.campaignName.localeCompare(b.campaignName) ||
      a.placement.localeCompare(b.placement) ||
      COST_METRICS.indexOf(a.metric) - COST_METRICS.indexOf(b.metric),
  );
}
