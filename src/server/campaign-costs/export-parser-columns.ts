// The columns of an ads manager export Ponte reads, by their Portuguese or English header.

/** A column Ponte uses; the rest of the export is listed as not used. */
export type ExportColumn =
  | 'campaign'
  | 'spend'
  | 'currency'
  | 'impressions'
  | 'linkClicks'
  | 'results'
  | 'resultIndicator'
  | 'objective'
  | 'reportingStarts'
  | 'reportingEnds'
  | 'day'
  | 'platform'
  | 'placement';

export type HeaderLanguage = 'pt' | 'en';

/** Headers as the ads manager writes them (compared without case or accents). */
const HEADERS: Record<Exclude<ExportColumn, 'spend'>, Record<HeaderLanguage, string>> = {
  campaign: { pt: 'Nome da campanha', en: 'Campaign name' },
  currency: { pt: 'Moeda', en: 'Currency' },
  impressions: { pt: 'Impressões', en: 'Impressions' },
  linkClicks: { pt: 'Cliques no link', en: 'Link clicks' },
  results: { pt: 'Resultados', en: 'Results' },
  resultIndicator: { pt: 'Indicador de resultados', en: 'Result indicator' },
  objective: { pt: 'Objetivo', en: 'Objective' },
  reportingStarts: { pt: 'Início dos relatórios', en: 'Reporting starts' },
  reportingEnds: { pt: 'Encerramento dos relatórios', en: 'Reporting ends' },
  day: { pt: 'Dia', en: 'Day' },
  platform: { pt: 'Plataforma', en: 'Platform' },
  placement: { pt: 'Posicionamento', en: 'Placement' },
};

// The amount spent names its currency: "Valor usado (BRL)", "Amount spent (USD)".
const SPEND: Record<HeaderLanguage, RegExp> = {
  pt: /^valor (?:usado|gasto)(?: \(([a-z]{3})\))?$/,
  en: /^amount spent(?: \(([a-z]{3})\))?$/,
};

/** The columns without which an export cannot be read (a day column may stand for the period). */
export const REQUIRED_COLUMNS = [
  'campaign',
  'spend',
  'impressions',
  'linkClicks',
  'results',
] as const satisfies readonly ExportColumn[];

/** A header as compared: trimmed, lower-case, accents and repeated spaces gone. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** A recognised header: its column, language, and for the amount spent its currency (if named). */
export type RecognisedHeader = {
  column: ExportColumn;
  language: HeaderLanguage;
  currency?: string;
};

/** What a header is, or null when Ponte does not use it. */
export function recogniseHeader(header: string): RecognisedHeader | null {
  const text = normalizeHeader(header);
  for (const language of ['pt', 'en'] as const) {
    const spend = SPEND[language].exec(text);
    if (spend) return { column: 'spend', language, currency: spend[1]?.toUpperCase() };
    for (const [column, names] of Object.entries(HEADERS)) {
      if (normalizeHeader(names[language]) === text)
        return { column: column as ExportColumn, language };
    }
  }
  return null;
}

/** The export's header row read: where each column is, what is not used, the language. */
export type ExportLayout = {
  index: Partial<Record<ExportColumn, number>>;
  headers: Partial<Record<ExportColumn, string>>;
  // Every currency named by an amount-spent header (two different ones: mixed currencies).
  spendCurrencies: string[];
  language: HeaderLanguage;
  unknown: string[];
};

/** Reads a header row; the language is the one most recognised headers are written in. */
export function readLayout(headerRow: readonly string[]): ExportLayout {
  const layout: ExportLayout = {
    index: {},
    headers: {},
    spendCurrencies: [],
    language: 'pt',
    unknown: [],
  };
  const votes = { pt: 0, en: 0 };
  headerRow.forEach((header, i) => {
    const recognised = recogniseHeader(header);
    if (recognised?.column === 'spend' && recognised.currency)
      layout.spendCurrencies.push(recognised.currency);
    if (!recognised || layout.index[recognised.column] !== undefined) {
      if (header.trim() !== '') layout.unknown.push(header.trim());
      return;
    }
    layout.index[recognised.column] = i;
    layout.headers[recognised.column] = header.trim();
    votes[recognised.language] += 1;
  });
  layout.language = votes.en > votes.pt ? 'en' : 'pt';
  return layout;
}

/** The required columns an export lacks, and the reporting period's when there is no day column. */
export function missingColumns(layout: ExportLayout): ExportColumn[] {
  const missing: ExportColumn[] = REQUIRED_COLUMNS.filter((c) => layout.index[c] === undefined);
  if (layout.index.day === undefined) {
    for (const column of ['reportingStarts', 'reportingEnds'] as const)
      if (layout.index[column] === undefined) missing.push(column);
  }
  return missing;
}

/** The header Ponte expects for a column, in the export's language (to name what is missing). */
export function expectedHeader(column: ExportColumn, language: HeaderLanguage): string {
  if (column === 'spend') return language === 'pt' ? 'Valor usado (BRL)' : 'Amount spent (USD)';
  return HEADERS[column][language];
}
