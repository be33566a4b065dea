import { and, eq, ne, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Database } from '../../../db/client.ts';
import { insertWhen } from '../../../db/insert-when.ts';
import { events, invoices, outbox, users } from '../../../db/schema/index.ts';
import { invoiceWindowAt, isoDateInZone, type Policy } from '../../policy/index.ts';
import { recordEventWhen } from '../audit/record-event.ts';
import { cleanFileName } from '../files/file-names.ts';
import { createFileKey, type FileStore, sha256OfBytes } from '../files/file-store.ts';
import { detectFileType } from '../files/file-type.ts';
import { mailRow } from '../mail/outbox.ts';
import { checkIssueDate, type InvoiceInput } from './invoice-input.ts';
import { composeInvoiceMail } from './invoice-mail.ts';

type Partner = { id: string; name: string; email: string; locale: string };

export type SubmitInvoiceResult =
  // The window's dates, for the confirmation's "what happens next".
  | { ok: true; invoiceId: string; corrected: boolean; paymentDate: string; closesOn: string }
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
  // The file is stored first, so one batch can check and write at once (two round trips with
  // the session's, not three); a refusal removes the file again.
  const stored = await files.put(createFileKey('invoices', now), bytes, 'application/pdf', sha256);
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
  const newId = crypto.randomUUID();
  const mail = composeInvoiceMail(
    'received',
    partner,
    { ...fields, competenceMonth: window.competenceMonth, paymentDate: window.paymentDate },
    `${submission.origin}${PARTNER_INVOICES_PAGE}`,
  );
  const thisMonth = and(
    eq(invoices.partnerId, partner.id),
    eq(invoices.competenceMonth, window.competenceMonth),
  );
  // What every write below requires, as the batch runs: the profile complete, and no other
  // invoice of the partner with this PDF (a correction may resend its own).
  const profileComplete = sql`exists (select 1 from ${users} where ${users.id} = ${partner.id} and coalesce(${users.taxId}, '') <> '' and coalesce(${users.pixKey}, '') <> '')`;
  const other = alias(invoices, 'other');
  const fileUnused = notExists(
    db
      .select({ id: other.id })
      .from(other)
      .where(
        and(
          eq(other.partnerId, partner.id),
          eq(other.fileSha256, sha256),
          ne(other.id, invoices.id),
        ),
      ),
  );
  // A divergent invoice of this month is corrected: the same row, read by the event first.
  const correctable = and(thisMonth, eq(invoices.status, 'divergent'), profileComplete, fileUnused);
  // The mail and the events are written only if this request's row is the one stored.
  const storedHere = and(thisMonth, eq(invoices.fileKey, stored.key));
  const event = {
    actorId: partner.id,
    subjectType: 'invoice',
    ip: submission.ip,
  };
  try {
    const [profile, existing, sameFile, , corrected, submitted] = await db.batch([
      // The state before the writes, to name the refusal when nothing is written.
      db
        .select({ taxId: users.taxId, pixKey: users.pixKey })
        .from(users)
        .where(eq(users.id, partner.id)),
      db.select({ id: invoices.id, status: invoices.status }).from(invoices).where(thisMonth),
      db
        .select({ id: invoices.id })
        .from(invoices)
        .where(and(eq(invoices.partnerId, partner.id), eq(invoices.fileSha256, sha256))),
      // A correction keeps what it replaced: the earlier PDF stays stored (the sweep spares
      // files an event points at) and readable from the history.
      insertWhen(
        db,
        events,
        {
          ...event,
          action: 'invoice_corrected',
          subjectId: invoices.id,
          occurredAt: now,
          data: sql`json_object('number', ${input.number}, 'amountMinor', ${input.amount}, 'fileSha256', ${sha256}, 'previous', json_object('number', ${invoices.number}, 'amountMinor', ${invoices.amountMinor}, 'fileSha256', ${invoices.fileSha256}), 'previousFileKey', ${invoices.fileKey})`,
        },
        correctable,
        invoices,
      ),
      db
        .update(invoices)
        .set({ ...fields, status: 'submitted', divergenceMessage: null })
        .where(correctable)
        .returning({ id: invoices.id }),
      // A first invoice; one per partner and month, and per file: a second is no conflict.
      insertWhen(
        db,
        invoices,
        {
          id: newId,
          partnerId: partner.id,
          competenceMonth: window.competenceMonth,
          status: 'submitted',
          ...fields,
        },
        profileComplete,
      )
        .onConflictDoNothing()
        .returning({ id: invoices.id }),
      recordEventWhen(
        db,
        {
          ...event,
          action: 'invoice_submitted',
          subjectId: newId,
          data: { number: input.number, amountMinor: input.amount, fileSha256: sha256 },
        },
        now,
        sql`exists (select 1 from ${invoices} where ${and(eq(invoices.id, newId), eq(invoices.fileKey, stored.key))})`,
      ),
      insertWhen(
        db,
        outbox,
        {
          ...mailRow({ idempotencyKey: '', to: partner.email, ...mail }, now),
          idempotencyKey: sql`'invoice-received:' || ${invoices.id} || ':' || ${stored.key}`,
        },
        storedHere,
        invoices,
      ).onConflictDoNothing({ target: outbox.idempotencyKey }),
    ]);
    const written = corrected[0] ?? submitted[0];
    if (written)
      return {
        ok: true,
        invoiceId: written.id,
        corrected: corrected.length > 0,
        paymentDate: window.paymentDate,
        closesOn: window.closesOn,
      };
    await files.delete(stored.key);
    if (!profile[0]?.taxId || !profile[0]?.pixKey)
      return { ok: false, error: 'profile_incomplete' };
    const current = existing[0];
    if (current && current.status !== 'divergent') return { ok: false, error: 'already_submitted' };
    if (sameFile.some((invoice) => invoice.id !== current?.id))
      return { ok: false, error: 'duplicate_file' };
    // Checks passed but another request of the partner wrote first.
    return { ok: false, error: 'already_submitted' };
  } catch (error) {
    // Nothing points at the file: remove it, so a failed write leaves no orphan behind.
    await files.delete(stored.key);
    throw error;
  }
}
