import { and, desc, eq, gt, inArray, type SQL, sql } from 'drizzle-orm';
import { aliased } from '../../../db/aliased.ts';
import type { RowsOf } from '../../../db/batch-rows.ts';
import type { Database } from '../../../db/client.ts';
import {
  type InvoiceStatus,
  invoices,
  invoiceTotals,
  userRoles,
  users,
} from '../../../db/schema/index.ts';
import {
  isoDateInZone,
  mayDecideOnInvoice,
  type PaidOnProblem,
  type Policy,
  paidOnProblem,
} from '../../policy/index.ts';
import { readSubjectHistory } from '../audit/event-history.ts';
import { recordEventWhen } from '../audit/record-event.ts';
import type { SignedInUser } from '../auth/sessions.ts';
import type { Actor, Viewer } from '../auth/viewer.ts';
import { queueMailWhen } from '../mail/outbox.ts';
import { composeInvoiceMail } from './invoice-mail.ts';
import { PARTNER_INVOICES_PAGE } from './submit-invoice.ts';

export type Invoice = typeof invoices.$inferSelect;

/** Finance and admins see every invoice; anyone else only their own. */
export function mayReviewInvoices(viewer: Pick<SignedInUser, 'roles'>): boolean {
  return viewer.roles.includes('finance') || viewer.roles.includes('admin');
}

/** A partner's invoices, newest competence month first. */
export function listPartnerInvoices(db: Database, partnerId: string) {
  return db
    .select()
    .from(invoices)
    .where(eq(invoices.partnerId, partnerId))
    .orderBy(desc(invoices.competenceMonth));
}

export type ReviewFilters = {
  competenceMonth?: string;
  status?: InvoiceStatus;
  partnerId?: string;
};

export const REVIEW_PAGE_SIZE = 50;

/** The reads of one page of the review list and the totals per status for the same filters. */
export function readInvoicesForReview(db: Database, filters: ReviewFilters, page: number) {
  const conditions: SQL[] = [];
  if (filters.competenceMonth)
    conditions.push(eq(invoices.competenceMonth, filters.competenceMonth));
  if (filters.partnerId) conditions.push(eq(invoices.partnerId, filters.partnerId));
  const byFilters = conditions.length ? and(...conditions) : undefined;
  const withStatus = filters.status
    ? and(byFilters, eq(invoices.status, filters.status))
    : byFilters;
  return [
    db
      .select({
        id: invoices.id,
        partnerName: aliased(users.name, 'partner_name'),
        competenceMonth: invoices.competenceMonth,
        number: invoices.number,
        amountMinor: invoices.amountMinor,
        currency: invoices.currency,
        status: invoices.status,
        paymentDueOn: invoices.paymentDueOn,
        paidOn: invoices.paidOn,
        submittedAt: invoices.submittedAt,
      })
      .from(invoices)
      .innerJoin(users, eq(users.id, invoices.partnerId))
      .where(withStatus)
      .orderBy(desc(invoices.submittedAt), invoices.id)
      // One more than a page tells whether a next page exists.
      .limit(REVIEW_PAGE_SIZE + 1)
      .offset(Math.max(0, page - 1) * REVIEW_PAGE_SIZE),
    byFilters
      ? db
          .select({
            status: invoices.status,
            count: sql<number>`count(*)`.mapWith(Number),
            amountMinor: sql<number>`coalesce(sum(${invoices.amountMinor}), 0)`.mapWith(Number),
          })
          .from(invoices)
          .where(byFilters)
          .groupBy(invoices.status)
      : // Unfiltered, the totals are the agency's, kept as invoices change: summing every
        // invoice on each view would cost more each month.
        db
          .select({
            status: sql<InvoiceStatus>`${invoiceTotals.status}`,
            count: invoiceTotals.count,
            amountMinor: invoiceTotals.amountMinor,
          })
          .from(invoiceTotals)
          .where(gt(invoiceTotals.count, 0))
          .orderBy(invoiceTotals.status),
  ] as const;
}

/** The review list's page, whether a next one exists, and the totals, from their reads. */
export function invoicesForReviewFrom([rows, totals]: RowsOf<
  ReturnType<typeof readInvoicesForReview>
>) {
  return {
    rows: rows.slice(0, REVIEW_PAGE_SIZE),
    hasNextPage: rows.length > REVIEW_PAGE_SIZE,
    totals,
  };
}

/** One page of the review list, with totals per status for the same filters, in one round trip. */
export async function listInvoicesForReview(db: Database, filters: ReviewFilters, page: number) {
  return invoicesForReviewFrom(await db.batch(readInvoicesForReview(db, filters, page)));
}

/**
 * One invoice with its partner and whole history, for its partner or for finance; null for
 * anyone else (the page answers 404, as if it did not exist).
 */
