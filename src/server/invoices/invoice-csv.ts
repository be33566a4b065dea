import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { invoices, users } from '../../../db/schema/index.ts';

/** One CSV field, quoted when it holds a separator, a quote or a line break (RFC 4180). */
export function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  // A leading = or @, or + and - before anything but a number (a phone PIX key is one),
  // would run as a formula in a spreadsheet.
  const formula = /^[=@]/.test(text) || (/^[+-]/.test(text) && !/^[+-]\d+(\.\d+)?$/.test(text));
  const safe = formula ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Minor units as a plain decimal ("1234.50"), the form banks and accountants import. */
const decimal = (minor: number) =>
  `${Math.trunc(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;

/**
 * The approved (and paid) invoices submitted in a month, as a UTF-8 CSV with a byte-order
 * mark (so spreadsheets read the accents) and CRLF line ends.
 */
export async function exportPaymentsCsv(
  db: Database,
  month: string,
  headers: string[],
): Promise<string> {
  const rows = await db
    .select({
      partner: users.name,
      taxId: users.taxId,
      pixKey: users.pixKey,
      number: invoices.number,
      amountMinor: invoices.amountMinor,
      currency: invoices.currency,
      paymentDate: invoices.paymentDueOn,
      paidOn: invoices.paidOn,
    })
    .from(invoices)
    .innerJoin(users, eq(users.id, invoices.partnerId))
    .where(and(eq(invoices.submittedMonth, month), inArray(invoices.status, ['approved', 'paid'])))
    .orderBy(users.name);
  const lines = [
    headers.map(csvField).join(','),
    ...rows.map((row) =>
      [
        row.partner,
        row.taxId,
        row.pixKey,
        row.number,
        decimal(row.amountMinor),
        row.currency,
        row.paidOn ?? row.paymentDate,
      ]
        .map(csvField)
        .join(','),
    ),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
