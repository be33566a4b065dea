import type { Database } from '../../db/client.ts';
import { invoices } from '../../db/schema/index.ts';
import { addMonths } from '../../src/policy/index.ts';

const STATUSES = ['submitted', 'divergent', 'approved', 'paid'] as const;

/** `count` past invoices spread over the partners and earlier months, for the review list's bench. */
export async function seedReviewInvoices(
  db: Database,
  partnerIds: string[],
  count: number,
  now: Date,
) {
  const rows = Array.from({ length: count }, (_, i) => {
    const partnerId = partnerIds[i % partnerIds.length] ?? 'bench-0';
    // Months before the bench's own window, one per round over the partners.
    const month = addMonths('2025-12', -Math.floor(i / partnerIds.length));
    return {
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
    };
  });
  // D1 and libSQL cap bound parameters per statement: insert in small chunks, one batch.
  const chunks = [];
  for (let i = 0; i < rows.length; i += 5)
    chunks.push(db.insert(invoices).values(rows.slice(i, i + 5)));
  const [first, ...rest] = chunks;
  if (first) await db.batch([first, ...rest]);
}
