import type { Database } from '../../db/client.ts';
import { invoices } from '../../db/schema/index.ts';
import { addMonths } from '../../src/policy/index.ts';
import { insertChunked } from './seed-chunks.ts';

const STATUSES = ['submitted', 'divergent', 'approved', 'paid'] as const;

/** The partner whose own invoices page is measured: a year of invoices at every scale. */
export const PAGE_PARTNER_ID = 'bench-1';
const PAGE_PARTNER_MONTHS = 12;

/**
 * `count` past invoices spread over the partners and earlier months, for the review list's
 * bench. The measured partner keeps one year of them whatever the count: its page depends
 * on its own invoices, not the agency's.
 */
export async function seedReviewInvoices(
  db: Database,
  partnerIds: string[],
  count: number,
  now: Date,
) {
  const others = partnerIds.filter((id) => id !== PAGE_PARTNER_ID);
  const invoice = (i: number, partnerId: string, month: string) => ({
    id: `seed-invoice-${i}`,
    partnerId,
    competenceMonth: month,
    submittedMonth: addMonths(month, 1),
    number: `S-${i}`,
    issueDate: `${month}-28`,
    amountMinor: 10_000 + i,
    currency: 'BRL',
    fileKey: `invoices/seed/${i}`,
    fileName: 'fatura.pdf',
    fileSize: 1000,
    fileSha256: `seed-${i}`,
    status: STATUSES[i % STATUSES.length] ?? 'submitted',
    paymentDueOn: `${addMonths(month, 1)}-28`,
    submittedAt: new Date(now.getTime() - (count - i) * 60_000),
    updatedAt: now,
  });
  const own = Array.from({ length: PAGE_PARTNER_MONTHS }, (_, i) =>
    invoice(count - PAGE_PARTNER_MONTHS + i, PAGE_PARTNER_ID, addMonths('2025-12', -i)),
  );
  const rest = Array.from({ length: count - own.length }, (_, i) =>
    // Months before the bench's own window, one per round over the partners.
    invoice(
      i,
      others[i % others.length] ?? 'bench-0',
      addMonths('2025-12', -Math.floor(i / others.length)),
    ),
  );
  await insertChunked(db, invoices, [...rest, ...own]);
}
