import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { clients } from './clients.ts';
import { users } from './users.ts';

export const COST_METRICS = ['CPC', 'CPM', 'CPL'] as const;
export type CostMetric = (typeof COST_METRICS)[number];

// Where an ad runs, as Ponte compares it: the ads manager's placements fold into these
// ('all' when the export is not broken down by placement).
export const AD_PLACEMENTS = ['feed', 'stories', 'other', 'all'] as const;
export type AdPlacement = (typeof AD_PLACEMENTS)[number];

// Where a norm applies: one placement, or any placement without a norm of its own (the
// policy keeps the same list; a unit test holds them equal).
export const NORM_PLACEMENTS = ['feed', 'stories', 'any'] as const;
export type NormPlacement = (typeof NORM_PLACEMENTS)[number];

// What a campaign is run for, as the norms are stated: each objective is held to one metric
// (traffic to CPC, reach to CPM, leads to CPL).
export const CAMPAIGN_OBJECTIVES = ['traffic', 'reach', 'leads'] as const;
export type CampaignObjective = (typeof CAMPAIGN_OBJECTIVES)[number];

/**
 * A client's own cost norm (its niche, its product), in its ad account's currency, set by
 * the client's CS or paid-traffic partner. Where none is set for a metric and placement, the
 * policy's norm is the reference (compared only in the same currency).
 */
export const clientCostNorms = sqliteTable(
  'client_cost_norms',
  {
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    metric: text('metric', { enum: COST_METRICS }).notNull(),
    placement: text('placement', { enum: NORM_PLACEMENTS }).notNull(),
    // ISO 4217, e.g. BRL.
    currency: text('currency').notNull(),
    maxMinorUnits: integer('max_minor_units').notNull(),
    updatedBy: text('updated_by').references(() => users.id),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.clientId, table.metric, table.placement] })],
);

/** One saved import of an ads manager export (or, later, a pull from the platform's API). */
export const campaignImports = sqliteTable(
  'campaign_imports',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    source: text('source', { enum: ['csv', 'xlsx', 'api'] }).notNull(),
    fileName: text('file_name'),
    currency: text('currency').notNull(),
    // YYYY-MM-DD, the days the import covers (each replaces what an earlier import had).
    firstDay: text('first_day').notNull(),
    lastDay: text('last_day').notNull(),
    rowCount: integer('row_count').notNull(),
    importedBy: text('imported_by').references(() => users.id),
    importedAt: integer('imported_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [index('campaign_imports_client_idx').on(table.clientId, table.lastDay)],
);

/**
 * A campaign's figures for one day and placement. Importing the same day again replaces the
 * day's rows (the key), so there are never two. Amounts in minor units of `currency`.
 */
export const campaignDayMetrics = sqliteTable(
  'campaign_day_metrics',
  {
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    day: text('day').notNull(),
    campaignName: text('campaign_name').notNull(),
    placement: text('placement', { enum: AD_PLACEMENTS }).notNull(),
    importId: text('import_id')
      .notNull()
      .references(() => campaignImports.id, { onDelete: 'cascade' }),
    currency: text('currency').notNull(),
    spendMinorUnits: integer('spend_minor_units').notNull(),
    impressions: integer('impressions').notNull(),
    linkClicks: integer('link_clicks').notNull(),
    results: integer('results').notNull(),
    // The export's result indicator as written; `resultsAreLeads` when it names a lead (CPL
    // is computed only then).
    resultIndicator: text('result_indicator'),
    resultsAreLeads: integer('results_are_leads', { mode: 'boolean' }).notNull().default(false),
    // The campaign's objective, from the export's objective column or its result indicator;
    // null when neither says (such a campaign is compared with no norm). Kept last: the
    // import's insert selects the columns in order.
    objective: text('objective', { enum: CAMPAIGN_OBJECTIVES }),
  },
  (table) => [
    primaryKey({ columns: [table.clientId, table.day, table.campaignName, table.placement] }),
    index('campaign_day_metrics_import_idx').on(table.importId),
  ],
);

export const BREACH_ACTIONS = [
  'targeting',
  'post',
  'headline_cta',
  'budget',
  'none_needed',
] as const;
export type BreachAction = (typeof BREACH_ACTIONS)[number];

/**
 * What was done about a breach (a campaign and placement whose metric was above its norm on
 * `day`): one of the document's actions, or why nothing is needed. One per breach.
 */
export const costBreachAcknowledgements = sqliteTable(
  'cost_breach_acknowledgements',
  {
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    day: text('day').notNull(),
    campaignName: text('campaign_name').notNull(),
    placement: text('placement', { enum: AD_PLACEMENTS }).notNull(),
    metric: text('metric', { enum: COST_METRICS }).notNull(),
    action: text('action', { enum: BREACH_ACTIONS }).notNull(),
    note: text('note'),
    acknowledgedBy: text('acknowledged_by')
      .notNull()
      .references(() => users.id),
    acknowledgedAt: integer('acknowledged_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [
    primaryKey({
      columns: [table.clientId, table.day, table.campaignName, table.placement, table.metric],
    }),
  ],
);
