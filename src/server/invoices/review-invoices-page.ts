import type { Database } from '../../../db/client.ts';
import { INVOICE_STATUSES } from '../../../db/schema/index.ts';
import { listPeopleNames } from '../partners/people.ts';
import {
  invoicesForReviewFrom,
  type ReviewFilters,
  readInvoicesForReview,
} from './review-invoices.ts';

/** The review list's filters and page number from its query; anything malformed is left out. */
export function reviewQueryOf(query: URLSearchParams): { filters: ReviewFilters; page: number } {
  const month = query.get('month') ?? '';
  return {
    filters: {
      competenceMonth: /^\d{4}-\d{2}$/.test(month) ? month : undefined,
      status: INVOICE_STATUSES.find((s) => s === query.get('status')),
      partnerId: query.get('partner') || undefined,
    },
    page: Math.max(1, Number.parseInt(query.get('page') ?? '1', 10) || 1),
  };
}

/**
 * What finance's review list shows for its query: the filters and page it asked for, that page
 * of invoices with the totals per status, and the people to filter by. One round trip.
 */
export async function loadReviewInvoicesPage(db: Database, query: URLSearchParams) {
  const { filters, page } = reviewQueryOf(query);
  const [rows, totals, people] = await db.batch([
    ...readInvoicesForReview(db, filters, page),
    listPeopleNames(db),
  ]);
  return { filters, page, ...invoicesForReviewFrom([rows, totals]), people };
}
