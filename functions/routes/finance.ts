import type { Context } from 'hono';
import { Hono } from 'hono';
import { formatCalendarDate } from '../../src/i18n/index.ts';
import { policy } from '../../src/policy/index.ts';
import { contentDisposition } from '../../src/server/files/file-names.ts';
import { INVOICE_REFUSALS } from '../../src/server/invoices/invoice-refusals.ts';
import { exportPaymentsCsv } from '../../src/server/invoices/payments-export.ts';
import {
  divergenceInput,
  paidInput,
  paymentsQuery,
} from '../../src/server/invoices/review-input.ts';
import { type ReviewAction, reviewInvoice } from '../../src/server/invoices/review-invoices.ts';
import type { ApiEnv } from '../http/api-env.ts';
import { actingPerson, requestOrigin } from '../http/client-info.ts';
import { readInput } from '../http/read-input.ts';
import { done, refuseWith } from '../http/respond.ts';

const invoicePage = (id: string) => `/review/invoices/${encodeURIComponent(id)}`;

/** Runs a review action and answers for it (the one place the outcomes map to HTTP). */
async function review(
  c: Context<ApiEnv>,
  action: ReviewAction,
  notice: 'finance.approved' | 'finance.divergent' | 'finance.paid',
) {
  const { db, clock } = c.get('deps');
  const invoiceId = c.req.param('id') ?? '';
  const result = await reviewInvoice(
    db,
    policy,
    {
      invoiceId,
      action,
      ...actingPerson(c),
      viewer: actingPerson(c).user,
      origin: requestOrigin(c),
    },
    clock(),
  );
  if (!result.ok) {
    // The day it was approved, which a payment date may not precede.
    const approvedOn = result.approvedOn
      ? formatCalendarDate(result.approvedOn, c.get('locale'))
      : '';
    return refuseWith(c, INVOICE_REFUSALS, result.error, {
      back: invoicePage(invoiceId),
      params: { date: approvedOn },
    });
  }
  return done(c, { location: invoicePage(invoiceId), body: { status: result.status }, notice });
}

/** Finance (and admins): review decisions and the payments export. See ACCESS_RULES. */
export const financeRoutes = new Hono<ApiEnv>()
  .post('/invoices/:id/approve', (c) => review(c, { kind: 'approve' }, 'finance.approved'))
  .post('/invoices/:id/divergence', async (c) => {
    const { message } = await readInput(c, divergenceInput);
    return review(c, { kind: 'divergence', message }, 'finance.divergent');
  })
  .post('/invoices/:id/paid', async (c) => {
    const { paidOn } = await readInput(c, paidInput);
    return review(c, { kind: 'paid', paidOn }, 'finance.paid');
  })
  .get('/payments.csv', async (c) => {
    // Without a format, the bank's file, as before there were two.
    const query = paymentsQuery.safeParse(c.req.query());
    if (!query.success) return refuseWith(c, INVOICE_REFUSALS, 'invalid_month');
    const { month, format } = query.data;
    const t = c.get('t');
    const headers = (
      ['partner', 'taxId', 'pixKey', 'number', 'amount', 'currency', 'paymentDate'] as const
    ).map((key) => t(`finance.csvHeaders.${key}`));
    const locale = c.get('locale');
    const csv = await exportPaymentsCsv(c.get('deps').db, { month, format, locale }, headers);
    const name = format === 'bank' ? `pagamentos-${month}.csv` : `pagamentos-${month}-planilha.csv`;
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': contentDisposition('attachment', name),
    });
  });
