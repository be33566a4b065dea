import { stringify } from 'csv-stringify/sync';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { invoices, users } from '../../../db/schema/index.ts';

type Cell = string | number | null;

// What makes a spreadsheet read a cell as a formula: = + - @, and tab and CR before them
// (also in their full-width forms, which some spreadsheets fold into the ASCII ones).
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
// A sign before a plain number is no formula (a phone PIX key is one): kept as typed.
const SIGNED_NUMBER = /^[+-]\d+(\.\d+)?$/;

/** A cell's text with a formula disarmed by a leading apostrophe (OWASP's CSV injection advice). */
export function disarmFormula(value: Cell): string {
  const text = value === null ? '' : String(value);
  return FORMULA_START.test(text) && !SIGNED_NUMBER.test(text) ? `'${text}` : text;
}

/**
 * Rows as CSV (RFC 4180, CRLF): every cell's formula disarmed, and quoted when it holds a
 * comma, a semicolon (Excel in pt-BR splits on it), a tab, a line break or a quote.
 */
export function toCsv(rows: Cell[][]): string {
  return stringify(
    rows.map((row) => row.map(disarmFormula)),
    {
      delimiter: ',',
      record_delimiter: 'windows',
      // A lone CR or LF ends a row for a spreadsheet, though the record delimiter is CRLF.
      quote_record_delimiter: true,
      quoted_match: /[;\t]/,
    },
  );
}

/** One CSV field, as toCsv writes it. */
export function csvField(value: Cell): string {
  return toCsv([[value]]).replace(/\r\n$/, '');
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
  const csv = toCsv([
    headers,
    ...rows.map((row) => [
      row.partner,
      row.taxId,
      row.pixKey,
      row.number,
      decimal(row.amountMinor),
      row.currency,
      row.paidOn ?? row.paymentDate,
    ]),
  ]);
  return `\uFEFF${csv}`;
}
