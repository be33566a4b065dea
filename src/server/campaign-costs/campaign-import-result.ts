// What reading an ads manager export gives: the figures and what was recognised, or why
// the file cannot be imported.
import type { AdPlacement } from '../../../db/schema/campaign-costs.ts';
import type { DayFigures } from './cost-rules.ts';
import type { ExportColumn, HeaderLanguage } from './export-parser-columns.ts';
import type { DecimalMark } from './export-parser-values.ts';

/** A campaign's figures for a day and placement, with the export's result indicator as written. */
export type ImportedDay = DayFigures & { resultIndicator: string | null };

/** A row read but not imported, and why (the preview lists them). */
export type SkippedRow = { line: number; reason: 'totals' };

/** An export read: its figures, and what the preview shows was recognised and what was not. */
export type ParsedImport = {
  ok: true;
  currency: string;
  // YYYY-MM-DD: the days the import covers, replacing what earlier imports had for them.
  firstDay: string;
  lastDay: string;
  rows: ImportedDay[];
  // The export's data rows read (before placements were folded and summed).
  readRows: number;
  campaigns: string[];
  placements: AdPlacement[];
  platforms: string[];
  columns: { column: ExportColumn; header: string }[];
  unknownColumns: string[];
  skipped: SkippedRow[];
  language: HeaderLanguage;
  decimalMark: DecimalMark;
  delimiter: string;
};

/** Why an export cannot be imported; nothing is saved. `line` is the file's line. */
export type ImportProblemCode =
  | 'empty'
  | 'too_large'
  | 'not_text'
  | 'spreadsheet'
  | 'unreadable'
  | 'too_many_rows'
  | 'missing_columns'
  | 'no_rows'
  | 'no_currency'
  | 'unknown_currency'
  | 'mixed_currencies'
  | 'mixed_number_formats'
  | 'bad_number'
  | 'too_many_decimals'
  | 'long_campaign_name'
  | 'bad_date'
  | 'spans_days';

export type ImportProblem = {
  ok: false;
  problem: ImportProblemCode;
  line?: number;
  // What the message names: the missing headers, the cell as written, the currencies.
  detail?: string;
};