export async function getInvoiceFor(db: Database, viewer: Viewer, invoiceId: string) {
  const [found, history] = await db.batch([
    db
      .select({
        invoice: invoices,
        partnerName: aliased(users.name, 'partner_name'),
        partnerEmail: aliased(users.email, 'partner_email'),
        partnerLocale: aliased(users.locale, 'partner_locale'),
        taxId: users.taxId,
        pixKey: users.pixKey,
        // Whether the scorecard pays the partner (the review's expected amount), in this read.
        partnerRoles: sql<
          string | null
        >`(select group_concat(${userRoles.role}) from ${userRoles} where ${userRoles.userId} = ${users.id})`,
      })
      .from(invoices)
      .innerJoin(users, eq(users.id, invoices.partnerId))
      .where(eq(invoices.id, invoiceId)),
    // Each event with who acted, for the history in sentences.
    readSubjectHistory(db, 'invoice', invoiceId),
  ]);
  const row = found[0];
  if (!row) return null;
  if (row.invoice.partnerId !== viewer.id && !mayReviewInvoices(viewer)) return null;
  return { ...row, history };
}

export type ReviewAction =
  | { kind: 'approve' }
  | { kind: 'divergence'; message: string }
  | { kind: 'paid'; paidOn: string };

// Which statuses each action may start from, and where it leads.
const TRANSITIONS: Record<ReviewAction['kind'], { from: InvoiceStatus[]; to: InvoiceStatus }> = {
  approve: { from: ['submitted'], to: 'approved' },
  divergence: { from: ['submitted', 'approved'], to: 'divergent' },
  paid: { from: ['approved'], to: 'paid' },
};

/** When an approved invoice was approved: its newest approval in the history, else its last change. */
export function approvedAtOf(found: {
  invoice: Pick<Invoice, 'updatedAt'>;
  history: { action: string; occurredAt: Date }[];
}): Date {
  // The history is newest first; an approved invoice changes no more until its next decision.
  return (
    found.history.find((event) => event.action === 'invoice_approved')?.occurredAt ??
    found.invoice.updatedAt
  );
}

export type ReviewProblem =
  | 'not_found'
  | 'wrong_status'
  | 'own_invoice'
  | `paid_on_${PaidOnProblem}`;

/**
 * Finance's decision on an invoice. Nobody decides on their own invoice; a payment date lies
 * between the approval day and today. The status moves only from where the action allows
 * (a second click, or two reviewers at once, change nothing more); the partner is e-mailed
 * and the decision recorded in the same batch, only if the status moved.
 */
export async function reviewInvoice(
  db: Database,
  rules: { agency: Pick<Policy['agency'], 'timeZone'> },
  review: { invoiceId: string; action: ReviewAction; actor: Actor; viewer: Viewer; origin: string },
  now: Date,
): Promise<
  | { ok: true; status: InvoiceStatus }
  // approvedOn: the approval day, the earliest payment date, for the refusal's message.
  | { ok: false; error: ReviewProblem; approvedOn?: string }
> {
  const found = await getInvoiceFor(db, review.viewer, review.invoiceId);
  if (!found || !mayReviewInvoices(review.viewer)) return { ok: false, error: 'not_found' };
  if (!mayDecideOnInvoice(review.viewer.id, found.invoice))
    return { ok: false, error: 'own_invoice' };
  const { action } = review;
  const { from, to } = TRANSITIONS[action.kind];
  if (!from.includes(found.invoice.status)) return { ok: false, error: 'wrong_status' };
  if (action.kind === 'paid') {
    const approvedAt = approvedAtOf(found);
    const problem = paidOnProblem(rules, action.paidOn, approvedAt, now);
    if (problem)
      return {
        ok: false,
        error: `paid_on_${problem}`,
        approvedOn: isoDateInZone(approvedAt, rules.agency.timeZone),
      };
  }
  const changes = {
    status: to,
    updatedAt: now,
    ...(action.kind === 'divergence' ? { divergenceMessage: action.message } : {}),
    ...(action.kind === 'paid' ? { paidOn: action.paidOn } : {}),
  };
  const moved = sql`exists (select 1 from ${invoices} where ${and(eq(invoices.id, review.invoiceId), eq(invoices.status, to), eq(invoices.updatedAt, now))})`;
  const news =
    action.kind === 'approve' ? 'approved' : action.kind === 'divergence' ? 'divergent' : 'paid';
  const mail = composeInvoiceMail(
    news,
    { name: found.partnerName, locale: found.partnerLocale },
    {
      ...found.invoice,
      paymentDate: action.kind === 'paid' ? action.paidOn : found.invoice.paymentDueOn,
      divergenceMessage: action.kind === 'divergence' ? action.message : null,
    },
    `${review.origin}${PARTNER_INVOICES_PAGE}`,
  );
  const [updated] = await db.batch([
    db
      .update(invoices)
      .set(changes)
      .where(and(eq(invoices.id, review.invoiceId), inArray(invoices.status, from)))
      .returning({ id: invoices.id }),
    queueMailWhen(
      db,
      {
        idempotencyKey: `invoice-${news}:${review.invoiceId}:${now.getTime()}`,
        to: found.partnerEmail,
        ...mail,
      },
      now,
      moved,
    ),
    recordEventWhen(
      db,
      {
        actorId: review.actor.id,
        action: `invoice_${news}`,
        subjectType: 'invoice',
        subjectId: review.invoiceId,
        ip: review.actor.ip,
        data:
          action.kind === 'approve'
            ? {}
            : action.kind === 'divergence'
              ? { message: action.message }
              : { paidOn: action.paidOn },
      },
      now,
      moved,
    ),
  ]);
  return updated.length > 0 ? { ok: true, status: to } : { ok: false, error: 'wrong_status' };
}
