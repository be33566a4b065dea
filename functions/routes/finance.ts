import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { formatDate } from '../../src/i18n/index.ts';
import { policy } from '../../src/policy/index.ts';
import { contentDisposition } from '../../src/server/files/file-names.ts';
import { fieldMessage, isRealDate } from '../../src/server/forms/input-fields.ts';
import { exportPaymentsCsv } from '../../src/server/invoices/invoice-csv.ts';
import { type ReviewAction, reviewInvoice } from '../../src/server/invoices/review-invoices.ts';
import type { ApiEnv } from '../http/api-env.ts';
import { actingPerson, requestOrigin } from '../http/client-info.ts';
import { readInput } from '../http/read-input.ts';
import { done, refuse, refuseAction } from '../http/respond.ts';

const isoDate = z.string().trim().refine(isRealDate, fieldMessage('fields.invalidDate'));
const divergenceInput = z.object({
  message: z
    .string()
    .trim()
    .max(2000)
    .refine((v) => v.length > 0, fieldMessage('fields.messageRequired')),
});
const paidInput = z.object({ paidOn: isoDate });
const monthQuery = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

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
    if (result.error === 'own_invoice')
      return refuse(c, {
        status: 403,
        code: 'own_invoice',
        messageKey: 'finance.ownInvoice',
        back: invoicePage(invoiceId),
      });
    if (result.error === 'paid_on_before_approval' || result.error === 'paid_on_in_future')
      return refuse(c, {
        status: 400,
        code: 'validation',
        field: 'paidOn',
        ...(result.error === 'paid_on_in_future'
          ? { messageKey: 'finance.paidOnInFuture' }
          : {
              messageKey: 'finance.paidOnBeforeApproval',
              params: {
                date: formatDate(
                  new Date(`${result.approvedOn}T12:00:00Z`),
                  c.get('locale'),
                  'UTC',
                ),
              },
            }),
        back: invoicePage(invoiceId),
      });
    return refuseAction(c, result.error, 'invoice', invoicePage(invoiceId));
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
    const month = monthQuery.safeParse(c.req.query('month'));
    if (!month.success)
      return refuse(c, {
        status: 400,
        code: 'validation',
        messageKey: 'fields.invalidDate',
        field: 'month',
      });
    const t = c.get('t');
    const headers = (
      ['partner', 'taxId', 'pixKey', 'number', 'amount', 'currency', 'paymentDate'] as const
    ).map((key) => t(`finance.csvHeaders.${key}`));
    const csv = await exportPaymentsCsv(c.get('deps').db, month.data, headers);
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': contentDisposition('attachment', `pagamentos-${month.data}.csv`),
    });
  });
