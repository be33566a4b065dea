import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The count and sum of the agency's invoices per status, kept by triggers on `invoices`
 * (migration 0010): the review list's totals without reading every invoice, whose number
 * grows with every month. One row per status, zero until an invoice has it.
 */
export const invoiceTotals = sqliteTable('invoice_totals', {
  status: text('status').primaryKey(),
  count: integer('count').notNull(),
  amountMinor: integer('amount_minor').notNull(),
});
