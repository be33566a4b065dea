// Which decimal mark an export's numbers use: Brazilian ("1.741,86") or English ("1,741.86").

import type { ImportProblem } from './campaign-import-result.ts';
import type { ExportColumn, ExportLayout } from './export-parser-columns.ts';
import { type DecimalMark, decimalMarkShownBy } from './export-parser-values.ts';

const NUMBER_COLUMNS = [
  'spend',
  'impressions',
  'linkClicks',
  'results',
] as const satisfies readonly ExportColumn[];

/**
 * The file's decimal mark, from the cells that show it ("12,5", "1.741,86" or "12.50"); one
 * file writing both ways is refused. When no cell shows it ("1.741" reads as 1741 or
 * 1.741), a semicolon-separated file is a spreadsheet saved in Brazil (comma decimals),
 * otherwise the headers' language decides: Portuguese, comma; English, point.
 */
export function decimalMarkOf(
  layout: ExportLayout,
  rows: { line: number; cells: string[] }[],
  delimiter: string,
): DecimalMark | ImportProblem {
  let seen: { mark: DecimalMark; line: number } | null = null;
  for (const row of rows) {
    for (const column of NUMBER_COLUMNS) {
      const cell = row.cells[layout.index[column] as number] ?? '';
      const mark = decimalMarkShownBy(cell);
      if (mark !== ',' && mark !== '.') continue;
      if (seen && seen.mark !== mark)
        return {
          ok: false,
          problem: 'mixed_number_formats',
          line: row.line,
          detail: `${layout.headers[column]}: “${cell.slice(0, 40)}”`,
        };
      seen ??= { mark, line: row.line };
    }
  }
  if (seen) return seen.mark;
  if (delimiter === ';') return ',';
  return layout.language === 'pt' ? ',' : '.';
}
