import { Hono } from 'hono';
import { formatDate } from '../../src/i18n/index.ts';
import { invoiceWindowAt, policy } from '../../src/policy/index.ts';
import { cleanFileName, contentDisposition } from '../../src/server/files/file-names.ts';
import { invoiceInput } from '../../src/server/invoices/invoice-input.ts';
import { getInvoiceFor } from '../../src/server/invoices/review-invoices.ts';
import { PARTNER_INVOICES_PAGE, submitInvoice } from '../../src/server/invoices/submit-invoice.ts';
import { invoiceWindowIcs } from '../../src/server/invoices/window-calendar-file.ts';
import type { ApiEnv } from '../http/api-env.ts';
import { clientIp, requestOrigin, signedIn } from '../http/client-info.ts';
import { readInput } from '../http/read-input.ts';
import { done, refuse } from '../http/respond.ts';

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
    const back = PARTNER_INVOICES_PAGE;
    if (result.ok) {
      return done(c, {
        location: back,
        body: { id: result.invoiceId, corrected: result.corrected },
        notice: 'invoices.submitted',
      });
    }
    const locale = c.get('locale');
    const day = (iso: string) => formatDate(new Date(`${iso}T12:00:00Z`), locale, 'UTC');
    switch (result.error) {
      case 'window_closed':
        return refuse(c, {
          status: 409,
          code: 'window_closed',
          messageKey: 'errors.windowClosed',
          params: { opens: day(result.opensOn), closes: day(result.closesOn) },
          back,
        });
      case 'issue_date':
        return refuse(c, {
          status: 400,
          code: 'validation',
          messageKey: result.messageKey,
          params: { month: invoiceWindowAt(clock(), policy).window.competenceMonth },
          field: 'issueDate',
          back,
        });
      case 'profile_incomplete':
        return refuse(c, {
          status: 409,
          code: 'profile_incomplete',
          messageKey: 'errors.profileIncomplete',
          back,
        });
      case 'already_submitted':
        return refuse(c, {
          status: 409,
          code: 'already_submitted',
          messageKey: 'errors.alreadySubmitted',
          back,
        });
      case 'duplicate_file':
        return refuse(c, {
          status: 409,
          code: 'duplicate_file',
          messageKey: 'errors.duplicateFile',
          field: 'file',
          back,
        });
      case 'too_large':
        return refuse(c, {
          status: 413,
          code: 'too_large',
          messageKey: 'fields.pdfTooLarge',
          params: { mb: policy.invoices.maxPdfBytes / MB },
          field: 'file',
          back,
        });
      default:
        return refuse(c, {
          status: 415,
          code: 'not_pdf',
          messageKey: 'fields.notPdf',
          field: 'file',
          back,
        });
    }
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
    if (!found || !object)
      return refuse(c, { status: 404, code: 'not_found', messageKey: 'errors.notFound' });
    // Inline to read it in the browser, or as a download; never sniffed, its name cleaned again
    // (names stored before the cleaning rules were what they are now).
    const disposition = c.req.query('download') === '1' ? 'attachment' : 'inline';
    return c.body(object.body, 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': contentDisposition(
        disposition,
        cleanFileName(found.invoice.fileName, 'application/pdf', 'fatura'),
      ),
      'Content-Length': String(found.invoice.fileSize),
    });
  });
