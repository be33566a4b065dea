import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * A closed month of the scorecard (policy.incentives.monthClosesAfterDays after its end): the
 * best of the month as it stood when it closed. Later records, role changes or team changes
 * no longer move a closed month (#21).
 */
export const scorecardMonths = sqliteTable('scorecard_months', {
  month: text('month').primaryKey(),
  closedAt: integer('closed_at', { mode: 'timestamp_ms' }).notNull(),
  // The month's BestOfMonth as JSON, or null when nobody was the best.
  best: text('best'),
});

/**
 * Each partner's scorecard of a closed month as it stood when the month closed: who they were
 * (name and roles then), whether they were paid, and their Scorecard as JSON in `format`
 * (a number raised whenever the JSON's shape changes, so an old month still reads).
 */
export const scorecardMonthPartners = sqliteTable(
  'scorecard_month_partners',
  {
    month: text('month')
      .notNull()
      .references(() => scorecardMonths.month, { onDelete: 'cascade' }),
    partnerId: text('partner_id').notNull(),
    name: text('name').notNull(),
    roles: text('roles').notNull(),
    paid: integer('paid', { mode: 'boolean' }).notNull(),
    format: integer('format').notNull(),
    scorecard: text('scorecard').notNull(),
  },
  // A partner's page reads their months through the key: the month, then the partner.
  (table) => [primaryKey({ columns: [table.month, table.partnerId] })],
);
