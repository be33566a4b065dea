// The cells of an ads manager export as Ponte reads them: numbers written the Brazilian or
// the English way, dates, placements folded into Ponte's, and whether a result is a lead.
import type { AdPlacement, CampaignObjective } from '../../../db/schema/campaign-costs.ts';
import { normalizeHeader } from './export-parser-columns.ts';

/** Which character separates the decimals: ',' (Brazilian, "1.741,86") or '.' ("1,741.86"). */
export type DecimalMark = ',' | '.';

/** What a number cell says about the file's decimal mark: one of them, or nothing certain. */
export function decimalMarkShownBy(cell: string): DecimalMark | 'either' | 'none' {
  const text = cell.trim().replace(/^-/, '');
  if (/^\d+$/.test(text) || text === '') return 'none';
  const lastComma = text.lastIndexOf(',');
  const lastPoint = text.lastIndexOf('.');
  if (lastComma >= 0 && lastPoint >= 0) return lastComma > lastPoint ? ',' : '.';
  const mark = lastComma >= 0 ? ',' : '.';
  // "1,741" or "1.741.000": a group of three after each mark reads both ways ("1.741" is
  // 1741 in Brazil, one and three quarters elsewhere); several marks can only be groups.
  const groups = text.split(mark);
  if (groups.length > 2) return mark === ',' ? '.' : ',';
  return groups[1]?.length === 3 ? 'either' : mark;
}

/**
 * A number cell as a decimal string with '.' ("1741.86"), read with the file's decimal mark;
 * null when it is not a number written that way (letters, groups of the wrong size). An
 * empty cell is 0: the ads manager leaves a cell empty when there was nothing.
 */
export function readNumber(cell: string, mark: DecimalMark): string | null {
  const text = cell.trim();
  if (text === '') return '0';
  const grouping = mark === ',' ? '\\.' : ',';
  const decimals = mark === ',' ? ',' : '\\.';
  const pattern = new RegExp(`^(\\d{1,3}(?:${grouping}\\d{3})+|\\d+)(?:${decimals}(\\d+))?$`);
  const match = pattern.exec(text);
  if (!match) return null;
  const whole = (match[1] ?? '').replaceAll(mark === ',' ? '.' : ',', '');
  return match[2] === undefined ? whole : `${whole}.${match[2]}`;
}

/** A whole count (impressions, clicks, results); null when the cell is not one. */
export function readCount(cell: string, mark: DecimalMark): number | null {
  const number = readNumber(cell, mark);
  if (number === null || number.includes('.')) return null;
  const count = Number(number);
  return Number.isSafeInteger(count) ? count : null;
}

/**
 * An amount in minor units of a currency with `digits` decimals; null when it is not a number,
 * 'too_many_decimals' when it has more decimals than the currency (non-zero ones: "10.50" in
 * yen is 10.5 yen, which cannot be saved without rounding, and a rounded spend is a guess).
 */
export function readMinorUnits(
  cell: string,
  mark: DecimalMark,
  digits: number,
): number | 'too_many_decimals' | null {
  const number = readNumber(cell, mark);
  if (number === null) return null;
  const [whole = '0', fraction = ''] = number.split('.');
  if (/[1-9]/.test(fraction.slice(digits))) return 'too_many_decimals';
  const kept = fraction.padEnd(digits, '0').slice(0, digits);
  const minor = Number(whole) * 10 ** digits + Number(kept || '0');
  return Number.isSafeInteger(minor) ? minor : null;
}

/**
 * A campaign name as kept: trimmed, every run of spaces and line breaks one space (a browser
 * posts a line break back as CRLF, so a name with one could never be acknowledged).
 */
export function campaignNameOf(cell: string): string {
  return cell.replace(/\s+/g, ' ').trim();
}

// ISO 4217 codes the runtime knows (Intl formats any three letters, "XYZ" included).
let knownCurrencies: Set<string> | null = null;

/** How many decimals a currency's minor unit has (BRL 2, JPY 0); null for an unknown code. */
export function minorUnitDigits(currency: string): number | null {
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  if (!knownCurrencies.has(currency)) return null;
  const format = new Intl.NumberFormat('en', { style: 'currency', currency });
  return format.resolvedOptions().maximumFractionDigits ?? 2;
}

const isRealDay = (day: string) => {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
};

/**
 * A date cell as YYYY-MM-DD: the ads manager writes 2026-11-30; a spreadsheet re-saved in
 * Brazil writes 30/11/2026, read only in a file with Brazilian numbers (the English order
 * of day and month is not guessed). Null when it is neither.
 */
export function readDay(cell: string, mark: DecimalMark): string | null {
  const text = cell.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const brazilian = mark === ',' ? /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text) : null;
  const day = iso ? text : brazilian ? `${brazilian[3]}-${brazilian[2]}-${brazilian[1]}` : null;
  return day && isRealDay(day) ? day : null;
}

/**
 * Where an ad ran, folded into Ponte's placements: every feed (Facebook's, Instagram's, the
 * video and profile feeds) is 'feed', every story 'stories', anything else (Reels, Explore,
 * Marketplace, search results…) 'other'.
 */
export function foldPlacement(cell: string): AdPlacement {
  const text = cell.trim().toLowerCase();
  if (text.includes('stor')) return 'stories';
  if (text.includes('feed')) return 'feed';
  return 'other';
}

/**
 * Whether the result indicator names a lead ("actions:lead", "leadgen",
 * "offsite_conversion.fb_pixel_lead", "Leads (formulário)"): only then is a cost per lead
 * computed from the results.
 */
export function namesALead(indicator: string): boolean {
  return /lead/i.test(indicator);
}

// The ads manager's objectives as its exports write them (Portuguese or English, the
// current "Outcome" names and the older API names), compared without case or accents.
const OBJECTIVE_NAMES: [CampaignObjective, RegExp][] = [
  ['leads', /lead|cadastro/],
  ['traffic', /traffic|trafego|link_clicks/],
  ['reach', /reach|alcance|awareness|reconhecimento/],
];

// What a result indicator counts, when the export has no objective column: any lead is a
// leads campaign, link clicks or landing page views a traffic one, reach or impressions reach.
const INDICATOR_OBJECTIVES: [CampaignObjective, RegExp][] = [
  ['leads', /lead|cadastro/],
  ['traffic', /link_click|landing_page_view|cliques no link|visualizac\w* da pagina de destino/],
  ['reach', /reach|alcance|impression/],
];

/**
 * A campaign's objective: the export's objective cell where it has one (an objective Ponte
 * has no norm for, such as sales or engagement, is null), else what its result indicator
 * counts; null when neither says — such a campaign is compared with no norm.
 */
export function objectiveOf(
  objectiveCell: string | null,
  indicator: string | null,
): CampaignObjective | null {
  const [text, names] =
    objectiveCell !== null && objectiveCell.trim() !== ''
      ? [objectiveCell, OBJECTIVE_NAMES]
      : [indicator ?? '', INDICATOR_OBJECTIVES];
  const found = names.find(([, pattern]) => pattern.test(normalizeHeader(text)));
  return found ? found[0] : null;
}

/**
 * A totals row: the ads manager's summary line has no campaign name, or one that says
 * "Total" ("Totais", "Total geral", "Grand total").
 */
export function isTotalsRow(campaignName: string): boolean {
  return /^(|total|totais|total geral|grand total|totals)$/i.test(campaignName.trim());
}
