import type { Database } from '../../../db/client.ts';
import { INVOICE_STATUSES } from '../../../db/schema/index.ts';
import { addMonths, isoDateInZone, type Policy } from '../../policy/index.ts';
import { listPeopleNames } from '../partners/people.ts';
import { monthQuery } from './review-input.ts';
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
      competenceMonth: monthQuery.safeParse(month).success ? month : undefined,
      status: INVOICE_STATUSES.find((s) => s === query.get('status')),
      partnerId: query.get('partner') || undefined,
    },
    page: Math.max(1, Number.parseInt(query.get('page') ?? '1', 10) || 1),
  };
}

// How far back the month lists reach: a year of competence months and payments.
const MONTHS_OFFERED = 13;

/**
 * The months a filter or an export offers, newest first: this month (agency time) and the
 * twelve before it, and a month asked for outside them, so a chosen month is never lost.
 * Counted, not read: the list costs the same however many invoices there are.
 */
export function monthChoices(now: Date, timeZone: string, chosen?: string): string[] {
  const thisMonth = isoDateInZone(now, timeZone).slice(0, 7);
  const months = Array.from({ length: MONTHS_OFFERED }, (_, i) => addMonths(thisMonth, -i));
  return chosen && !months.includes(chosen) ? [...months, chosen].sort().reverse() : months;
}

/**
 * What finance's review list shows for its query: the filters and page it asked for, that page
 * of invoices with the totals per status, the people and the months to filter by, and this
 * month, the export's default. One round trip.
 */
export async function loadReviewInvoicesPage(
  db: Database,
  query: URLSearchParams,
  rules: { agency: Pick<Policy['agency'], 'timeZone'> },
  now: Date,
) {
  const { filters, page } = reviewQueryOf(query);
  const [rows, totals, people] = await db.batch([
    ...readInvoicesForReview(db, filters, page),
    listPeopleNames(db),
  ]);
  const months = monthChoices(now, rules.agency.timeZone, filters.competenceMonth);
  return {
    filters,
    page,
    ...invoicesForReviewFrom([rows, totals]),
    people,
    months,
    thisMonth: isoDateInZone(now, rules.agency.timeZone).slice(0, 7),
  };
}
