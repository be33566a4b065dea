// Reads the text of an ads manager export (CSV) into each campaign's figures per day and
// placement, or says what is wrong with it. Pure: no database, no clock.
import { parse } from 'csv-parse/sync';
import type { AdPlacement } from '../../../db/schema/campaign-costs.ts';
import type { Policy } from '../../policy/index.ts';
import type {
  ImportedDay,
  ImportProblem,
  ParsedImport,
  SkippedRow,
} from './campaign-import-result.ts';
import {
  type ExportColumn,
  type ExportLayout,
  expectedHeader,
  type HeaderLanguage,
  missingColumns,
  readLayout,
} from './export-parser-columns.ts';
import { decimalMarkOf } from './export-parser-marks.ts';
import { foldRows, type ReadRow } from './export-parser-rows.ts';
import {
  campaignNameOf,
  type DecimalMark,
  foldPlacement,
  isTotalsRow,
  minorUnitDigits,
  objectiveOf,
  readCount,
  readDay,
  readMinorUnits,
} from './export-parser-values.ts';

export type ExportRules = Pick<Policy, 'campaignImports'>;

const DELIMITERS = [',', ';', '\t'] as const;
// A line longer than this is not an export's (a file of junk): csv-parse stops there.
const MAX_LINE_CHARS = 64 * 1024;

type Delimiter = (typeof DELIMITERS)[number];
type Cells = string[];

/** The header row as each delimiter splits it; the one that recognises most columns wins. */
function findLayout(text: string): { delimiter: Delimiter; layout: ExportLayout } | null {
  let best: { delimiter: Delimiter; layout: ExportLayout; score: number } | null = null;
  for (const delimiter of DELIMITERS) {
    let header: Cells | undefined;
    try {
      [header] = parse(text, { delimiter, bom: true, to_line: 1, max_record_size: MAX_LINE_CHARS });
    } catch {
      continue;
    }
    if (!header) continue;
    const layout = readLayout(header);
    const score = Object.keys(layout.index).length;
    if (score > (best?.score ?? 0)) best = { delimiter, layout, score };
  }
  return best;
}

/** The rows after the header, each with the line it starts on; a problem when unreadable. */
function readRecords(
  text: string,
  delimiter: Delimiter,
  maxRows: number,
): { line: number; cells: Cells }[] | ImportProblem {
  try {
    // With `info`, each record comes with where it was read (csv-parse's types do not say so).
    const records = parse(text, {
      delimiter,
      bom: true,
      info: true,
      skip_empty_lines: true,
      max_record_size: MAX_LINE_CHARS,
      // One past the limit (and the header) is enough to know the file is too long.
      to: maxRows + 2,
    }) as unknown as { record: Cells; info: { lines: number } }[];
    if (records.length - 1 > maxRows) return { ok: false, problem: 'too_many_rows' };
    return records.slice(1).map(({ record, info }) => ({ line: info.lines, cells: record }));
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { ok: false, problem: 'unreadable', ...(line ? { line } : {}) };
  }
}

/** The currency: the one the amount spent's header names, else the currency column's. */
function currencyOf(
  layout: ExportLayout,
  rows: { cells: Cells }[],
): { currency: string; digits: number } | ImportProblem {
  const named = new Set(layout.spendCurrencies);
  if (named.size > 1)
    return { ok: false, problem: 'mixed_currencies', detail: [...named].join(', ') };
  const column = layout.index.currency;
  const fromColumn = column === undefined ? undefined : rows[0]?.cells[column]?.trim();
  const currency = (layout.spendCurrencies[0] ?? fromColumn ?? '').toUpperCase();
  if (currency === '') return { ok: false, problem: 'no_currency' };
  const digits = minorUnitDigits(currency);
  if (digits === null || !/^[A-Z]{3}$/.test(currency))
    return { ok: false, problem: 'unknown_currency', detail: currency };
  return { currency, digits };
}

