// Where a client's campaign figures come from. Today an uploaded CSV export of the ads
// manager; the interface leaves room for a pull from the ad platform's API (see README,
// "Importing the ads manager's export", for what that would need).
import type { ImportProblem, ParsedImport } from './campaign-import-result.ts';
import { type ExportRules, parseAdsExport } from './export-parser.ts';
import { exportText } from './export-parser-text.ts';

export type CampaignSourceKind = 'csv' | 'xlsx' | 'api';

/**
 * A source of campaign figures: it reads its input (a file's bytes; for an API, the period to
 * pull) into the figures the preview shows and the save writes, or says why it cannot.
 */
export interface CampaignSource<Input> {
  kind: CampaignSourceKind;
  read(input: Input): Promise<ParsedImport | ImportProblem>;
}

/**
 * The ads manager's export as CSV, checked by its bytes first: text within the policy's
 * size, UTF-8 (the ads manager's own encoding) or Windows-1252 (Excel's plain CSV in
 * Brazil). A spreadsheet (XLSX, XLS) is refused with "save it as CSV": no XLSX reader fits
 * the Worker (see README).
 */
export function csvExportSource(rules: ExportRules): CampaignSource<Uint8Array> {
  return {
    kind: 'csv',
    async read(bytes) {
      if (bytes.byteLength === 0) return { ok: false, problem: 'empty' };
      if (bytes.byteLength > rules.campaignImports.maxUploadBytes)
        return { ok: false, problem: 'too_large' };
      const text = exportText(bytes);
      if (text === 'spreadsheet' || text === 'not_text') return { ok: false, problem: text };
      return parseAdsExport(text, rules);
    },
  };
}
