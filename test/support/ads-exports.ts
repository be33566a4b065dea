import { stringify } from 'csv-stringify/sync';
import { policy } from '../../src/policy/index.ts';
import { parseAdsExport } from '../../src/server/campaign-costs/export-parser.ts';

/**
 * Ads manager exports as the tests build them, in the real column layouts: the ads manager's
 * own columns in its order (a campaign report broken down by placement, with the columns
 * Ponte does not use among them), in Portuguese or English.
 */
export const PT_BY_PLACEMENT = [
  'Início dos relatórios',
  'Encerramento dos relatórios',
  'Nome da campanha',
  'Plataforma',
  'Posicionamento',
  'Veiculação da campanha',
  'Resultados',
  'Indicador de resultados',
  'Alcance',
  'Impressões',
  'Custo por resultados',
  'Valor usado (BRL)',
  'Cliques no link',
  'CPC (custo por clique no link) (BRL)',
  'CPM (custo por 1.000 impressões) (BRL)',
  'Término',
];

export const EN_BY_PLACEMENT = [
  'Reporting starts',
  'Reporting ends',
  'Campaign name',
  'Platform',
  'Placement',
  'Campaign delivery',
  'Results',
  'Result indicator',
  'Reach',
  'Impressions',
  'Cost per results',
  'Amount spent (USD)',
  'Link clicks',
  'CPC (cost per link click) (USD)',
  'CPM (cost per 1,000 impressions) (USD)',
  'Ends',
];

/** One row of a by-placement export; the unused columns get plausible values. */
export type ExportRow = {
  starts: string;
  ends?: string;
  campaign: string;
  platform?: string;
  placement?: string;
  results?: string;
  indicator?: string;
  impressions: string;
  spend: string;
  clicks: string;
};

/** The cells of a row in the by-placement layout above (either language). */
export function placementCells(row: ExportRow): string[] {
  return [
    row.starts,
    row.ends ?? row.starts,
    row.campaign,
    row.platform ?? 'instagram',
    row.placement ?? 'Feed',
    'active',
    row.results ?? '',
    row.indicator ?? '',
    '1000',
    row.impressions,
    '',
    row.spend,
    row.clicks,
    '',
    '',
    'Em andamento',
  ];
}

/**
 * A CSV file's text: the header and rows, with the delimiter (the ads manager writes commas;
 * a spreadsheet re-saved in Brazil semicolons), quoted where needed, an optional BOM.
 */
export function exportCsv(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  options: { delimiter?: string; bom?: boolean; quoted?: boolean } = {},
): string {
  return stringify([header, ...rows], {
    delimiter: options.delimiter ?? ',',
    bom: options.bom ?? false,
    quoted: options.quoted ?? false,
    record_delimiter: 'windows',
  });
}

/** The same as bytes, as an upload carries them. */
export function exportBytes(...args: Parameters<typeof exportCsv>): Uint8Array {
  return new TextEncoder().encode(exportCsv(...args));
}

/** A by-day, by-placement export of `campaigns` × `days` × feed and stories (the bench's size). */
export function largeExport(campaigns: number, days: number, firstDay = '2026-10-01'): string {
  const rows: string[][] = [];
  const start = new Date(`${firstDay}T00:00:00Z`).getTime();
  for (let d = 0; d < days; d++) {
    const day = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
    for (let c = 0; c < campaigns; c++) {
      for (const placement of ['Feed', 'Stories']) {
        rows.push(
          placementCells({
            starts: day,
            campaign: `Campanha ${c + 1}`,
            placement,
            results: String(3 + (c % 5)),
            indicator: c % 2 === 0 ? 'actions:lead' : 'actions:link_click',
            impressions: String(10_000 + c * 37 + d),
            spend: `${120 + c},${String(d % 100).padStart(2, '0')}`,
            clicks: String(200 + c),
          }),
        );
      }
    }
  }
  return exportCsv(PT_BY_PLACEMENT, rows, { delimiter: ';' });
}

/** An export's text read with the agency's policy: its figures, or why it is refused. */
export const parseExport = (text: string) => parseAdsExport(text, policy);

/** An export read, failing the test (with the refusal) when it is refused. */
export function parsedExport(text: string) {
  const result = parseExport(text);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result)}`);
  return result;
}