/** One data row read with the file's decimal mark and currency, or what is wrong with it. */
function readRow(
  row: { line: number; cells: Cells },
  layout: ExportLayout,
  money: { currency: string; digits: number; mark: DecimalMark },
  limits: { maxCampaignNameChars: number },
): ReadRow | ImportProblem {
  const { index, headers } = layout;
  const cell = (column: ExportColumn) => {
    const at = index[column];
    return at === undefined ? '' : (row.cells[at] ?? '');
  };
  const bad = (
    problem: 'bad_number' | 'bad_date' | 'too_many_decimals' | 'long_campaign_name',
    column: ExportColumn,
  ): ImportProblem => ({
    ok: false,
    problem,
    line: row.line,
    detail: `${headers[column]}: “${cell(column).slice(0, 40)}”`,
  });
  if (index.currency !== undefined && cell('currency').trim().toUpperCase() !== money.currency)
    return { ok: false, problem: 'mixed_currencies', line: row.line, detail: cell('currency') };
  let day: string | null;
  if (index.day !== undefined) {
    day = readDay(cell('day'), money.mark);
    if (!day) return bad('bad_date', 'day');
  } else {
    day = readDay(cell('reportingStarts'), money.mark);
    if (!day) return bad('bad_date', 'reportingStarts');
    const end = readDay(cell('reportingEnds'), money.mark);
    if (!end) return bad('bad_date', 'reportingEnds');
    // A row over several days cannot be put on one day: a day-by-day export is needed.
    if (end !== day) return { ok: false, problem: 'spans_days', line: row.line };
  }
  const spend = readMinorUnits(cell('spend'), money.mark, money.digits);
  if (spend === null) return bad('bad_number', 'spend');
  if (spend === 'too_many_decimals') return bad('too_many_decimals', 'spend');
  const campaignName = campaignNameOf(cell('campaign'));
  if (campaignName.length > limits.maxCampaignNameChars)
    return bad('long_campaign_name', 'campaign');
  const counts = { impressions: 0, linkClicks: 0, results: 0 };
  for (const column of ['impressions', 'linkClicks', 'results'] as const) {
    const count = readCount(cell(column), money.mark);
    if (count === null) return bad('bad_number', column);
    counts[column] = count;
  }
  const indicator = cell('resultIndicator').trim();
  const objectiveCell = index.objective === undefined ? null : cell('objective');
  return {
    day,
    campaignName,
    placement: index.placement === undefined ? 'all' : foldPlacement(cell('placement')),
    platform: cell('platform').trim(),
    spendMinorUnits: spend,
    ...counts,
    resultIndicator: indicator === '' ? null : indicator,
    objective: objectiveOf(objectiveCell, indicator),
  };
}

/** The period an export covers: its reporting dates where given, else its rows' days. */
function periodOf(
  layout: ExportLayout,
  rows: { cells: Cells }[],
  read: ReadRow[],
  mark: DecimalMark,
) {
  const days = read.map((row) => row.day);
  for (const column of ['reportingStarts', 'reportingEnds'] as const) {
    const at = layout.index[column];
    if (at === undefined) continue;
    for (const row of rows) {
      const day = readDay(row.cells[at] ?? '', mark);
      if (day) days.push(day);
    }
  }
  days.sort();
  return { firstDay: days[0] as string, lastDay: days[days.length - 1] as string };
}

/**
 * Reads an export's text: the delimiter (comma from the ads manager, semicolon from a
 * spreadsheet re-saved in Brazil) by the header it recognises best; headers in Portuguese
 * or English; numbers the Brazilian or the English way (see decimalMarkOf); a totals row
 * skipped and reported; placements folded and the same day, campaign and placement summed.
 */
export function parseAdsExport(text: string, rules: ExportRules): ParsedImport | ImportProblem {
  if (text.replace(/^\uFEFF/, '').trim() === '') return { ok: false, problem: 'empty' };
  // No header recognised at all (a file of junk): every required column is missing.
  const { delimiter, layout } = findLayout(text) ?? { delimiter: ',', layout: readLayout([]) };
  const missing = missingColumns(layout);
  if (missing.length > 0) {
    const names = missing.map((column) => expectedHeader(column, layout.language));
    return { ok: false, problem: 'missing_columns', detail: names.join(', ') };
  }
  const records = readRecords(text, delimiter, rules.campaignImports.maxRows);
  if (!Array.isArray(records)) return records;
  const skipped: SkippedRow[] = [];
  const data = records.filter((row) => {
    if (row.cells.every((cell) => cell.trim() === '')) return false;
    const campaign = row.cells[layout.index.campaign as number] ?? '';
    if (!isTotalsRow(campaign)) return true;
    skipped.push({ line: row.line, reason: 'totals' });
    return false;
  });
  if (data.length === 0) return { ok: false, problem: 'no_rows' };
  const currency = currencyOf(layout, data);
  if ('problem' in currency) return currency;
  const mark = decimalMarkOf(layout, data, delimiter);
  if (typeof mark !== 'string') return mark;
  const read: ReadRow[] = [];
  for (const row of data) {
    const one = readRow(row, layout, { ...currency, mark }, rules.campaignImports);
    if ('problem' in one) return one;
    read.push(one);
  }
  const rows: ImportedDay[] = foldRows(read, currency.currency);
  return {
    ok: true,
    currency: currency.currency,
    ...periodOf(layout, data, read, mark),
    rows,
    readRows: read.length,
    campaigns: [...new Set(rows.map((row) => row.campaignName))].sort(),
    placements: [...new Set(rows.map((row) => row.placement))] as AdPlacement[],
    platforms: [...new Set(read.map((row) => row.platform).filter((p) => p !== ''))].sort(),
    columns: Object.entries(layout.headers).map(([column, header]) => ({
      column: column as ExportColumn,
      header: header as string,
    })),
    unknownColumns: layout.unknown,
    skipped,
    language: layout.language satisfies HeaderLanguage,
    decimalMark: mark,
    delimiter,
  };
}
