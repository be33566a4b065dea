import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './users.ts';

/** Where an invoice is in its review: submitted, divergent (to correct), approved, paid. */
export const INVOICE_STATUSES = ['submitted', 'divergent', 'approved', 'paid'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/**
 * A partner's monthly invoice: one per partner and competence month (the month of work it
 * bills). A correction after a divergence replaces the fields and file of the same row; the
 * audit events keep what came before.
 */
export const invoices = sqliteTable(
  'invoices',
  {
    id: text('id').primaryKey(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => users.id),
    // YYYY-MM: the month of work billed, and the month it was submitted (and is paid) in.
    competenceMonth: text('competence_month').notNull(),
    submittedMonth: text('submitted_month').notNull(),
    number: text('number').notNull(),
    issueDate: text('issue_date').notNull(),
    amountMinor: integer('amount_minor').notNull(),
    currency: text('currency').notNull(),
    note: text('note'),
    fileKey: text('file_key').notNull(),
    fileName: text('file_name').notNull(),
    fileSize: integer('file_size').notNull(),
    fileSha256: text('file_sha256').notNull(),
    status: text('status', { enum: INVOICE_STATUSES }).notNull().default('submitted'),
    divergenceMessage: text('divergence_message'),
    // The last business day of the submission month (YYYY-MM-DD); the actual date once paid.
    paymentDueOn: text('payment_due_on').notNull(),
    paidOn: text('paid_on'),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (table) => [
    uniqueIndex('invoices_partner_competence_idx').on(table.partnerId, table.competenceMonth),
    uniqueIndex('invoices_partner_file_idx').on(table.partnerId, table.fileSha256),
    index('invoices_review_idx').on(table.submittedMonth, table.status),
    index('invoices_competence_idx').on(table.competenceMonth, table.status),
    // The review list shows the newest first.
    index('invoices_submitted_idx').on(table.submittedAt),
  ],
);
