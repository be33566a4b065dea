import { Hono } from 'hono';
import { formatCalendarDate, type MessageParams } from '../../src/i18n/index.ts';
import { invoiceWindowAt, policy } from '../../src/policy/index.ts';
import { contentDisposition } from '../../src/server/files/file-names.ts';
import { invoiceInput } from '../../src/server/invoices/invoice-input.ts';
import { INVOICE_REFUSALS } from '../../src/server/invoices/invoice-refusals.ts';
import { getInvoiceFor } from '../../src/server/invoices/review-invoices.ts';
import { PARTNER_INVOICES_PAGE, submitInvoice } from '../../src/server/invoices/submit-invoice.ts';
import { invoiceWindowIcs } from '../../src/server/invoices/window-calendar-file.ts';
import type { ApiEnv } from '../http/api-env.ts';
import { clientIp, requestOrigin, signedIn } from '../http/client-info.ts';
import { fileHeaders } from '../http/file-headers.ts';
import { readInput } from '../http/read-input.ts';
import { done, refuseWith } from '../http/respond.ts';

const MB = 1024 * 1024;

/** A partner's own invoices: submit (or correct), the window as .ics, the PDF. */
export const invoiceRoutes = new Hono<ApiEnv>()
  .post('/', async (c) => {
    const input = await readInput(c, invoiceInput);
    const { db, files, clock } = c.get('deps');
    const { user } = signedIn(c);
    const result = await submitInvoice(
      { db, files },
      policy,
      { partner: user, input, ip: clientIp(c), origin: requestOrigin(c) },
      clock(),
    );
    const day = (iso: string) => formatCalendarDate(iso, c.get('locale'));
    if (!result.ok) {
      const params: MessageParams =
        result.error === 'window_closed'
          ? { opens: day(result.opensOn), closes: day(result.closesOn) }
          : result.error === 'issue_date'
            ? { month: invoiceWindowAt(clock(), policy).window.competenceMonth }
            : { mb: policy.invoices.maxPdfBytes / MB };
      return refuseWith(c, INVOICE_REFUSALS, result.error, {
        back: PARTNER_INVOICES_PAGE,
        params,
        messageKey: result.error === 'issue_date' ? result.messageKey : undefined,
      });
    }
    return done(c, {
      location: PARTNER_INVOICES_PAGE,
      body: { id: result.invoiceId, corrected: result.corrected },
      // What happens next: finance's review before the payment date, corrections until the close.
      notice: result.corrected ? 'invoices.corrected' : 'invoices.submitted',
      params: { payment: day(result.paymentDate), closes: day(result.closesOn) },
    });
  })
  .get('/window.ics', (c) => {
    const now = c.get('deps').clock();
    const { window } = invoiceWindowAt(now, policy);
    const t = c.get('t');
    const ics = invoiceWindowIcs(
      window,
      {
        summary: t('invoices.calendarSummary', { month: window.month }),
        description: t('invoices.calendarDescription', { competence: window.competenceMonth }),
      },
      now,
    );
    return c.body(ics, 200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': contentDisposition('attachment', `ponte-faturas-${window.month}.ics`),
    });
  })
  .get('/:id/pdf', async (c) => {
    const { db, files } = c.get('deps');
    const found = await getInvoiceFor(db, signedIn(c).user, c.req.param('id'));
    const object = found ? await files.get(found.invoice.fileKey) : null;
    if (!found || !object) return refuseWith(c, INVOICE_REFUSALS, 'not_found');
    // Inline to read it in the browser, or as a download.
    const disposition = c.req.query('download') === '1' ? 'attachment' : 'inline';
    const { fileName, fileSize } = found.invoice;
    return c.body(
      object.body,
      200,
      fileHeaders(
        disposition,
        { contentType: 'application/pdf', fileName, size: fileSize },
        'fatura',
      ),
    );
  });
