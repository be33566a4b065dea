import { stringify } from 'csv-stringify/sync';

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
 * Rows as CSV (RFC 4180, CRLF): every cell's formula disarmed, and quoted when it holds the
 * separator, a semicolon (Excel in pt-BR splits on it), a tab, a line break or a quote.
 * The separator is a comma, or a semicolon for spreadsheets whose decimal mark is a comma.
 */
export function toCsv(rows: Cell[][], delimiter: ',' | ';' = ','): string {
  return stringify(
    rows.map((row) => row.map(disarmFormula)),
    {
      delimiter,
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
