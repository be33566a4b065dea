import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { invoices, users } from '../../../db/schema/index.ts';
import { invoiceWindowAt, isoDateInZone, type Policy } from '../../policy/index.ts';
import { recordEventWhen } from '../audit/record-event.ts';
import { cleanFileName } from '../files/file-names.ts';
import { createFileKey, type FileStore, sha256OfBytes } from '../files/file-store.ts';
import { detectFileType } from '../files/file-type.ts';
import { queueMailWhen } from '../mail/outbox.ts';
import { checkIssueDate, type InvoiceInput } from './invoice-input.ts';
import { composeInvoiceMail } from './invoice-mail.ts';

type Partner = { id: string; name: string; email: string; locale: string };

export type SubmitInvoiceResult =
  | { ok: true; invoiceId: string; corrected: boolean }
  | { ok: false; error: 'window_closed'; opensOn: string; closesOn: string }
  | { ok: false; error: 'issue_date'; messageKey: NonNullable<ReturnType<typeof checkIssueDate>> }
  | {
      ok: false;
      error:
        | 'profile_incomplete'
        | 'already_submitted'
        | 'duplicate_file'
        | 'not_pdf'
        | 'too_large';
    };

/** Where a partner follows their invoices. */
export const PARTNER_INVOICES_PAGE = '/partner/invoices';

/**
 * Registers the partner's invoice for the competence month the open window accepts, or
 * replaces it after a divergence. The window, the competence month and the payment date
 * come from the policy at this instant (a form kept open past the window is refused). The
 * PDF is checked by its bytes. Two identical submissions at once make one invoice: the
 * database keeps one row per partner and month, and the loser's stored file is removed.
 */
export async function submitInvoice(
  deps: { db: Database; files: FileStore },
  rules: Pick<Policy, 'invoices' | 'holidays' | 'agency'>,
  submission: { partner: Partner; input: InvoiceInput; ip: string | null; origin: string },
  now: Date,
): Promise<SubmitInvoiceResult> {
  const { db, files } = deps;
  const { partner, input } = submission;
  const { open, window } = invoiceWindowAt(now, rules);
  if (!open)
    return {
      ok: false,
      error: 'window_closed',
      opensOn: window.opensOn,
      closesOn: window.closesOn,
    };
  const dateProblem = checkIssueDate(
    input.issueDate,
    window.competenceMonth,
    isoDateInZone(now, rules.agency.timeZone),
  );
  if (dateProblem) return { ok: false, error: 'issue_date', messageKey: dateProblem };
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  if (bytes.byteLength > rules.invoices.maxPdfBytes) return { ok: false, error: 'too_large' };
  if (detectFileType(bytes)?.kind !== 'pdf') return { ok: false, error: 'not_pdf' };
  const sha256 = await sha256OfBytes(bytes);

  const [profile, existing, sameFile] = await db.batch([
    db
      .select({ taxId: users.taxId, pixKey: users.pixKey })
      .from(users)
      .where(eq(users.id, partner.id)),
    db
      .select({
        id: invoices.id,
        status: invoices.status,
        number: invoices.number,
        amountMinor: invoices.amountMinor,
        fileKey: invoices.fileKey,
        fileSha256: invoices.fileSha256,
      })
      .from(invoices)
      .where(
        and(
          eq(invoices.partnerId, partner.id),
          eq(invoices.competenceMonth, window.competenceMonth),
        ),
      ),
    db
      .select({ id: invoices.id, competenceMonth: invoices.competenceMonth })
      .from(invoices)
      .where(and(eq(invoices.partnerId, partner.id), eq(invoices.fileSha256, sha256))),
  ]);
  if (!profile[0]?.taxId || !profile[0]?.pixKey) return { ok: false, error: 'profile_incomplete' };
  const current = existing[0];
  if (current && current.status !== 'divergent') return { ok: false, error: 'already_submitted' };
  if (sameFile.some((invoice) => invoice.id !== current?.id))
    return { ok: false, error: 'duplicate_file' };

  const stored = await files.put(createFileKey('invoices', now), bytes, 'application/pdf');
  const invoiceId = current?.id ?? crypto.randomUUID();
  const fields = {
    number: input.number,
    issueDate: input.issueDate,
    amountMinor: input.amount,
    currency: rules.agency.currency,
    note: input.note,
    fileKey: stored.key,
    fileName: cleanFileName(input.file.name, 'application/pdf', 'fatura'),
    fileSize: stored.size,
    fileSha256: sha256,
    submittedMonth: window.month,
    paymentDueOn: window.paymentDate,
    submittedAt: now,
    updatedAt: now,
  };
  // The mail and the event are written only if this request's row is the one stored.
  const stored_ = and(eq(invoices.id, invoiceId), eq(invoices.fileKey, stored.key));
  const guard = sql`exists (select 1 from ${invoices} where ${stored_})`;
  const mail = composeInvoiceMail(
    'received',
    partner,
    { ...fields, competenceMonth: window.competenceMonth, paymentDate: window.paymentDate },
    `${submission.origin}${PARTNER_INVOICES_PAGE}`,
  );
  try {
    const [written] = await db.batch([
      current
        ? db
            .update(invoices)
            .set({ ...fields, status: 'submitted', divergenceMessage: null })
            .where(and(eq(invoices.id, invoiceId), eq(invoices.status, 'divergent')))
            .returning({ id: invoices.id })
        : db
            .insert(invoices)
            .values({
              id: invoiceId,
              partnerId: partner.id,
              competenceMonth: window.competenceMonth,
              status: 'submitted',
              ...fields,
            })
            .onConflictDoNothing()
            .returning({ id: invoices.id }),
      queueMailWhen(
        db,
        {
          idempotencyKey: `invoice-received:${invoiceId}:${stored.key}`,
          to: partner.email,
          ...mail,
        },
        now,
        guard,
      ),
      recordEventWhen(
        db,
        {
          actorId: partner.id,
          action: current ? 'invoice_corrected' : 'invoice_submitted',
          subjectType: 'invoice',
          subjectId: invoiceId,
          ip: submission.ip,
          data: {
            number: input.number,
            amountMinor: input.amount,
            fileSha256: sha256,
            // A correction keeps what it replaced: the earlier PDF stays stored (the sweep
            // spares files an event points at) and readable from the history.
            ...(current
              ? {
                  previous: {
                    number: current.number,
                    amountMinor: current.amountMinor,
                    fileSha256: current.fileSha256,
                  },
                  previousFileKey: current.fileKey,
                }
              : {}),
          },
        },
        now,
        guard,
      ),
    ]);
    if (written.length === 0) {
      await files.delete(stored.key);
      return { ok: false, error: 'already_submitted' };
    }
  } catch (error) {
    // Nothing points at the file: remove it, so a failed write leaves no orphan behind.
    await files.delete(stored.key);
    throw error;
  }
  return { ok: true, invoiceId, corrected: Boolean(current) };
}
