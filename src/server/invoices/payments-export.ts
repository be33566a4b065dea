import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { invoices, users } from '../../../db/schema/index.ts';
import type { Locale } from '../../i18n/index.ts';
import { formatTaxId } from '../partners/tax-id.ts';
import { toCsv } from './invoice-csv.ts';

/**
 * The two payments files: `bank` as bank imports read it (commas, 1234.50, 2026-03-31, tax
 * ids as digits), `spreadsheet` as a spreadsheet in the reader's language opens it (in pt-BR:
 * semicolons, 1234,50, 31/03/2026, 529.982.247-25).
 */
export const PAYMENTS_FORMATS = ['bank', 'spreadsheet'] as const;
export type PaymentsFormat = (typeof PAYMENTS_FORMATS)[number];

type Payment = {
  partner: string;
  taxId: string | null;
  pixKey: string | null;
  number: string;
  amountMinor: number;
  currency: string;
  paymentDate: string;
};

/** Minor units as a plain decimal ("1234.50"), the form banks and accountants import. */
const plainDecimal = (minor: number) =>
  `${Math.trunc(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;

/** How a spreadsheet in a locale reads numbers and dates, and which separator it splits on. */
function spreadsheetFormat(locale: Locale) {
  const number = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    // A grouping mark would make the cell text, not a number.
    useGrouping: false,
  });
  const date = new Intl.DateTimeFormat(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const decimalMark = number.formatToParts(1.5).find((part) => part.type === 'decimal')?.value;
  return {
    // Where the comma marks decimals (pt-BR, ru), Excel and LibreOffice split on semicolons.
    delimiter: decimalMark === ',' ? (';' as const) : (',' as const),
    amount: (minor: number) => number.format(minor / 100),
    day: (iso: string) => date.format(new Date(`${iso}T12:00:00Z`)),
  };
}

/** The payments as rows of a file in a format: the header first, then one row per invoice. */
export function paymentsFile(
  payments: Payment[],
  headers: string[],
  format: PaymentsFormat,
  locale: Locale,
): string {
  const sheet = spreadsheetFormat(locale);
  const rows = payments.map((p) =>
    format === 'bank'
      ? [
          p.partner,
          p.taxId,
          p.pixKey,
          p.number,
          plainDecimal(p.amountMinor),
          p.currency,
          p.paymentDate,
        ]
      : [
          p.partner,
          p.taxId ? formatTaxId(p.taxId) : null,
          p.pixKey,
          p.number,
          sheet.amount(p.amountMinor),
          p.currency,
          sheet.day(p.paymentDate),
        ],
  );
  // A byte-order mark, so spreadsheets read the accents as UTF-8.
  return `\uFEFF${toCsv([headers, ...rows], format === 'bank' ? ',' : sheet.delimiter)}`;
}

/**
 * The approved (and paid) invoices submitted in a month, as a UTF-8 CSV in the format asked
 * for, with CRLF line ends. The payment date is the day it was paid, else the day it is due.
 */
export async function exportPaymentsCsv(
  db: Database,
  request: { month: string; format: PaymentsFormat; locale: Locale },
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
      paymentDueOn: invoices.paymentDueOn,
      paidOn: invoices.paidOn,
    })
    .from(invoices)
    .innerJoin(users, eq(users.id, invoices.partnerId))
    .where(
      and(
        eq(invoices.submittedMonth, request.month),
        inArray(invoices.status, ['approved', 'paid']),
      ),
    )
    .orderBy(users.name);
  const payments = rows.map((row) => ({ ...row, paymentDate: row.paidOn ?? row.paymentDueOn }));
  return paymentsFile(payments, headers, request.format, request.locale);
}
